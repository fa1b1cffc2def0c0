"""Very large bundles for the size tests and ``benchmarks/bundle_limits.py``.

The inspection row, its questionnaire copies and their texts come from a real export (so
the file passes every check); every other table is filled with generated rows up to the
counts asked for, with the derived ids the format requires, one change stamp, and long
texts of the length asked for, so a file can sit exactly at the row and byte limits.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tenant_inspect import bundle_format as bf

NAMESPACE = uuid.UUID("8d0f7b52-5a3e-4d0c-9a53-0f7c2b1f6a11")
LINKS = uuid.UUID("5b1d6f0e-8c1a-4f43-9e3b-2d7a4c6e9f10")
STAMP = "1795337363644-0001-b1gb1g00"
WHEN = "2026-11-22T09:22:47.910611Z"


def _uuid5(namespace: uuid.UUID, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))``, without building a UUID object (a few hundred
    thousand of them are made for one file at the limits)."""
    h = bytearray(hashlib.sha1(namespace.bytes + name.encode()).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50  # version 5
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _ids(kind: str, n: int) -> list[str]:
    return [_uuid5(NAMESPACE, f"big:{kind}:{i}") for i in range(n)]


def _row(table: str, row_id: str, inspection_id: str, content: dict[str, Any]) -> dict[str, Any]:
    fields = bf.content_fields(table)
    content = {"deleted_at": None, **content}
    if table != "inspection":
        content["inspection_id"] = inspection_id
    missing = set(fields) - set(content) - set(bf.REDACTABLE.get(table, ()))
    assert not missing, (table, missing)
    return {
        "id": row_id,
        "created_at": WHEN,
        "updated_at": WHEN,
        "author_id": None,
        "device_id": STAMP[19:],
        "hlc": STAMP,
        "field_clocks": dict.fromkeys(content, STAMP),
        "field_seen": {},
        "siblings": [],
        "deleted_seen": {},
        **content,
    }


def _text(n: int, seed: int) -> str:
    words = f"Note {seed}: the tenants said repairs were slow and letters unclear. "
    return (words * (n // len(words) + 1))[:n]


def generated_rows(
    inspection_id: str, counts: dict[str, int], fill: int
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table, rows) for every table but the inspection and its questionnaire copies."""
    members = _ids("member", counts["team_member"])
    areas = _ids("area", counts["area"])
    reviews = _ids("review", counts["document_review"])
    interviews = _ids("interview", counts["interview"])
    recs = _ids("recommendation", counts["recommendation"])
    findings = _ids("finding", counts["finding"])
    yield "team_member", [
        _row("team_member", m, inspection_id, dict(
            name=f"Member {i}", role="inspector", position=i, include_in_report=True))
        for i, m in enumerate(members)
    ]  # fmt: skip
    yield "area", [
        _row("area", a, inspection_id, dict(
            name=f"Area {i}", kind="department", position=i, description=_text(fill, i),
            interviews_planned=3))
        for i, a in enumerate(areas)
    ]  # fmt: skip
    yield "document_review", [
        _row("document_review", r, inspection_id, dict(
            area_id=areas[0], title=f"Document {i}", document_date=None, undated=True,
            version="", source="", reviewer_id=None, questionnaire_id="", questionnaire_version="",
            observations=_text(fill, i), status="in_progress", current_question="", internal=False))
        for i, r in enumerate(reviews)
    ]  # fmt: skip
    yield "interview", [
        _row("interview", v, inspection_id, dict(
            area_id=areas[i % len(areas)], interviewee_kind="staff", interviewee_role="Officer",
            interviewee_name=f"Person {i}", interview_date=None, consent=True,
            questionnaire_id="", questionnaire_version="", status="in_progress",
            current_question="", notes=_text(fill, i)))
        for i, v in enumerate(interviews)
    ]  # fmt: skip
    links = []
    for i in range(counts["interview_interviewer"]):
        interview, member = interviews[i % len(interviews)], members[i // len(interviews)]
        row_id = _uuid5(NAMESPACE, f"interviewer:{interview}:{member}")
        links.append(_row("interview_interviewer", row_id, inspection_id, dict(
            interview_id=interview, member_id=member)))  # fmt: skip
    yield "interview_interviewer", links
    answers = []
    for i in range(counts["answer"]):
        parent, key = interviews[i % len(interviews)], f"q{i // len(interviews):04d}"
        row_id = _uuid5(NAMESPACE, f"{parent}:{key}")
        answers.append(_row("answer", row_id, inspection_id, dict(
            interview_id=parent, document_review_id=None, question_key=key, value="Yes",
            notes=_text(fill, i), skipped=False)))  # fmt: skip
    yield "answer", answers
    yield "finding", [
        _row("finding", f, inspection_id, dict(
            area_id=areas[i % len(areas)], kind="weakness", text=_text(fill, i),
            document_review_id=None, interview_id=interviews[i % len(interviews)], answer_id=None,
            question_key="", themes=["access"], internal=False, merged_into_id=None))
        for i, f in enumerate(findings)
    ]  # fmt: skip
    yield "judgement", [
        _row("judgement", j, inspection_id, dict(
            area_id=areas[i % len(areas)], judge_id=None, grade="balance",
            rationale=_text(fill, i), is_final=False))
        for i, j in enumerate(_ids("judgement", counts["judgement"]))
    ]  # fmt: skip
    yield "conclusion", [
        _row("conclusion", c, inspection_id, dict(
            area_id=None, text=_text(fill, i), position=i, internal=False))
        for i, c in enumerate(_ids("conclusion", counts["conclusion"]))
    ]  # fmt: skip
    yield "recommendation", [
        _row("recommendation", r, inspection_id, dict(
            area_id=None, number=i + 1, text=_text(fill, i), sub_actions=[],
            expected_benefits="", impact="", cost="", priority="", target_date=None,
            position=i, internal=False))
        for i, r in enumerate(recs)
    ]  # fmt: skip
    rec_links = []
    for i in range(counts["recommendation_finding"]):
        rec, finding = recs[i % len(recs)], findings[i // len(recs)]
        row_id = _uuid5(LINKS, f"{rec}:{finding}")
        rec_links.append(_row("recommendation_finding", row_id, inspection_id, dict(
            recommendation_id=rec, finding_id=finding)))  # fmt: skip
    yield "recommendation_finding", rec_links
    items = _ids("plan", counts["action_plan_item"])
    yield "action_plan_item", [
        _row("action_plan_item", p, inspection_id, dict(
            recommendation_id=recs[i % len(recs)], key_outcomes=_text(fill, i), key_actions="",
            responsible="", by_when=None, progress="", how_we_know="", costs="", tenant_say="",
            status="not_started", by_when_words="", position=i))
        for i, p in enumerate(items)
    ]  # fmt: skip
    yield "action_plan_response", [
        _row("action_plan_response", _uuid5(NAMESPACE, f"response:{rec}"), inspection_id,
             dict(recommendation_id=rec, response="accepted", reason=_text(fill, i),
                  responsible_role="Director", sponsor_role="", costs="", customer_say=""))
        for i, rec in enumerate(recs[: counts.get("action_plan_response", 0)])
    ]  # fmt: skip
    rounds = _ids("round", counts.get("monitoring_round", 0))
    yield "monitoring_round", [
        _row("monitoring_round", r, inspection_id, dict(
            held_on="2027-03-31", title=f"Round {i}", summary=_text(fill, i)))
        for i, r in enumerate(rounds)
    ]  # fmt: skip
    entries = []
    for i in range(counts.get("monitoring_entry", 0)):
        round_id, item = rounds[i % len(rounds)], items[i // len(rounds)]
        entries.append(_row("monitoring_entry", _uuid5(NAMESPACE, f"monitoring:{round_id}:{item}"),
            inspection_id, dict(round_id=round_id, item_id=item, progress_note=_text(fill, i),
            status="on_track", evidence="")))  # fmt: skip
    yield "monitoring_entry", entries
    yield "prospects", [
        _row("prospects", _uuid5(NAMESPACE, f"prospects:{inspection_id}"), inspection_id,
             dict(track_record="balance", performance_management="", capacity="", overall="",
                  rationale=_text(fill, 0)))
        for _ in range(counts.get("prospects", 0))
    ]  # fmt: skip
    subjects = [("contact", None, None), ("signature", None, None), ("overall", None, None)]
    subjects += [("area", a, None) for a in areas] + [("recommendation", None, r) for r in recs]
    yield "letter_text", [
        _row("letter_text", _uuid5(NAMESPACE, f"letter:{inspection_id}:{part}:{a or r or ''}"),
             inspection_id, dict(part=part, area_id=a, recommendation_id=r, text=_text(fill, i)))
        for i, (part, a, r) in enumerate(subjects[: counts.get("letter_text", 0)])
    ]  # fmt: skip


#: Tables whose generated rows carry one long text of ``fill`` characters.
_FILLED = (
    "area",
    "document_review",
    "interview",
    "answer",
    "finding",
    "judgement",
    "conclusion",
    "recommendation",
    "action_plan_item",
    "action_plan_response",
    "monitoring_round",
    "monitoring_entry",
    "prospects",
    "letter_text",
)


def write_big_bundle(
    base: Path, out: Path, counts: dict[str, int], *, fill: int | None = 40
) -> Path:
    """A bundle for ``base``'s inspection with ``counts`` rows per table (the inspection and
    questionnaire copies are base's). ``fill``: characters of long text in each row; None
    for as many as the byte limits allow (a file at every limit)."""
    with zipfile.ZipFile(base) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    data = {name: body for name, body in members.items() if name.startswith("questionnaires/")}
    for table in ("inspection", "questionnaire_copy"):
        data[f"data/{table}.json"] = members[f"data/{table}.json"]
    if fill is None:
        fill = _largest_fill(manifest["inspection_id"], counts, data)
    row_counts = {
        name[5:-5]: len(json.loads(body)) for name, body in data.items() if name.startswith("data/")
    }
    for table, rows in generated_rows(manifest["inspection_id"], counts, fill):
        data[f"data/{table}.json"] = json.dumps(rows, separators=(",", ":")).encode()
        row_counts[table] = len(rows)
        del rows
    manifest["counts"] = {
        name[5:-5]: row_counts[name[5:-5]] for name in data if name.startswith("data/")
    }
    manifest["files"] = {
        name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
        for name, body in data.items()
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, body in data.items():
            zf.writestr(name, body)
    return out


def _largest_fill(inspection_id: str, counts: dict[str, int], fixed: dict[str, bytes]) -> int:
    """The longest text per row that keeps every data file and the whole under the limits."""
    total = sum(len(body) for body in fixed.values()) + 4096  # (and the manifest)
    rows_with_text = 0
    fill = bf.MAX_TOTAL_BYTES
    for table, rows in generated_rows(inspection_id, counts, 0):
        size = len(json.dumps(rows, separators=(",", ":")).encode())
        total += size
        if table in _FILLED and rows:
            rows_with_text += len(rows)
            fill = min(fill, (bf.MAX_MEMBER_BYTES - size) // len(rows))
    return max(0, min(fill, (bf.MAX_TOTAL_BYTES - total) // max(rows_with_text, 1)))
