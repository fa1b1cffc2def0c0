"""CPU per keystroke in the app's forms, against a bare Textual Input app, in one run.

Runs the app headless (``App.run_test()``, 80×24) on a copy of the small demo and, on each
screen, types characters with ``pilot.press`` and waits for idle (``pilot.pause()``) after
each, as the Pilot tests do; the bare app (one ``Input``) is typed into the same way:

* set-up: the Details tab's title field;
* interview: the question runner, into the first free-text answer;
* letter: the Letter screen's text.

A few keys first warm up (fonts of the first frame, imports), then ``time.process_time()``
(the whole process: the autosave writer's thread counts too) is taken over ``--keys`` keys;
each measurement is the least of ``--runs`` runs, as the machine may be busy. With ``--layouts`` it also counts, per key, how many times
each screen laid itself out again (``Screen._refresh_layout``) and which widgets asked for
it (``Widget.refresh(layout=True)`` callers): what step 2 of the relayout work looked for.

The last line printed is ``ratio: <app ms per key> / <bare Input ms per key>`` (the mean
of the three screens over the bare app): 1.0 would be as cheap as Textual's own Input.

    python benchmarks/keystroke_cpu.py [--keys 40] [--runs 3] [--layouts] [--profile [--callers NAME]]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import pstats
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.widgets import Input, TextArea  # noqa: E402

WARM_UP = 5
TEXT = "the repairs team said tenants wait weeks "


class Counts:
    """Layouts per screen and who asked for them (only with --layouts)."""

    def __init__(self) -> None:
        self.layouts = 0
        self.askers: collections.Counter[str] = collections.Counter()
        self.on = False

    def install(self) -> None:
        original_layout = Screen._refresh_layout
        original_refresh = Widget.refresh
        counts = self

        def _refresh_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> Any:
            if counts.on:
                counts.layouts += 1
            return original_layout(self, *args, **kwargs)

        def refresh(self: Widget, *args: Any, **kwargs: Any) -> Any:
            if counts.on and kwargs.get("layout"):
                caller = sys._getframe(1)
                where = f"{caller.f_code.co_name}"
                name = type(self).__name__ + (f"#{self.id}" if self.id else "")
                counts.askers[f"{name} <- {where}"] += 1
            return original_refresh(self, *args, **kwargs)

        Screen._refresh_layout = _refresh_layout  # type: ignore[method-assign]
        Widget.refresh = refresh  # type: ignore[method-assign]


COUNTS = Counts()
PROFILE: list[str] = []  # --profile: print where the typing's time goes (cProfile)


async def type_into(pilot: Any, keys: int) -> float:
    """CPU ms per key over ``keys`` keys, after a warm-up."""
    chars = (TEXT * 10)[: WARM_UP + keys]
    for char in chars[:WARM_UP]:
        await pilot.press(char if char != " " else "space")
        await pilot.pause()
    COUNTS.layouts = 0
    COUNTS.askers.clear()
    COUNTS.on = True
    profile = cProfile.Profile() if PROFILE else None
    start = time.process_time()
    if profile is not None:
        profile.enable()
    for char in chars[WARM_UP:]:
        await pilot.press(char if char != " " else "space")
        await pilot.pause()
    spent = time.process_time() - start
    if profile is not None:
        profile.disable()
        stats = pstats.Stats(profile).sort_stats(PROFILE[0])
        stats.print_stats(45)
        if len(PROFILE) > 1:
            stats.print_callers(PROFILE[1])
    COUNTS.on = False
    return spent * 1000 / keys


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def bare(keys: int) -> float:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return await type_into(pilot, keys)


def interview_id(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT id FROM interview ORDER BY id LIMIT 1").fetchone()
    return str(row[0])


async def screen_cost(data: Path, inspection_id: str, which: str, keys: int) -> float:
    from screens.app import TenantInspectApp
    from tenant_inspect.locations import resolve_data_dir
    from tests.support.settling import settle

    data_dir = resolve_data_dir(data)
    app = TenantInspectApp(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            if which == "setup":
                from screens.inspection_setup import SetupScreen

                await app.push_screen(SetupScreen(inspection_id))
                await settle(pilot)
                field = app.screen.query_one("#f-title", Input)
                field.focus()
                field.cursor_position = len(field.value)
            elif which == "interview":
                from screens.interviews import InterviewScreen
                from screens.widgets.answer_input import TextAnswer

                await app.push_screen(InterviewScreen(interview_id(data_dir.db_path)))
                await settle(pilot)
                for _ in range(30):  # on to the first free-text answer
                    view = app.screen.view  # type: ignore[attr-defined]
                    if isinstance(view.answer_input, TextAnswer):
                        break
                    await pilot.press("ctrl+n")
                    await settle(pilot)
                view.answer_input.focus_input()
            else:
                from screens.letter import LetterScreen

                await app.push_screen(LetterScreen(inspection_id))
                await settle(pilot)
                app.screen.query_one("#l-text", TextArea).focus()
            await settle(pilot)
            cost = await type_into(pilot, keys)
            await settle(pilot)
            return cost
    finally:
        app.shutdown_store()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3, help="runs per screen (the least counts)")
    parser.add_argument("--screens", default="setup,interview,letter", help="which screens")
    parser.add_argument("--layouts", action="store_true", help="count layouts and who asks")
    parser.add_argument("--profile", action="store_true", help="cProfile each screen's typing")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key")
    parser.add_argument("--callers", help="with --profile: who calls functions matching this")
    args = parser.parse_args()
    if args.profile:
        PROFILE.append(args.sort)
        if args.callers:
            PROFILE.append(args.callers)
    if args.layouts:
        COUNTS.install()

    from tenant_inspect.locations import resolve_data_dir
    from tests.support.demo_copy import demo_data_dir

    with tempfile.TemporaryDirectory() as tmp:
        base = bare_ms = min(asyncio.run(bare(args.keys)) for _ in range(args.runs))
        print(f"bare Input: {bare_ms:.1f} ms/key")
        costs = []
        for n, which in enumerate(args.screens.split(",")):
            runs = []
            for run in range(args.runs):
                data = Path(tmp) / f"data-{n}-{run}"
                inspection_id = demo_data_dir(resolve_data_dir(data))
                runs.append(asyncio.run(screen_cost(data, inspection_id, which, args.keys)))
            cost = min(runs)
            costs.append(cost)
            line = f"{which}: {cost:.1f} ms/key"
            if args.layouts:
                line += f", {COUNTS.layouts / args.keys:.2f} layouts/key"
            print(line)
            for asker, n_asks in COUNTS.askers.most_common(8):
                print(f"    {n_asks / args.keys:5.2f}/key  {asker}")
        now = sum(costs) / len(costs)
        print(f"ratio: {now:.1f} / {base:.1f} = {now / base:.2f}")


if __name__ == "__main__":
    main()
