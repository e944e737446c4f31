"""One thing shown whole (a sender, with the moderator's comment in full): label and value a
line, API text as text."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from smpp_tui.tui import commands
from smpp_tui.tui.commands.modals import CLOSE_DETAILS


class DetailsScreen(ModalScreen[None]):
    BINDINGS = commands.bindings(CLOSE_DETAILS)

    def __init__(self, title: str, rows: list[tuple[str, Text]]) -> None:
        super().__init__()
        self._title, self._rows = title, rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, pad_edge=False, show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for label, value in self._rows:
            table.add_row(label, value)
        with VerticalScroll(id="details"):
            yield Static(Text(self._title, style="bold"), classes="form-intro")
            yield Static(table)
            yield Static(Text(f"{commands.key_of(self, CLOSE_DETAILS)} closes.", style="dim"))
