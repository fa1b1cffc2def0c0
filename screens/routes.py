"""Navigation by name: the one place that knows which module holds which screen.

Screens open other screens with ``open_screen(self, "judgements", inspection_id, area_id=...)``
instead of importing them. That keeps screen modules independent of each other (an
import-linter contract checks it), and each screen module is imported only when first
opened, which keeps start-up fast.

To add a screen: write its module, add one line to :data:`ROUTES`, and open it by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

#: route name → (module inside ``screens``, screen class)
ROUTES: dict[str, tuple[str, str]] = {
    "home": ("home", "HomeScreen"),
    "dashboard": ("dashboard", "DashboardScreen"),
    "setup": ("inspection_setup", "SetupScreen"),
    "documents": ("documents", "DocumentReviewListScreen"),
    "interviews": ("interviews", "InterviewListScreen"),
    "findings": ("findings_board", "FindingsBoardScreen"),
    "duplicates": ("duplicates", "DuplicatesScreen"),
    "judgements": ("judgements", "JudgementsScreen"),
    "conclusions": ("conclusions", "ConclusionsScreen"),
    "recommendations": ("recommendations", "RecommendationsScreen"),
    "export": ("export", "ExportScreen"),
    "team": ("team", "TeamScreen"),
    "conflicts": ("conflicts", "ConflictsScreen"),
    "action_plan": ("action_plan", "ActionPlanScreen"),
    "monitoring": ("monitoring", "MonitoringScreen"),
    "prospects": ("prospects", "ProspectsScreen"),
    "letter": ("letter", "LetterScreen"),
    "programme": ("programme", "ProgrammeScreen"),
}


def screen_class(name: str) -> type[Screen[Any]]:
    """The class behind a route (imports its module on first use)."""
    module, cls = ROUTES[name]
    loaded = importlib.import_module(f"{__package__}.{module}")
    found: type[Screen[Any]] = getattr(loaded, cls)
    return found


def build(name: str, *args: Any, **kwargs: Any) -> Screen[Any]:
    return screen_class(name)(*args, **kwargs)


def open_screen(
    node: DOMNode,
    name: str,
    *args: Any,
    callback: Callable[[Any], None] | None = None,
    **kwargs: Any,
) -> None:
    """Push the screen called ``name`` (built with ``args``/``kwargs``) onto the app."""
    node.app.push_screen(build(name, *args, **kwargs), callback)
