"""Checking the settings of one question: themes, options, scale and show_if.

Split from the walk over sections (:mod:`.checker`) because these are the long,
message-heavy checks; each one records every problem it finds and returns what it could use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..themes import THEME_IDS, THEMES, close_theme_ids
from .answers import WHOLE_NUMBER_RE
from .field_reader import Ctx, FieldReader, did_you_mean, or_list, show
from .model import CHOICE_TYPES, MAX_SCALE_POINTS, YES_NO_OPTIONS, Option, Question, ShowIf

_SCALE_KEYS = ("min", "max", "labels")
_SHOW_IF_KEYS = ("question", "equals", "in")
_OPTION_KEYS = ("value", "label")
_THEME_ORDER = [t.id for t in THEMES]


class QuestionFieldChecks(FieldReader):
    """The per-question checks; ``positions`` and ``built`` are filled by the walk."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.positions: dict[str, int] = {}  # question id -> index among all questions
        self.index = 0  # index of the question being checked
        self.built: dict[str, Question] = {}  # questions checked so far, by id

    def check_themes(self, ctx: Ctx, q: Mapping[str, Any]) -> tuple[str, ...]:
        raw = q.get("themes", [])
        if not isinstance(raw, list):
            example = f"[{show(raw)}]" if isinstance(raw, str) else '["diversity"]'
            self.report(
                ctx,
                "themes",
                f"`themes` must be a list in square brackets, for example themes = {example}, "
                f"not {show(raw)}.",
            )
            return ()
        themes: list[str] = []
        for item in raw:
            if not isinstance(item, str):
                self.report(ctx, "themes", f"Each theme must be text in quotes, not {show(item)}.")
            elif item not in THEME_IDS:
                close = close_theme_ids(item)
                hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
                self.report(
                    ctx,
                    "themes",
                    f"Unknown theme {item!r}.{hint} Known themes: "
                    f"{or_list(sorted(THEME_IDS, key=_THEME_ORDER.index))}.",
                )
            elif item not in themes:
                themes.append(item)
        return tuple(themes)

    def check_options(
        self, ctx: Ctx, q: Mapping[str, Any], qtype: str | None
    ) -> tuple[Option, ...]:
        if qtype == "yes_no":
            if "options" in q:
                self.report(
                    ctx,
                    "options",
                    "`options` is only for choice and multi_choice questions; a yes_no "
                    "question always offers Yes and No. Remove `options`, or change `type`.",
                )
            return YES_NO_OPTIONS
        if qtype not in CHOICE_TYPES:
            if qtype is not None and "options" in q:
                self.report(
                    ctx,
                    "options",
                    f"`options` is only for choice and multi_choice questions, not for a {qtype} "
                    "question. Remove `options`, or change `type`.",
                )
            return ()
        raw = q.get("options", [])
        if not isinstance(raw, list):
            self.report(
                ctx,
                "options",
                f'`options` must be a list in square brackets, for example options = ["Yes", '
                f'"No", "Don\'t know"], not {show(raw)}.',
            )
            return ()
        options: list[Option] = []
        for n, item in enumerate(raw, start=1):
            option = self.check_option(ctx, n, item)
            if option is None:
                continue
            if any(o.value == option.value for o in options):
                self.report(
                    ctx,
                    "options",
                    f"Option {show(option.value)} is listed twice. "
                    "Each option needs its own value.",
                )
                continue
            options.append(option)
        if len(raw) < 2:
            self.report(
                ctx,
                "options",
                f"A {qtype} question needs at least 2 options in `options`, for example "
                'options = ["Yes, fully", "Partly", "No"].',
            )
        return tuple(options)

    def check_option(self, ctx: Ctx, n: int, item: Any) -> Option | None:
        if isinstance(item, str):
            if not item.strip():
                self.report(ctx, "options", f"Option {n} is empty.")
                return None
            return Option(item, item)
        if isinstance(item, dict):
            bad = [k for k in item if k not in _OPTION_KEYS]
            for key in bad:
                self.report(
                    ctx,
                    "options",
                    f"Unknown setting `{key}` in option {n}."
                    f"{did_you_mean(key, _OPTION_KEYS, 'key')} "
                    "An option can have: value, label.",
                )
            if bad:
                return None  # a misspelt `value` or `label` is the problem to report
            value, label = item.get("value"), item.get("label")
            ok = True
            for key, got in (("value", value), ("label", label)):
                if not isinstance(got, str) or not got.strip():
                    shown = "missing" if got is None else f"not {show(got)}"
                    self.report(
                        ctx,
                        "options",
                        f"Option {n} needs `{key}` as text in quotes ({shown}).",
                    )
                    ok = False
            if ok and isinstance(value, str) and isinstance(label, str):
                return Option(value, label)
            return None
        self.report(
            ctx,
            "options",
            f"Option {n} must be text in quotes or a table like "
            f'{{ value = "yes", label = "Yes" }}, '
            f"not {show(item)}.",
        )
        return None

    def check_scale(
        self, ctx: Ctx, q: Mapping[str, Any], qtype: str | None
    ) -> tuple[int, int, tuple[str, str] | None]:
        if qtype != "scale":
            if qtype is not None:
                for key in _SCALE_KEYS:
                    if key in q:
                        self.report(
                            ctx,
                            key,
                            f"`{key}` is only for scale questions, not for a {qtype} question.",
                        )
            return 1, 5, None
        low = self.get_int(ctx, q, "min", 1)
        high = self.get_int(ctx, q, "max", 5)
        if low is not None and high is not None:
            if low >= high:
                key = "min" if "min" in q else "max"
                self.report(ctx, key, f"`min` ({low}) must be smaller than `max` ({high}).")
            elif high - low + 1 > MAX_SCALE_POINTS:
                self.report(
                    ctx,
                    "max",
                    f"A scale can have at most {MAX_SCALE_POINTS} points; {low} to {high} has "
                    f"{high - low + 1}.",
                )
        labels: tuple[str, str] | None = None
        if "labels" in q:
            raw = q["labels"]
            if (
                isinstance(raw, list)
                and len(raw) == 2
                and all(isinstance(x, str) and x.strip() for x in raw)
            ):
                labels = (raw[0], raw[1])
            else:
                self.report(
                    ctx,
                    "labels",
                    "`labels` must be two texts, the low end first, for example "
                    'labels = ["Poor", "Excellent"].',
                )
        return (low if low is not None else 1), (high if high is not None else 5), labels

    def check_show_if(self, ctx: Ctx, q: Mapping[str, Any]) -> ShowIf | None:
        if "show_if" not in q:
            return None
        raw = q["show_if"]
        if not isinstance(raw, dict):
            self.report(
                ctx,
                "show_if",
                'show_if must be written like show_if = { question = "q3", equals = "yes" }, '
                f"not {show(raw)}.",
            )
            return None
        ok = True
        unknown = False
        for key in raw:
            if key not in _SHOW_IF_KEYS:
                unknown = True
                self.report(
                    ctx,
                    "show_if",
                    f"Unknown setting `{key}` in show_if."
                    f"{did_you_mean(key, _SHOW_IF_KEYS, 'key')} "
                    "show_if can have: question, equals, in.",
                )
                ok = False

        ref = raw.get("question")
        if ref is None:
            self.report(ctx, "show_if", "show_if needs `question`: the id of an earlier question.")
            ok = False
        elif not isinstance(ref, str):
            self.report(
                ctx, "show_if", f"show_if `question` must be text in quotes, not {show(ref)}."
            )
            ok = False

        values: list[str] = []
        equals = raw.get("equals")
        if equals is not None:
            if isinstance(equals, str):
                values.append(equals)
            else:
                hint = (
                    f' Write equals = "{"yes" if equals else "no"}".'
                    if isinstance(equals, bool)
                    else ""
                )
                self.report(
                    ctx,
                    "show_if",
                    f"show_if `equals` must be text in quotes, not {show(equals)}.{hint}",
                )
                ok = False
        any_of = raw.get("in")
        if any_of is not None:
            if isinstance(any_of, list) and any_of and all(isinstance(v, str) for v in any_of):
                values.extend(any_of)
            else:
                self.report(
                    ctx,
                    "show_if",
                    'show_if `in` must be a list of texts, for example in = ["a", "b"].',
                )
                ok = False
        if equals is not None and any_of is not None:
            self.report(ctx, "show_if", "show_if can use `equals` or `in`, not both.")
            ok = False
        elif equals is None and any_of is None and not unknown:
            # (after an unknown key such as `equal`, that typo is the problem to report)
            self.report(
                ctx,
                "show_if",
                'show_if needs `equals = "..."` or `in = [...]`: the answer (or answers) that '
                "make this question appear.",
            )
            ok = False

        if isinstance(ref, str):
            ok = self.check_reference(ctx, ref, values) and ok
        if not ok or not isinstance(ref, str):
            return None
        if isinstance(equals, str):
            return ShowIf(ref, equals=equals)
        return ShowIf(ref, any_of=tuple(values))

    def check_reference(self, ctx: Ctx, ref: str, values: list[str]) -> bool:
        own = ctx.question
        if own is not None and ref == own:
            self.report(
                ctx,
                "show_if",
                "show_if refers to this question itself. A question can only depend on an "
                "earlier one.",
            )
            return False
        if ref not in self.positions:
            self.report(
                ctx,
                "show_if",
                f"show_if refers to {ref!r}, which is not a question in this file."
                f"{did_you_mean(ref, self.positions, 'id')}",
            )
            return False
        if self.positions[ref] > self.index:
            self.report(
                ctx,
                "show_if",
                f"show_if refers to {ref!r}, which comes later. A question can only depend on "
                "an earlier one.",
            )
            return False
        target = self.built.get(ref)
        if target is None:
            return True  # the earlier question has its own problems, already reported
        ok = True
        if target.options:
            allowed = [o.value for o in target.options]
            for value in values:
                if value in allowed:
                    continue
                fix = ""
                for o in target.options:
                    if value.casefold() in (o.value.casefold(), o.label.casefold()):
                        fix = f" Did you mean {show(o.value)}?"
                        break
                self.report(
                    ctx,
                    "show_if",
                    f"show_if value {show(value)} is not one of the answers to {ref!r}.{fix} "
                    f"Use one of: {or_list(show(v) for v in allowed)}.",
                )
                ok = False
        elif target.type == "scale":
            for value in values:
                if not (
                    WHOLE_NUMBER_RE.match(value)
                    and target.scale_min <= int(value) <= target.scale_max
                ):
                    self.report(
                        ctx,
                        "show_if",
                        f"show_if value {show(value)} can never match: {ref!r} is a scale from "
                        f"{target.scale_min} to {target.scale_max}.",
                    )
                    ok = False
        return ok
