"""A value alone on screen, for terminals where OSC 52 copying does not reach the clipboard:
select it with the terminal's own selection."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from smpp_tui.tui import commands
from smpp_tui.tui.commands.modals import CLOSE_REVEAL


class RevealScreen(ModalScreen[None]):
    BINDINGS = commands.bindings(CLOSE_REVEAL)

    def __init__(self, label: str, value: str) -> None:
        super().__init__()
        self._label, self._value = label, value

    def compose(self) -> ComposeResult:
        with Vertical(id="reveal"):
            yield Static(Text(self._label, style="dim"))
            yield Static(Text(self._value, style="bold"), id="reveal-value")
            yield Static("", id="reveal-hint")

    def on_mount(self) -> None:
        close = commands.key_of(self, CLOSE_REVEAL)
        hint = Text(f"Select it with the mouse or the terminal; {close} closes.", "dim")
        self.query_one("#reveal-hint", Static).update(hint)
