"""``dump`` is written piece by piece but its bytes are those of one ``json.dumps`` call.

Streaming keeps a large inspection's dump within the memory budget; merge tests compare
dumps byte for byte, so the streamed text must be exactly the canonical text.
"""

from __future__ import annotations

import json
import sqlite3

from tenant_inspect import inspections
from tenant_inspect.dump import dump_json, inspection_data, write_dump
from tenant_inspect.plain_text import json_for_terminals
from tenant_inspect.store import open_store
from tests.support.demo_copy import demo_data_dir


def _canonical(session, inspection_id: str) -> str:
    data = inspection_data(session, inspection_id)
    return json_for_terminals(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)) + "\n"


def test_streamed_dump_is_the_canonical_text(data_dir):
    demo = demo_data_dir(data_dir)
    with open_store(data_dir) as store:
        _check_streamed_dump(store, data_dir, demo)


def _check_streamed_dump(store, data_dir, demo: str) -> None:
    with store.write() as s:
        empty = inspections.create_inspection(
            s, title="Bidi \u202e and DEL \x7f", landlord="L", with_desktop_review=False
        ).id
    conn = sqlite3.connect(data_dir.db_path)  # an open conflict, as a merge would leave
    conn.execute(
        "INSERT INTO conflict (id, inspection_id, table_name, row_id, field, kept_value, "
        "kept_hlc, other_value, other_hlc, created_at, resolution, kind) VALUES "
        "('c1', ?, 'inspection', ?, 'title', '\"a\"', '1-0-x', '\"b\\u2028\"', '2-0-y', "
        "'2026-01-01T00:00:00.000000Z', '', 'edit')",
        (demo, demo),
    )
    conn.commit()
    conn.close()
    with store.read() as s:
        for inspection_id in (demo, empty):
            pieces: list[str] = []
            write_dump(s, inspection_id, pieces.append)
            assert len(pieces) > 3
            assert "".join(pieces) == dump_json(s, inspection_id) == _canonical(s, inspection_id)
        assert '"action_plan_item": []' in dump_json(s, empty)
