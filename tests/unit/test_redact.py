"""Interviewee names never reach a report; --public leaves internal items out.

The redactor is tested on its own (every form of a name it promises to catch, and the
words and places it must leave alone), then on the whole outline of the small demo, whose
notes and one internal finding mention interviewees by name on purpose.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report.outline import (
    DocumentData,
    FindingData,
    RecommendationData,
    ReportData,
    build_outline,
    load_report_data,
)
from tenant_inspect.report.redact import (
    Redactor,
    drop_internal,
    map_strings,
    redact,
    redactor_for,
)
from tenant_inspect.store import open_store
from tests.support.demo_copy import demo_data_dir

PEOPLE = [
    ("Paul Devereux", "Housing Manager"),
    ("Gillian Marsh", "Chief Executive"),
    ("Kevin O'Neill", "Repairs Surveyor"),
    ("Mary Anne Smith", "Allocations Officer"),
    ("Barbara Kettle", "Scheme Manager"),
]


@pytest.fixture
def r() -> Redactor:
    redactor = Redactor(PEOPLE, others=["Derek Ashworth", "Joan Whitfield"])
    redactor.learn([])  # as for a report that never uses "kettle" or "marsh" as words
    return redactor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Devereux asked", "[Housing Manager] asked"),
        ("PAUL DEVEREUX asked", "[Housing Manager] asked"),
        ("paul  devereux\nsaid", "[Housing Manager]\nsaid"),
        ("Mr Devereux said", "[Housing Manager] said"),
        ("mr. devereux said", "[Housing Manager] said"),
        ("Mrs Gillian Marsh said", "[Chief Executive] said"),
        ("Devereux's team", "[Housing Manager]'s team"),
        ("Kevin O’Neill and Mr O'Neill", "[Repairs Surveyor] and [Repairs Surveyor]"),
        ("Mary Smith and Mary Anne Smith", "[Allocations Officer] and [Allocations Officer]"),
        ("Ms Smith; Smith agreed", "[Allocations Officer]; [Allocations Officer] agreed"),
        ("Kettle said so", "[Scheme Manager] said so"),
    ],
)
def test_every_promised_form_of_a_name_is_replaced_by_the_role(
    r: Redactor, text: str, expected: str
) -> None:
    assert r(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Marsh Lane Estate is being regenerated",  # a place, not Gillian Marsh
        "the kettle in the lounge",  # a word, not Barbara Kettle
        "Whale watching; Halesowen; Devereuxville",  # inside longer words
        "O'Neillson and DeSmith",
    ],
)
def test_words_places_and_longer_words_are_left_alone(r: Redactor, text: str) -> None:
    assert r(text) == text


def test_a_shared_surname_is_neutral_and_a_team_members_name_is_left_for_review() -> None:
    r = Redactor(
        [("Ann Jones", "Rent Officer"), ("Bob Jones", "Income Manager"), ("Cath Ellison", "Chair")],
        others=["Margaret Ellison"],
    )
    assert r("Jones said") == "[interviewee] said"  # which Jones? Either way, not named
    assert r("Ann Jones and Bob Jones") == "[Rent Officer] and [Income Manager]"
    assert r("Mr Jones") == "[interviewee]"
    assert r("Ellison agreed") == "Ellison agreed"  # the coordinator's surname too
    assert r("Cath Ellison agreed") == "[Chair] agreed"
    assert r("Margaret Ellison chaired") == "Margaret Ellison chaired"
    assert any("Ellison" in line and "team member" in line for line in r.review())


def test_same_name_with_two_roles_becomes_a_neutral_label() -> None:
    r = Redactor([("Sam Lee", "Tenant"), ("Sam Lee", "Repairs Planner")])
    assert r("Sam Lee said") == "[interviewee] said"


def test_a_role_that_contains_a_name_is_itself_redacted() -> None:
    r = Redactor([("Gillian Marsh", "Chief Executive"), ("Tom Hill", "Assistant to Gillian Marsh")])
    assert r("Tom Hill said") == "[Assistant to interviewee] said"


def test_counts_replacements_and_leaves_text_without_names_untouched(r: Redactor) -> None:
    assert r("nothing to see") == "nothing to see"
    assert r("Paul Devereux and Gillian Marsh") == "[Housing Manager] and [Chief Executive]"
    assert r.count == 2


def test_no_people_means_no_change() -> None:
    r = Redactor([("", "Tenant")])
    assert not r.active
    obj = FindingData("f", None, "strength", "Paul Devereux")
    assert redact(obj, r) is obj


def test_map_strings_reaches_nested_tuples_and_keeps_unchanged_objects() -> None:
    rec = RecommendationData("r", None, "Ask Paul Devereux", sub_actions=("Tell Mr Devereux",))
    out = map_strings(rec, lambda s: s.upper())
    assert out.text == "ASK PAUL DEVEREUX" and out.sub_actions == ("TELL MR DEVEREUX",)
    same = map_strings(rec, lambda s: s)
    assert same is rec


# ---------------------------------------------------------------------------
# Internal material
# ---------------------------------------------------------------------------


def _data(**kw: object) -> ReportData:
    return ReportData(title="T", landlord="L", **kw)  # type: ignore[arg-type]


def test_drop_internal_removes_internal_items_and_their_citations() -> None:
    docs = (DocumentData("d1", "a", "Open doc"), DocumentData("d2", "a", "Secret", internal=True))
    findings = (
        FindingData("f1", "a", "weakness", "kept"),
        FindingData("f2", "a", "weakness", "internal", internal=True),
        FindingData("f3", "a", "weakness", "from the internal document", document_id="d2"),
    )
    recs = (
        RecommendationData("r1", None, "public", finding_ids=("f1", "f2", "f3")),
        RecommendationData("r2", None, "private", internal=True),
    )
    out = drop_internal(_data(documents=docs, findings=findings, recommendations=recs))
    assert [d.id for d in out.documents] == ["d1"]
    assert [f.id for f in out.findings] == ["f1"]
    assert [(r.id, r.finding_ids) for r in out.recommendations] == [("r1", ("f1",))]


# ---------------------------------------------------------------------------
# The whole small demo
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    data = resolve_data_dir(Path(tmp_path_factory.mktemp("redact")))
    iid = demo_data_dir(data)
    store = open_store(data)
    try:
        with store.read() as session:
            return load_report_data(session, iid)
    finally:
        store.close()


def _strings(obj: object) -> list[str]:
    found: list[str] = []
    map_strings(obj, lambda s: found.append(s) or s)
    return found


def test_the_demo_outline_mentions_names_until_redacted(demo_data: ReportData) -> None:
    report = build_outline(demo_data)
    raw = "\n".join(_strings(report))
    assert "Paul Devereux" in raw  # typed into an internal finding, on purpose
    redactor = redactor_for(demo_data)
    clean = "\n".join(_strings(redact(report, redactor)))
    for name in DEMO_INTERVIEWEE_NAMES:
        assert name.casefold() not in clean.casefold(), name
    assert "[Housing Manager] asked that his comments" in clean
    assert redactor.count >= 1


def test_roles_in_interview_lists_are_not_mistaken_for_names(demo_data: ReportData) -> None:
    report = redact(build_outline(demo_data), redactor_for(demo_data))
    clean = "\n".join(_strings(report))
    for role in ("Chief Executive", "Allocations Officer", "Tenant, Kingfisher Estate"):
        assert role in clean
    assert "Marsh Lane Estate" in clean  # Gillian Marsh's surname, but a place here


def test_public_outline_has_no_internal_finding(demo_data: ReportData) -> None:
    internal = [f for f in demo_data.findings if f.internal]
    assert internal, "the demo should have internal findings"
    public = "\n".join(_strings(build_outline(demo_data, public=True)))
    full = "\n".join(_strings(build_outline(demo_data)))
    for f in internal:
        assert f.text[:40] in full and f.text[:40] not in public
    assert "(internal)" in full and "(internal)" not in public
    assert "Internal version" in full and "Internal version" not in public


def test_deleted_interviews_still_count_for_redaction(demo_data: ReportData) -> None:
    gone = dataclasses.replace(demo_data.interviews[0], name="Zebedee Quartermaine", deleted=True)
    data = dataclasses.replace(
        demo_data,
        interviews=(gone, *demo_data.interviews[1:]),
        conclusions=(
            *demo_data.conclusions,
            dataclasses.replace(demo_data.conclusions[0], id="x", text="Zebedee Quartermaine"),
        ),
    )
    clean = "\n".join(_strings(redact(build_outline(data), redactor_for(data))))
    assert "Quartermaine" not in clean
