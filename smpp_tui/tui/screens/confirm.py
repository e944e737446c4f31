"""Confirm-then-act: a modal saying what will happen, to what, with which consequence.

Focus starts on Cancel; `y` confirms, `n` and `escape` cancel (the buttons name the keys, as
remapped). It answers once: a second `y`
arrives after it has closed.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smpp_tui.tui import commands
from smpp_tui.tui.commands.modals import CONFIRM, NO, YES


class ConfirmScreen(ModalScreen[bool]):
    AUTO_FOCUS = "#cancel"
    BINDINGS = commands.bindings(*CONFIRM)

    def __init__(self, title: str, body: RenderableType, action: str) -> None:
        super().__init__()
        self._title, self._body, self._action = title, body, action

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(Text(self._title, style="bold"), id="confirm-title")
            yield Static(self._body, id="confirm-body")
            with Horizontal(id="confirm-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self._action, id="confirm-button", variant="warning")

    def on_mount(self) -> None:
        # The keys as the user set them in `[keys]`.
        self.query_one("#cancel", Button).label = f"Cancel ({commands.key_of(self, NO)})"
        confirm = f"{self._action} ({commands.key_of(self, YES)})"
        self.query_one("#confirm-button", Button).label = confirm

    def action_answer(self, answer: bool) -> None:
        if not self.is_active:
            return
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "confirm-button")
