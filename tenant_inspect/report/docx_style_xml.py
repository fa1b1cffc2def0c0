"""Low-level style XML: accessibility fixes, run-property order and a style's resolved look.

Shared by the styles (:mod:`.docx_styles`) and the document parts (:mod:`.docx_parts`),
which both bring template XML up to the accessibility rules.
"""

from __future__ import annotations

from typing import Any

from .docx_xml import TRUE_VALUES, W
from .text_metrics import FONT_SCALE, ParaLook


def make_accessible(root: Any, minimum_pt: int = 12) -> None:
    """Turn off italics and raise every size below ``minimum_pt`` in an XML tree (styles,
    headers): 12 pt for every report, 16 pt in large print."""
    least = str(2 * minimum_pt)  # sizes are in half points
    for tag in ("i", "iCs"):
        for el in root.iter(f"{W}{tag}"):
            if (el.get(f"{W}val") or "1").lower() in TRUE_VALUES:
                el.set(f"{W}val", "0")
    for tag in ("sz", "szCs"):
        for el in root.iter(f"{W}{tag}"):
            try:
                if int(el.get(f"{W}val") or "0") < int(least):
                    el.set(f"{W}val", least)
            except ValueError:
                el.set(f"{W}val", least)


def make_large_print(root: Any, font: str) -> None:
    """Clear-print rules a template's styles may break: never justified, sans serif.

    Justified text opens uneven gaps between words that readers with low vision lose their
    place in; the clear-print guidance asks for left-aligned text in a plain sans serif.
    """
    for el in root.iter(f"{W}jc"):
        if el.get(f"{W}val") in ("both", "distribute", "mediumKashida", "highKashida"):
            el.set(f"{W}val", "left")
    for el in root.iter(f"{W}rFonts"):
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            el.set(f"{W}{attr}", font)
        for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
            el.attrib.pop(f"{W}{attr}", None)


RPR_ORDER = tuple(
    [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)


def insert_rpr(rpr: Any, child: Any) -> None:
    """Insert a run property in schema order (Word refuses files with it out of order)."""
    name = child.tag.split("}")[1]
    rank = RPR_ORDER.index(name)
    for index, existing in enumerate(rpr):
        other = existing.tag.split("}")[1] if "}" in existing.tag else ""
        if other in RPR_ORDER and RPR_ORDER.index(other) > rank:
            rpr.insert(index, child)
            return
    rpr.append(child)


def para_look(root: Any, by_id: dict[str, Any], style_id: str) -> ParaLook:
    found: dict[str, Any] = {}
    chain: list[Any] = []
    sid: str | None = style_id
    while sid and sid in by_id and sid not in [c.get(f"{W}styleId") for c in chain]:
        style = by_id[sid]
        chain.append(style)
        based = style.find(f"{W}basedOn")
        sid = based.get(f"{W}val") if based is not None else None
    defaults = root.find(f"{W}docDefaults")
    sources = [(s.find(f"{W}pPr"), s.find(f"{W}rPr")) for s in chain]
    if defaults is not None:
        sources.append(
            (defaults.find(f"{W}pPrDefault/{W}pPr"), defaults.find(f"{W}rPrDefault/{W}rPr"))
        )
    for ppr, rpr in sources:
        if rpr is not None:
            for key, tag in (("sz", "sz"), ("b", "b"), ("fonts", "rFonts")):
                el = rpr.find(f"{W}{tag}")
                if el is not None and key not in found:
                    found[key] = el
        if ppr is not None:
            spacing = ppr.find(f"{W}spacing")
            if spacing is not None:
                for attr in ("before", "after", "line", "lineRule"):
                    value = spacing.get(f"{W}{attr}")
                    if value is not None and attr not in found:
                        found[attr] = value
            ind = ppr.find(f"{W}ind")
            if ind is not None:
                for attr, alias in (("left", "start"), ("right", "end")):
                    value = ind.get(f"{W}{attr}") or ind.get(f"{W}{alias}")
                    if value is not None and attr not in found:
                        found[attr] = value
            if ppr.find(f"{W}keepNext") is not None and "keepNext" not in found:
                found["keepNext"] = True
    size = int(found["sz"].get(f"{W}val")) / 2 if "sz" in found else 10.0
    bold = "b" in found and (found["b"].get(f"{W}val") or "1").lower() in TRUE_VALUES
    line_raw = int(found.get("line", 240))
    rule = found.get("lineRule", "auto")
    line, factor = (line_raw / 20, 1.0) if rule in ("atLeast", "exact") else (0.0, line_raw / 240)
    font = ""
    if "fonts" in found:
        font = (found["fonts"].get(f"{W}ascii") or "").casefold()
    return ParaLook(
        size=size,
        bold=bold,
        line=line,
        line_factor=factor,
        before=int(found.get("before", 0)) / 20,
        after=int(found.get("after", 0)) / 20,
        left=int(found.get("left", 0)) / 20,
        right=int(found.get("right", 0)) / 20,
        keep_next=bool(found.get("keepNext")),
        scale=FONT_SCALE.get(font, 1.0),
    )
