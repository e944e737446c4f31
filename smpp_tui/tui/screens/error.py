"""A confirmed write that failed: what failed, OVHcloud's message and its query id (its support
asks for it), in a dialog that stays until closed (a toast is gone before the id is copied by
hand); `c` copies the message with the query id."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from smpp_tui.tui import commands, words
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands.modals import CLOSE_ERROR, COPY_ERROR, ERROR


class ErrorScreen(ModalScreen[None]):
    BINDINGS = commands.bindings(*ERROR)

    def __init__(self, title: str, error: Exception) -> None:
        """`title`: what failed, "No new password for smpp-dc12345-1"."""
        super().__init__()
        self._title, self._error = title, error

    @property
    def query_id(self) -> str | None:
        return getattr(self._error, "query_id", None)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="error"):
            yield Static(Text(self._title, style="bold"), id="error-title")
            yield Static(words.plain(self._error), id="error-message")
            if self.query_id:
                said = Text("OVHcloud query id: ", style="dim").append_text(
                    words.plain(self.query_id)
                )
                yield Static(said, id="error-query-id")
            yield Static("", id="error-hint")

    def on_mount(self) -> None:
        copy, close = commands.key_of(self, COPY_ERROR), commands.key_of(self, CLOSE_ERROR)
        what = "the message and its query id" if self.query_id else "the message"
        hint = Text(f"{copy} copies {what}; {close} closes.", style="dim")
        self.query_one("#error-hint", Static).update(hint)

    def action_copy(self) -> None:
        copy(self.app, words.failure(self._error), "the error")
