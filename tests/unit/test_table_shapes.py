"""The synced tables' shapes the merge reads from a data file are the models' own.

Why: the merge no longer imports the models (``bundle import`` stays clear of the ORM), so
``tenant_inspect/mergestate/table_shapes.json`` stands in for them. It must never drift:
a changed model without a regenerated file fails here, with the command that fixes it.
"""

from __future__ import annotations

from tenant_inspect import models as m
from tenant_inspect.mergestate import SYNCED_TABLES, TABLES
from tenant_inspect.mergestate.shapes import REGENERATE, derive, render, shapes_path


def test_the_committed_shapes_are_the_models_own() -> None:
    committed = shapes_path().read_text(encoding="utf-8")
    assert committed == render(derive()), f"table_shapes.json is out of date; run: {REGENERATE}"


def test_the_merge_sees_every_synced_column_in_the_models_order() -> None:
    assert tuple(str(model.__tablename__) for model in m.SYNCED_MODELS) == SYNCED_TABLES
    for model in m.SYNCED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        info = TABLES[str(model.__tablename__)]
        assert info.columns == tuple(c.name for c in table.columns)
        assert set(info.content) == set(model.model_fields) - model.BOOKKEEPING
    assert TABLES["interview_interviewer"].uniques == (
        ("uq_interviewer", ("interview_id", "member_id")),
    )
    assert TABLES["recommendation"].defaults["sub_actions"] == []
    assert "created_at" in TABLES["finding"].times and "themes" in TABLES["finding"].jsons
