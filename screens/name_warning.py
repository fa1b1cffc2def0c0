"""Warn, as soon as it is saved, when a text names an interviewee.

Reports replace names by roles, but the inspector is the best person to reword "Gary had
not heard of the pledges" while they remember who said what. Screens call
:func:`warn_about_names` after saving a finding, a conclusion, a recommendation or a
judgement's rationale; the check (:func:`tenant_inspect.views.names.names_mentioned`) runs
in a worker and, if it finds a name, a warning stays on screen long enough to read.

Text boxes that save as you type call it when you leave the box. The same warning for the
same box is not repeated until the text names someone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from tenant_inspect.views.names import names_mentioned

from .services import services_of

if TYPE_CHECKING:
    from textual.widget import Widget

_SHOWN: WeakKeyDictionary[Widget, dict[str, str]] = WeakKeyDictionary()
TITLE = "An interviewee is named"


def warn_about_names(node: Widget, inspection_id: str, *texts: str, box: str = "") -> None:
    """Check ``texts`` against the inspection's interviewees; warn on ``node`` if named."""
    if not any(t.strip() for t in texts):
        return

    def shown(message: str) -> None:
        last = _SHOWN.setdefault(node, {})
        if last.get(box) == message:
            return
        last[box] = message
        if message:
            node.notify(message, title=TITLE, severity="warning", timeout=10)

    services_of(node).read(
        lambda session: names_mentioned(session, inspection_id, *texts),
        shown,
        group=f"names:{box}",
    )
