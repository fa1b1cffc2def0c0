"""The command palette's one context-aware provider.

Every binding of the current screen (and the app's) appears under its plain
description ("New inspection", "Start interview", "Help" ...), so the palette
and the Footer can never disagree and nothing is reachable only by a key.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActionsProvider(Provider):
    """Offers the current screen's actions by name."""

    def _actions(self) -> list[tuple[str, str, object]]:
        screen = self.screen
        found: dict[str, tuple[str, str, object]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or not active.enabled or binding.system:
                continue
            if not binding.show and active.node not in (screen, self.app):
                continue  # a focused widget's internals ("Cursor up" ...), not an action
            name = (
                f"{binding.description} — {binding.tooltip}"
                if binding.tooltip
                else binding.description
            )
            found.setdefault(binding.description, (name, binding.action, active.node))
        return list(found.values())

    async def discover(self) -> Hits:
        for name, action, node in self._actions():
            yield DiscoveryHit(name, partial(self._run, node, action), help=f"key: {action}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, node in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, node, action))

    async def _run(self, node: object, action: str) -> None:
        await self.app.run_action(action, node)  # type: ignore[arg-type]
