"""Building key bindings the same way on every screen and dialog.

Almost every binding in the app is a key, an action, the words in the Footer, a tooltip and
an id that is the action's name with dashes (``return_file`` → ``return-file``, the name a
keymap uses). :func:`bind` writes that in one line; :data:`QUIT` and :func:`move_bindings`
are the bindings several screens share.
"""

from __future__ import annotations

from textual.binding import Binding

#: The Footer group of the [ ] keys (trailing space: the compact Footer runs the next key into it).
MOVE = Binding.Group("Move ")


def bind(
    key: str,
    action: str,
    description: str,
    tooltip: str,
    *,
    id: str | None = None,
    show: bool = True,
    priority: bool = False,
    key_display: str | None = None,
    group: Binding.Group | None = None,
) -> Binding:
    """A binding with a tooltip, whose id is the action's name with dashes unless given."""
    return Binding(
        key,
        action,
        description,
        show=show,
        key_display=key_display,
        priority=priority,
        tooltip=tooltip,
        id=id or action.replace("_", "-"),
        group=group,
    )


#: Quit, left out of the Footer: everything is saved as it is typed.
QUIT = bind("ctrl+q", "quit", "Quit", "Quit (everything is already saved)", show=False)


def move_bindings(
    earlier: str,
    later: str,
    *,
    action: str = "move",
    up: str = "Move up",
    down: str = "Move down",
    ids: tuple[str, str] = ("move-up", "move-down"),
) -> list[Binding]:
    """[ and ] (shown as one "Move" group) and Ctrl+↑↓ for ``action(-1)`` and ``action(1)``."""
    return [
        bind(
            "left_square_bracket",
            f"{action}(-1)",
            up,
            earlier,
            id=ids[0],
            key_display="[",
            group=MOVE,
        ),
        bind(
            "right_square_bracket",
            f"{action}(1)",
            down,
            later,
            id=ids[1],
            key_display="]",
            group=MOVE,
        ),
        Binding("ctrl+up", f"{action}(-1)", up, show=False),
        Binding("ctrl+down", f"{action}(1)", down, show=False),
    ]
