"""The inspection's status follows the work unless the coordinator chooses one.

Home (both list readers), ``list`` and the dashboard all show the same status.
"""

from __future__ import annotations

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.storage.sqlite.fastread import quick_summaries
from tenant_inspect.views.overview import load_overview
from tenant_inspect.vocabulary import GRADE_KEYS


def shown(store, data_dir, inspection_id: str) -> str:
    with store.read() as s:
        (summary,) = inspections.list_inspections(s)
        dashboard = load_overview(s, inspection_id).status
    (quick,) = quick_summaries(data_dir.db_path) or [None]
    assert summary.status == dashboard == quick.status
    return summary.status


def test_status_advances_with_the_work_and_the_coordinators_choice_wins(store, data_dir):
    with store.write() as s:
        i = inspections.create_inspection(s, title="Repairs", landlord="Vale Homes")
        area = inspections.add_area(s, i.id, name="Repairs", interviews_planned=1)
        talk = fieldwork.add_interview(s, i.id, interviewee_role="Manager", area_id=area.id)
    assert shown(store, data_dir, i.id) == "planning"  # an interview planned is not fieldwork
    with store.write() as s:
        fieldwork.update_interview(s, s.get(type(talk), talk.id), status="in_progress")
    assert shown(store, data_dir, i.id) == "fieldwork"
    with store.write() as s:
        analysis.set_judgement(s, i.id, area_id=area.id, grade=GRADE_KEYS[0])
    assert shown(store, data_dir, i.id) == "analysis"
    with store.write() as s:
        analysis.add_conclusion(s, i.id, text="Repairs are slow.", area_id=area.id)
    assert shown(store, data_dir, i.id) == "reporting"
    # The coordinator's choice wins over the automatic stage, either way.
    with store.write() as s:
        inspections.update_inspection(s, inspections.get_inspection(s, i.id), status="fieldwork")
    assert shown(store, data_dir, i.id) == "fieldwork"
    with store.write() as s:
        inspections.update_inspection(s, inspections.get_inspection(s, i.id), status="complete")
    assert shown(store, data_dir, i.id) == "complete"
