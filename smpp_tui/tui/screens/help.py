"""`?`: the keys of the screen below, with what each does and its id for `[keys]` remapping:
the same declared commands its footer and its command palette show."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from smpp_tui.tui import commands
from smpp_tui.tui.commands.app import PALETTE
from smpp_tui.tui.commands.modals import CLOSE_HELP, HELP_SCROLL
from smpp_tui.tui.screens.scrolling import ScrollingDialog


def keys_table(screen: Screen[object]) -> Table:
    table = Table(box=None, pad_edge=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    table.add_column("id", style="dim", no_wrap=True)
    for command, found in commands.active(screen):
        key = screen.app.get_key_display(found.binding)
        table.add_row(Text(key), Text(command.help), Text(command.id))
    return table


class HelpScreen(ScrollingDialog):
    BINDINGS = commands.bindings(CLOSE_HELP, *HELP_SCROLL)

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(keys_table(self._below), id="keys")
            yield Static(
                Text(
                    "Every action is also in the command palette"
                    f" ({commands.key_of(self._below, PALETTE)}).",
                    style="dim",
                ),
                id="help-hint",
            )
