"""Save-as-you-type: debounced, ordered, nothing lost on flush, failures reported."""

from __future__ import annotations

import threading
import time

from tenant_inspect import inspections
from tenant_inspect import models as m
from tenant_inspect.autosave import AutoSaver
from tenant_inspect.errors import ValidationError


def _title(store, insp_id):
    with store.read() as session:
        return session.get(m.Inspection, insp_id).title


def _setter(insp_id, title):
    def fn(session):
        inspections.update_inspection(session, session.get(m.Inspection, insp_id), title=title)

    return fn


def test_a_burst_of_keystrokes_is_one_commit_of_the_last_value(store):
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    saved: list[str] = []
    saver = AutoSaver(store, on_saved=saved.append)
    text = ""
    for ch in "Resident involvement":
        text += ch
        saver.submit("title", _setter(insp.id, text), delay=0.2)
    assert _title(store, insp.id) == "T"  # not yet: still typing
    assert saver.flush()
    assert _title(store, insp.id) == "Resident involvement"
    assert saved == ["title"]
    saver.stop()


def test_saves_land_within_the_delay_without_flush(store):
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    done = threading.Event()
    saver = AutoSaver(store, on_saved=lambda key: done.set())
    start = time.monotonic()
    saver.submit("title", _setter(insp.id, "Typed"), delay=0.1)
    assert done.wait(5)
    assert time.monotonic() - start < 2
    assert _title(store, insp.id) == "Typed"
    saver.stop()


def test_later_saves_of_other_fields_never_overtake_earlier_ones(store):
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    saver = AutoSaver(store)
    saver.submit("a", _setter(insp.id, "first"), delay=0.05)
    saver.submit("b", _setter(insp.id, "second"), delay=0.05)
    saver.flush()
    assert _title(store, insp.id) == "second"
    saver.stop()


def test_a_failing_save_is_reported_and_does_not_sink_the_others(store):
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    errors: list[tuple[str, BaseException]] = []
    saved: list[str] = []
    saver = AutoSaver(store, on_saved=saved.append, on_error=lambda k, e: errors.append((k, e)))
    saver.submit("bad", _setter(insp.id, ""), delay=0)  # title is required
    saver.submit(
        "good",
        lambda s: inspections.update_inspection(s, s.get(m.Inspection, insp.id), landlord="Vale"),
        delay=0,
    )
    saver.flush()
    saver.stop()
    assert [k for k, _ in errors] == ["bad"] and isinstance(errors[0][1], ValidationError)
    assert "good" in saved
    with store.read() as session:
        row = session.get(m.Inspection, insp.id)
        assert (row.title, row.landlord) == ("T", "Vale")


def test_stop_writes_everything_pending(store):
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    saver = AutoSaver(store)
    saver.submit("title", _setter(insp.id, "Saved on exit"), delay=60)
    assert saver.stop()
    assert _title(store, insp.id) == "Saved on exit"


def test_flush_never_waits_for_callbacks(store):
    """A callback that blocks (as a UI call would while the UI thread flushes) cannot deadlock flush."""
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    release = threading.Event()
    saver = AutoSaver(store, on_saved=lambda key: release.wait(5))
    saver.submit("title", _setter(insp.id, "X"), delay=0)
    start = time.monotonic()
    assert saver.flush(timeout=3)
    assert time.monotonic() - start < 1
    release.set()
    saver.stop()


def test_continuous_typing_is_still_saved_within_max_wait(store):
    """Someone who never pauses still has their text on disk every ~0.4 s."""
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    saved_at: list[float] = []
    saver = AutoSaver(store, on_saved=lambda key: saved_at.append(time.monotonic()), max_wait=0.3)
    start = time.monotonic()
    text = ""
    while time.monotonic() - start < 1.2:
        text += "x"
        saver.submit(
            "title", _setter(insp.id, text), delay=0.4
        )  # the debounce alone would never fire
        time.sleep(0.02)
    first_saved = saved_at[0] - start if saved_at else None
    assert first_saved is not None and first_saved < 0.6
    assert len(saved_at) >= 3
    saver.stop()


def test_a_read_after_leaving_a_field_sees_its_save_but_never_waits_out_typing(store):
    """wait_for_due: what a list reloading as its screen comes back calls before reading."""
    with store.write() as session:
        insp = inspections.create_inspection(session, title="T", landlord="L")
    release = threading.Event()

    def slow(session):  # a save still being written when the read starts
        release.wait(5)
        _setter(insp.id, "Left the field")(session)

    saver = AutoSaver(store)
    saver.submit("title", slow, delay=0.0)
    threading.Timer(0.2, release.set).start()
    assert saver.wait_for_due()
    assert _title(store, insp.id) == "Left the field"

    saver.submit("scope", lambda s: None, delay=30)  # still being typed: not waited for
    start = time.monotonic()
    assert saver.wait_for_due()
    assert time.monotonic() - start < 5
    saver.stop()
