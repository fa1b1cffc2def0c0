"""The theme vocabulary: what findings and questions can be tagged with."""

from __future__ import annotations

import re

import pytest

from tenant_inspect.themes import (
    GROUPS,
    KLOE5,
    PEOPLE_FIRST,
    THEME_IDS,
    THEMES,
    Theme,
    theme,
    theme_label,
)


def test_kloe5_areas_are_all_there_in_order() -> None:
    kloe = [t.label for t in THEMES if t.group == KLOE5]
    assert kloe == [
        "Access and customer care",
        "Diversity",
        "Compacts",
        "Resources",
        "Impact",
        "Value for money",
    ]


def test_ten_people_first_building_blocks() -> None:
    blocks = [t for t in THEMES if t.group == PEOPLE_FIRST]
    assert len(blocks) == 10
    # KLOE 5 themes come first in display order, then the building blocks.
    assert [t.group for t in THEMES] == [KLOE5] * 6 + [PEOPLE_FIRST] * 10


def test_ids_are_unique_short_kebab_case_and_groups_known() -> None:
    ids = [t.id for t in THEMES]
    assert len(ids) == len(set(ids)) == len(THEME_IDS)
    assert set(ids) == THEME_IDS
    for t in THEMES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", t.id), t.id
        assert len(t.id) <= 24
        assert t.group in GROUPS
        assert t.label and t.label[0].isupper()


def test_labels_are_unique() -> None:
    labels = [t.label for t in THEMES]
    assert len(labels) == len(set(labels))


def test_lookup() -> None:
    assert theme("access-customer-care") == Theme(
        "access-customer-care", "Access and customer care", KLOE5
    )
    assert theme_label("value-for-money") == "Value for money"
    assert theme("pf-feedback").group == PEOPLE_FIRST


def test_unknown_id_is_a_key_error_with_a_readable_message() -> None:
    with pytest.raises(KeyError) as info:
        theme("acess-customer-care")
    message = str(info.value)
    # Printed as a sentence (a plain KeyError would wrap it in quotes) with a suggestion.
    assert message.startswith("Unknown theme 'acess-customer-care'.")
    assert "Did you mean 'access-customer-care'?" in message
    assert "value-for-money" in message  # the known ids are listed

    with pytest.raises(KeyError, match="Unknown theme 'zzz'"):
        theme_label("zzz")


def test_theme_is_immutable() -> None:
    with pytest.raises(AttributeError):
        THEMES[0].label = "Changed"  # type: ignore[misc]
