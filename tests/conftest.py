"""Shared fixtures: every test gets its own temporary data dir; nothing touches ~."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tenant_inspect.locations import DataDir, resolve_data_dir

if TYPE_CHECKING:
    from tests.support.postgres import PostgresServer

#: Young-generation threshold for the cyclic garbage collector in test processes (Python's
#: default is 700). See :func:`pytest_collection_finish`.
GC_THRESHOLD = (10_000, 10, 10)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in this (worker) process: about a fifth of a Pilot test's
    CPU went on the collector walking the same long-lived objects again and again.

    What collection imported (Textual, SQLAlchemy, the models, every test module) is frozen,
    so full collections leave it out, as the app itself does once it has started
    (``screens/app.py``); and young collections run after 10,000 new objects instead of 700.
    Garbage is still collected, only in larger batches: nothing a test asserts depends on
    when. (``cli.main`` unfreezes when it returns, so after an in-process command the frozen
    objects are walked again as usual.)
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    _shorter_idle_waits()


#: How long Pilot sleeps between looks at whether the app is idle, in seconds (Textual's
#: own is 1/50). See :func:`_shorter_idle_waits`.
IDLE_LOOK = 1 / 500


def _shorter_idle_waits() -> None:
    """Let Pilot notice sooner that the app has finished with a key.

    After every key Pilot sends, Textual sleeps in steps of 20 ms until a step passes with
    almost no CPU used (``textual._wait.wait_for_idle``, twice per key): a test that types a
    few hundred characters spent half its time asleep. The steps are only a sampling rate:
    the rule "idle means a step with (almost) no CPU used" is unchanged, at the same ratio
    (a twentieth of the step), so a key is still fully handled before the next is sent; what
    each test waits for beyond that, it waits for explicitly (:mod:`tests.support.settling`).
    """
    from textual import _wait

    _wait.SLEEP_GRANULARITY = IDLE_LOOK
    _wait.SLEEP_IDLE = IDLE_LOOK / 20


#: The longest tests (10 s and more of wall time each on the 2-core machine): started first,
#: one per worker, so none of them is left running alone at the end while the other
#: workers sit idle. Test names, not timings: a test missing here only runs where it is.
LONG_TESTS = (
    "test_whole_flow.py::test_whole_fieldwork_flow_survives_a_restart",
    "test_merge_properties.py::test_import_is_order_free_and_idempotent",
    "test_interview.py::test_interview_runs_with_skip_logic_findings_and_resumes_after_restart",
    "test_bundle_import_beside_app.py::test_saves_never_fail_while_a_file_imports",
    "test_action_plan_screen.py::test_response_and_items_are_saved_as_typed",
    "test_kill_random.py::test_random_kills_lose_nothing_committed",
    "test_monitoring.py::test_two_rounds_and_what_changed",
    "test_review.py::test_review_two_documents_with_answers_observations_and_findings",
    "test_recommendations.py::test_three_recommendations_linked_renumbered_and_in_the_report",
    "test_findings.py::test_finding_from_selected_notes_then_edit_and_delete_from_the_panel",
    "test_demo.py::test_large_demo_counts",
)


@pytest.fixture(scope="session", autouse=True)
def _demos_shared_by_workers(request: pytest.FixtureRequest) -> None:
    """Under xdist, the workers of this run share the demo templates (tests.support.demo_copy):
    pytest gives each worker its own temporary folder inside one made for the run."""
    if hasattr(request.config, "workerinput"):
        from tests.support import demo_copy

        base = request.getfixturevalue("tmp_path_factory").getbasetemp().parent
        demo_copy.SHARED[:] = [base / "demo-templates"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put each long test at the start of a different worker's share of the suite.

    pytest-xdist's work-stealing scheduler first splits the ordered list into one contiguous
    share per worker, and idle workers later steal from the *ends* of the others' shares.
    A long test collected late (most are in ``unit/``, collected last) then starts last and
    runs alone; started first, each overlaps the rest. The order is the same in every
    worker (xdist checks), because it depends only on the names.
    """
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers < 2:
        return
    rank = {name: i for i, name in enumerate(LONG_TESTS)}
    long_items = sorted(
        (item for item in items if _short_id(item) in rank), key=lambda i: rank[_short_id(i)]
    )
    if not long_items:
        return
    chosen = set(map(id, long_items))
    rest = [item for item in items if id(item) not in chosen]
    share = -(-len(rest) // workers)
    ordered: list[pytest.Item] = []
    for w in range(workers):
        ordered += long_items[w::workers] + rest[w * share : (w + 1) * share]
    items[:] = ordered


def _short_id(item: pytest.Item) -> str:
    return item.nodeid.rsplit("/", 1)[-1].split("[", 1)[0]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests away from the real user data dir and make Textual deterministic."""
    monkeypatch.setenv("TENANT_INSPECT_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.delenv("TENANT_INSPECT_DATABASE", raising=False)  # never someone's server
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return resolve_data_dir(tmp_path / "data")


@pytest.fixture
def store(data_dir: DataDir) -> Iterator[object]:
    """A store on the test's data dir: an empty database at the current schema.

    The database is a copy of one migrated once per worker (see ``tests/support/empty_db.py``);
    tests of creating or migrating a database open their own.
    """
    from tenant_inspect.store import open_store
    from tests.support.empty_db import empty_data_dir

    s = open_store(empty_data_dir(data_dir))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test process's own (see ``tests/support/postgres.py``),
    started the first time a test asks for it and stopped when the session ends, whatever
    happened. No PostgreSQL installed: those tests are skipped, and the reason (how to
    install it) is printed in the summary (``-ra``), as issue 13 asks; CI on a machine
    with PostgreSQL runs them all."""
    from tests.support.postgres import PostgresMissing, PostgresServer

    try:
        server = PostgresServer().start()
    except PostgresMissing as exc:
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of an empty database of this test's own on the test server, dropped after."""
    name = postgres_server.new_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
