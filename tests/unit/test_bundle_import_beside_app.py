"""The open app keeps saving while the largest file a laptop accepts is imported.

The import runs as its own process (``tenant-inspect bundle import``, as the Team screen's
job or a second terminal would), on the data folder an open store is using; meanwhile the
app's writer (:class:`tenant_inspect.autosave.AutoSaver`) saves typing into rows the file
also holds. A save waits for SQLite's write lock for at most the busy timeout, so every save
succeeding means the import never held that lock too long. Nothing here measures time:
under load the import is slower, and the saves only wait longer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from functools import partial

from bundle_big import write_big_bundle
from bundle_helpers import export, laptop, make_team_inspection

from tenant_inspect import analysis, bundle_format, inspections, records
from tenant_inspect import models as m
from tenant_inspect.autosave import AutoSaver


def _type_into(team, i: int, session) -> None:
    """What the app saves while someone types: a finding's text and the inspection's scope."""
    analysis.update_finding(session, records.get(session, m.Finding, team.finding), text=f"t{i}")
    insp = records.get(session, m.Inspection, team.inspection)
    inspections.update_inspection(session, insp, scope=f"Scope, typed {i} times")


# The file of issue 11 (150,000 answers) used to hold the write lock for half a minute; it is
# now refused from its manifest before any lock is taken (test_bundle_limits.py), so the
# largest file that can still hold the lock is one at every limit.


def test_saves_never_fail_while_a_file_imports(tmp_path):
    store = laptop(tmp_path, "coord")
    team = make_team_inspection(store)
    base = export(store, team.inspection, tmp_path / "base.zip")
    limits = dict(bundle_format.MAX_TABLE_ROWS)
    path = write_big_bundle(base, tmp_path / "limits.zip", limits, fill=None)
    errors: list[tuple[str, BaseException]] = []
    saved: list[str] = []
    saver = AutoSaver(store, on_saved=saved.append, on_error=lambda k, e: errors.append((k, e)))
    import_ = subprocess.Popen(
        [sys.executable, "-m", "tenant_inspect", "--data-dir", str(tmp_path / "coord"),
         "bundle", "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ),
    )  # fmt: skip
    typed = saved_while_importing = 0
    try:
        while import_.poll() is None:
            typed += 1
            saver.save_now("typing", partial(_type_into, team, typed))
            saved_while_importing = len(saved)
            time.sleep(0.05)  # a typist's pace, not a measurement
        out, err = import_.communicate(timeout=600)
    finally:
        if import_.poll() is None:
            import_.kill()
        assert saver.flush(timeout=120)
        saver.stop()
    assert errors == [], errors
    with store.read() as s:
        assert records.get(s, m.Finding, team.finding).text == f"t{typed}"
        insp = records.get(s, m.Inspection, team.inspection)
        assert insp.scope == f"Scope, typed {typed} times"
        answers = len(records.live(s, m.Answer, inspection_id=team.inspection))
    store.close()
    assert import_.returncode == 0, err
    # Every generated row is new; the inspection and its questionnaire copy came from here.
    added = sum(limits.values()) - limits["inspection"] - limits["questionnaire_copy"]
    assert f"{added} added" in out, out
    assert saved_while_importing > 0  # the saves really ran beside the import
    assert answers == limits["answer"]
