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

HitParts = tuple[Content, Callable[[], Awaitable[bool]], str, str]


class ScreenCommands(Provider):
    def _offered(self) -> list[tuple[Command, ActiveBinding]]:
        """Once per action: quit is `q`, or `ctrl+q` where a field takes the `q`."""
        offered: dict[str, tuple[Command, ActiveBinding]] = {}
        for command, found in commands.active(self.screen):
            if command.palette:
                offered.setdefault(command.action, (command, found))
        return list(offered.values())

    def _hit(self, command: Command, found: ActiveBinding, title: Content) -> HitParts:
        """What a hit shows (the title and the key), runs, and says."""
        key = self.app.get_key_display(found.binding)
        display = Content.assemble(title, "  ", (key, "dim"))
        run = partial(self.app.run_action, found.binding.action, found.node)
        return display, run, command.palette_title, command.help

    async def discover(self) -> Hits:
        for command, found in self._offered():
            yield DiscoveryHit(*self._hit(command, found, Content(command.palette_title)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, found in self._offered():
            score = matcher.match(command.palette_title)
            if score > 0:
                highlighted = matcher.highlight(command.palette_title)
                yield Hit(score, *self._hit(command, found, highlighted))
