"""Charts for the progress report: each recommendation's actions by status, as a picture.

The landlord's board and the panel would rather look than read here, so the progress
report draws one horizontal bar per recommendation, split by status. Drawn with
matplotlib's object API (a ``Figure`` on the Agg canvas, never ``pyplot``): no window,
no global state, safe in a worker thread, and about half the import time.

Accessibility, as for the rest of the report:

* the picture is drawn at the size it is shown (the page's text width), with 12 pt text,
  so nothing in it is smaller than the report's own text;
* status is never told by colour alone: every part of a bar carries its count, the
  statuses keep one order (done first, not started last), the legend names them, and
  "at risk" and "off track" are hatched, so a black-and-white print still reads (each
  count sits on a white patch, so it reads over the hatching);
* the colours are the Okabe-Ito palette, which readers with colour blindness can tell
  apart, with black text on each (contrast 5:1 or better);
* the alt text says what the chart shows, number by number: a reader who cannot see
  the picture gets the same facts (and the table after it repeats them).

The picture holds no free text: its labels are recommendation numbers and status words,
so redaction (which rewrites strings, not pixels) has nothing to miss.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ..vocabulary import ACTION_STATUS_WORDS
from .model import Image

#: Order of a bar's parts, left to right: the best news first.
STATUS_ORDER = ("done", "on_track", "at_risk", "off_track", "not_started")
COLOURS = {
    "done": "#009E73",
    "on_track": "#56B4E9",
    "at_risk": "#E69F00",
    "off_track": "#D55E00",
    "not_started": "#CCCCCC",
}
HATCHES = {"at_risk": "//", "off_track": "xx"}
#: Bars in one chart; a larger plan gets several charts, each readable on one page.
PER_CHART = 15
POINTS_PER_INCH = 72
#: Resolution: sharp in print at the size it is shown, and quick to encode.
DPI = 150
#: Margins around the bars, in points: the labels ("R60"), the axis and its title, the
#: legend (two rows).
LEFT, RIGHT, TOP, BOTTOM = 44.0, 14.0, 10.0, 88.0


def chunks(rows: Sequence[Any], size: int = PER_CHART) -> list[Sequence[Any]]:
    """``rows`` in groups of at most ``size`` (one chart each)."""
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def alt_text(rows: Sequence[tuple[str, dict[str, int]]]) -> str:
    """What the chart shows, in words: "R1: 2 done, 1 off track. R2: no actions yet."."""
    parts = []
    for label, counts in rows:
        said = [
            f"{counts[s]} {ACTION_STATUS_WORDS[s].lower()}" for s in STATUS_ORDER if counts.get(s)
        ]
        parts.append(f"{label}: {', '.join(said) if said else 'no actions yet'}.")
    first, last = rows[0][0], rows[-1][0]
    span = first if first == last else f"{first} to {last}"
    return (
        f"Bar chart of the action plan's actions by status, one bar for each recommendation "
        f"({span}). " + " ".join(parts)
    )


def status_chart(
    rows: Sequence[tuple[str, dict[str, int]]],
    *,
    width: float,
    title: str = "",
    font_pt: float = 12,
) -> Image:
    """One chart of ``rows`` ((label, counts by status), top to bottom), ``width`` points
    wide, its text at ``font_pt`` (12, or 16 in large print) at the size it is shown."""
    grow = font_pt / 12  # bars, margins and the legend grow with the text
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    bars_height = 26.0 * grow * len(rows)
    left_margin, bottom = LEFT * grow, BOTTOM * grow
    height = TOP + bars_height + bottom
    fig = Figure(figsize=(width / POINTS_PER_INCH, height / POINTS_PER_INCH), dpi=DPI)
    FigureCanvasAgg(fig)
    # Fixed margins (in points), not a layout engine: a layout pass draws every chart twice.
    fig.subplots_adjust(
        left=left_margin / width,
        right=1 - RIGHT / width,
        top=1 - TOP / height,
        bottom=bottom / height,
    )
    ax = fig.add_subplot()
    positions = list(range(len(rows)))
    left = [0] * len(rows)
    patch = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"}
    for status in STATUS_ORDER:
        # One collection per status, not one patch per part: each artist costs Python work.
        parts = []
        for position, (_, counts) in enumerate(rows):
            value = counts.get(status, 0)
            if not value:
                continue
            x0, x1 = left[position], left[position] + value
            parts.append([(x0, position - 0.35), (x1, position - 0.35),
                          (x1, position + 0.35), (x0, position + 0.35)])  # fmt: skip
            # the count on a white patch, so it reads over hatching too
            ax.text((x0 + x1) / 2, position, str(value), ha="center", va="center",
                    fontsize=font_pt, fontweight="bold", bbox=patch)  # fmt: skip
            left[position] = x1
        if parts:
            ax.add_collection(
                PolyCollection(
                    parts,
                    facecolors=COLOURS[status],
                    edgecolors="white",
                    linewidths=1,
                    hatch=HATCHES.get(status),
                )
            )
    for position, total in zip(positions, left, strict=True):
        if not total:
            ax.text(
                0.05, position, "No actions yet", va="center", fontsize=font_pt, color="#333333"
            )
    ax.set_yticks(positions, [label for label, _ in rows], fontsize=font_pt)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # R1 at the top, as in the report
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=font_pt)
    ax.set_xlim(0, max(max(left, default=0), 1))
    ax.set_xlabel("Number of actions", fontsize=font_pt)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(
        handles=[
            Patch(
                facecolor=COLOURS[status],
                hatch=HATCHES.get(status),
                edgecolor="white",
                label=ACTION_STATUS_WORDS[status],
            )
            for status in STATUS_ORDER
        ],
        loc="lower center",
        ncols=3,
        frameon=False,
        fontsize=font_pt,
        handlelength=1.4,
        bbox_to_anchor=(0.5, 0.0),
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    return Image(png=out.getvalue(), alt=alt_text(rows), width=width, height=height, title=title)
