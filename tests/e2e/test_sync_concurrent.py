"""Ten laptops edit one inspection and sync with the same server at once: nothing is lost.

Each client has its own SQLite data folder holding the inspection. In every round each
one edits the same field of the same finding (everyone's edit collides), a finding of
its own (nobody else's), and in the first round deletes a finding of its own; then all
ten sync at the same moment (threads released together). A final two passes of syncs
let every laptop catch up. Then, compared with every edit made:

* each client's last edit of the shared field is either the value shown or kept as an
  open conflict (as ``bundle conflicts`` lists them), on the server and on every laptop
  (earlier edits were seen by their own author's later ones, which replace them);
* each client's own finding shows its last edit;
* the deletions hold everywhere;
* every laptop's ``dump`` equals the server's (conflict rows aside: their ids are each
  side's own, the values they keep travel with their rows and are compared).
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import replace
from pathlib import Path

from tenant_inspect import analysis, records
from tenant_inspect import models as m
from tenant_inspect.dump import write_dump
from tenant_inspect.inspections import create_inspection
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.merge_conflicts import list_conflicts
from tenant_inspect.store import open_store
from tenant_inspect.sync import sync

CLIENTS = 10
ROUNDS = 2


def run_sync(folder: DataDir, url: str, inspection: str | None = None) -> None:
    with open_store(folder) as store:
        sync(store, folder, url, inspection)


def dump_and_conflicts(folder: DataDir, inspection_id: str) -> tuple[dict[str, object], set]:
    out = io.StringIO()
    with open_store(folder) as store, store.read() as s:
        write_dump(s, inspection_id, out.write)
        kept = {
            (c.row_id, c.field, frozenset((json.dumps(c.current_value), json.dumps(c.other_value))))
            for c in list_conflicts(s, inspection_id)
        }
    data = json.loads(out.getvalue())
    data["tables"].pop("conflict")
    return data, kept


def test_ten_laptops_syncing_at_once_lose_no_edit(tmp_path: Path, pg_url: str) -> None:
    laptops = [resolve_data_dir(tmp_path / f"laptop{c}") for c in range(CLIENTS)]
    with open_store(laptops[0]) as store, store.write() as s:
        inspection_id = create_inspection(s, title="Repairs", landlord="Riverside").id
        ids = [
            analysis.add_finding(s, inspection_id, kind="weakness", text=f"Finding {i}").id
            for i in range(1 + 2 * CLIENTS)
        ]
    shared, own, doomed = ids[0], ids[1 : 1 + CLIENTS], ids[1 + CLIENTS :]
    run_sync(laptops[0], pg_url)
    for folder in laptops[1:]:
        run_sync(folder, pg_url, inspection_id[:8])

    failures: list[BaseException] = []

    def client(c: int, round_: int, start: threading.Barrier) -> None:
        try:
            with open_store(laptops[c]) as store, store.write() as s:
                s.get(m.Finding, shared).text = f"c{c} r{round_}"  # type: ignore[union-attr]
                s.get(m.Finding, own[c]).text = f"own c{c} r{round_}"  # type: ignore[union-attr]
                if round_ == 0:
                    records.delete(s, s.get(m.Finding, doomed[c]))  # type: ignore[arg-type]
            start.wait(timeout=30)
            run_sync(laptops[c], pg_url)
        except BaseException as exc:  # reported below, with the client's number
            failures.append(exc)

    for round_ in range(ROUNDS):
        start = threading.Barrier(CLIENTS)
        threads = [threading.Thread(target=client, args=(c, round_, start)) for c in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not failures, failures
    for folder in laptops + laptops[:-1]:  # all to the server, then back to all
        run_sync(folder, pg_url)

    server = replace(laptops[0], database=pg_url)
    on_server, server_conflicts = dump_and_conflicts(server, inspection_id)
    with open_store(server) as store, store.read() as s:
        shown = s.get(m.Finding, shared).text  # type: ignore[union-attr]
        kept = {shown} | {
            value
            for c in list_conflicts(s, inspection_id)
            if c.row_id == shared and c.field == "text"
            for value in (c.current_value, c.other_value)
        }
        for c in range(CLIENTS):
            assert f"c{c} r{ROUNDS - 1}" in kept, (c, kept)
            assert s.get(m.Finding, own[c]).text == f"own c{c} r{ROUNDS - 1}"  # type: ignore[union-attr]
            assert s.get(m.Finding, doomed[c]).deleted_at is not None  # type: ignore[union-attr]
    assert server_conflicts  # the shared field's collisions are listed, not settled silently
    for folder in laptops:
        assert dump_and_conflicts(folder, inspection_id) == (on_server, server_conflicts)
