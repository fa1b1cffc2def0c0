"""The ``--database`` option: read from the command line or the environment, checked, mapped to
psycopg 3 and described without its password — all before anything connects."""

from __future__ import annotations

import pytest

from tenant_inspect.cli import build_parser
from tenant_inspect.errors import UserError
from tenant_inspect.locations import data_dir_of
from tenant_inspect.storage.postgres.url import (
    connect_params,
    describe,
    describe_params,
    engine_url,
)
from tests.support import postgres as support


def test_the_option_is_global_and_the_environment_is_the_fallback(monkeypatch, tmp_path):
    parser = build_parser()
    before = parser.parse_args(["--database", "postgresql://a@h/db", "list"])
    after = parser.parse_args(["list", "--database", "postgresql://a@h/db"])
    assert data_dir_of(before).database == data_dir_of(after).database == "postgresql://a@h/db"
    assert data_dir_of(parser.parse_args(["list"])).database is None
    monkeypatch.setenv("TENANT_INSPECT_DATABASE", "postgresql://b@h/db")
    assert data_dir_of(parser.parse_args(["list"])).database == "postgresql://b@h/db"
    assert data_dir_of(before).database == "postgresql://a@h/db"  # the option wins


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_urls_are_mapped_to_psycopg(scheme):
    url = engine_url(f"{scheme}://ann:secret@db.example.org:5433/programme")
    assert url.drivername == "postgresql+psycopg"
    where = describe(url)
    assert where == "PostgreSQL database programme on db.example.org:5433 as ann"
    assert "secret" not in where


def test_a_socket_folder_is_described_as_the_host():
    where = describe(engine_url("postgresql:///programme?host=/run/postgresql"))
    assert where == "PostgreSQL database programme on /run/postgresql"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("sqlite:///x.db", "not a sqlite:// one"),
        ("mysql://a@b/c", "not a mysql:// one"),
        ("not a url", "needs a PostgreSQL URL"),
        ("postgresql://ann@db.example.org", "names no database"),
    ],
)
def test_anything_else_is_refused_in_words(text, words):
    with pytest.raises(UserError, match=words):
        engine_url(text)


def test_missing_server_programs_say_how_to_install_them(monkeypatch):
    monkeypatch.setattr(support.shutil, "which", lambda name: None)
    monkeypatch.setattr(support.glob, "glob", lambda pattern: [])
    with pytest.raises(support.PostgresMissing, match="apt-get install postgresql"):
        support.find_bin_dir()


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://ann@db.example.org/programme",
        "postgres://ann:s%40cret@db.example.org:5433/programme",
        "postgresql+psycopg://ann@/programme?host=/run/postgresql",
        "postgresql+psycopg3://ann@[::1]:5432/programme?sslmode=require&connect_timeout=4",
        "postgresql:///pro%20gramme?host=/tmp/socket%20dir&application_name=ti",
        "postgresql://ann@h1,h2/programme",
    ],
)
def test_the_light_path_connects_with_what_the_engine_connects_with(text):
    """The light readers (no SQLAlchemy) read the URL as the engine's dialect does."""
    from tenant_inspect.storage.postgres.engine import make_engine
    from tenant_inspect.storage.postgres.url import connect_params

    engine = make_engine(engine_url(text))
    _, expected = engine.dialect.create_connect_args(engine.url)
    expected.pop("context", None)
    assert connect_params(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sqlite:///x.db",
        "not a url",
        "postgresql://ann@db.example.org",  # no database
        "postgresql://ann@db.example.org:port/programme",
        "postgresql://ann@/programme?host=h1&host=h2",  # several hosts: the store's to judge
        "postgresql://ann@/programme?host=h1:5433",
        "postgresql://ann@/programme?host=h1&port=5433",
    ],
)
def test_urls_the_light_path_does_not_copy_are_left_to_the_store(text):
    from tenant_inspect.storage.postgres.url import connect_params

    assert connect_params(text) is None


@pytest.mark.parametrize(
    ("typed", "kept", "shown"),
    [
        ("postgresql://ann:s3cret@db.example.org/programme",
         "postgresql://ann@db.example.org/programme", "db.example.org/programme"),
        (" postgres://ann@/programme?host=/run/postgresql ",
         "postgres://ann@/programme?host=/run/postgresql", "/run/postgresql/programme"),
        ("postgresql://ann:p%40ss@[::1]:5433/programme?sslmode=require",
         "postgresql://ann@[::1]:5433/programme?sslmode=require", "::1/programme"),
    ],
)  # fmt: skip
def test_a_synced_laptop_keeps_the_url_without_its_password(typed, kept, shown):
    """What ``sync`` records and shows (read without SQLAlchemy): the URL as typed less its
    password, and host/database as SQLAlchemy's reading of the URL gives them."""
    from tenant_inspect.sync import server_name, url_without_password

    assert url_without_password(typed) == kept
    assert "s3cret" not in url_without_password(typed) and "p%40ss" not in kept
    assert server_name(typed) == shown
    url = engine_url(typed)
    host = url.host or url.query.get("host") or "localhost"
    assert shown == f"{host}/{url.database}"
    params = connect_params(typed)  # the plain store's "where", as the engine's store says it
    assert params is not None and describe_params(params) == describe(url)
