"""`?`: the keys of the screen below and of the app, with their ids for `[keys]` remapping."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def keys_table(screen: Screen) -> Table:
    table = Table(box=None, pad_edge=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    table.add_column("id", style="dim", no_wrap=True)
    seen = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id and binding.id not in seen and binding.description:
            seen.add(binding.id)
            key = screen.app.get_key_display(binding)
            table.add_row(Text(key), Text(binding.description), Text(binding.id))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(keys_table(self._below), id="keys")
            yield Static(Text("Every action is also in the command palette (ctrl+p).", style="dim"))
