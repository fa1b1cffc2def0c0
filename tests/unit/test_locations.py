"""The data dir is found in the documented order, so an upgrade never 'loses' the database."""

from pathlib import Path

from tenant_inspect.locations import ENV_VAR, resolve_data_dir


def test_cli_option_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    d = resolve_data_dir(tmp_path / "cli")
    assert d.path == tmp_path / "cli" and d.source == "--data-dir"


def test_environment_wins_over_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    d = resolve_data_dir(None)
    assert d.path == tmp_path / "env" and d.source == ENV_VAR


def test_platformdirs_default(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    d = resolve_data_dir(None)
    assert d.source == "platformdirs" and "tenant-inspect" in str(d.path)
    assert d.db_path.name == "tenant-inspect.db"


def test_relative_paths_are_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir("rel").path == Path(tmp_path / "rel")
