"""Every concrete screen fills in the hooks its base class leaves open.

The screen bases (reloading screens, analysis screens, lists, ordered lists, the question
runner, the form dialog) leave a few methods for subclasses to define; the base versions only
raise, naming the missing hook. Textual's metaclass rules out ``abc.abstractmethod``, so this
test is what guarantees a user never meets that error: it imports every screen and dialog
module and checks each concrete subclass overrides every hook of each base it derives from.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import screens
from screens.base import AnalysisScreen, ReloadingScreen
from screens.dialogs.form import Form
from screens.list_base import ListScreenBase
from screens.ordered_list_base import OrderedListScreen
from screens.runner_base import QuestionRunnerScreen

#: base → the hooks it leaves open ("a|b": defining either is enough)
HOOKS: dict[type[Any], tuple[str, ...]] = {
    ReloadingScreen: ("reload",),
    AnalysisScreen: ("load",),
    ListScreenBase: ("loader", "fill", "open_row"),
    QuestionRunnerScreen: ("loader",),
    OrderedListScreen: (
        "rows",
        "prompt",
        "editing_id",
        "show_selected",
        "save_typing",
        "move_change",
        "delete_change",
        "already_words",
        "delete_question",
        "deleted_words",
    ),
    Form: ("result|finish",),
}


def _all_screen_classes() -> set[type[Any]]:
    for module in pkgutil.walk_packages(screens.__path__, "screens."):
        importlib.import_module(module.name)
    found: set[type[Any]] = set()
    stack = list(HOOKS)
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in found and sub.__module__.startswith("screens."):
                found.add(sub)
                stack.append(sub)
    return found


CLASSES = _all_screen_classes()
#: Leaves only: a class other screens derive from (a base or a mixin) may leave hooks open.
CONCRETE = sorted(
    (
        cls
        for cls in CLASSES
        if cls not in HOOKS and not any(c in CLASSES for c in cls.__subclasses__())
    ),
    key=lambda c: f"{c.__module__}.{c.__qualname__}",
)


def test_the_screens_are_found() -> None:
    names = {c.__name__ for c in CONCRETE}
    assert {"DashboardScreen", "ConclusionsScreen", "InterviewScreen", "FormDialog"} <= names


@pytest.mark.parametrize("cls", CONCRETE, ids=lambda c: c.__name__)
def test_every_hook_is_defined(cls: type[Any]) -> None:
    missing = [
        f"{base.__name__}.{hook}"
        for base, hooks in HOOKS.items()
        if issubclass(cls, base)
        for hook in hooks
        if all(getattr(cls, name) is base.__dict__[name] for name in hook.split("|"))
    ]
    assert not missing, f"{cls.__name__} leaves {missing} undefined"
