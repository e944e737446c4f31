"""The command palette (`ctrl+p`): exactly what the keys offer on the screen in front, by name,
each with its key. It reads the screen's active bindings, so a command the keys do not offer
there (another tab's, a write in read-only mode) is not offered either."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.binding import ActiveBinding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from smpp_tui.tui import commands
from smpp_tui.tui.commands import Command


class ScreenCommands(Provider):
    def _offered(self) -> list[tuple[Command, ActiveBinding]]:
        return [
            (command, found)
            for command, found in commands.active(self.screen)
            if command.palette and found.enabled
        ]

    def _display(self, found: ActiveBinding, title: Content) -> Content:
        key = self.app.get_key_display(found.binding)
        return Content.assemble(title, "  ", (key, "dim"))

    def _run(self, found: ActiveBinding) -> Callable[[], Awaitable[bool]]:
        return partial(self.app.run_action, found.binding.action, found.node)

    async def discover(self) -> Hits:
        for command, found in self._offered():
            title = command.title or command.label
            yield DiscoveryHit(
                self._display(found, Content(title)),
                self._run(found),
                text=title,
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, found in self._offered():
            title = command.title or command.label
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    self._display(found, matcher.highlight(title)),
                    self._run(found),
                    text=title,
                    help=command.help,
                )
