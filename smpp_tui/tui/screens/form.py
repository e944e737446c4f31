"""A dialog of fields that sends what is typed, and stays open until it is done.

`tab` moves from field to field and `enter` in any field sends. The subclass checks and sends
(`send`, in a worker: it may ask for a confirmation first); on a refusal, by the app or by
OVHcloud, the fields keep the text as typed and what is wrong shows under them, with what is
accepted. `escape` closes, except while sending: OVHcloud's answer decides what happens next.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smpp_tui.api.text import clean
from smpp_tui.tui import commands
from smpp_tui.tui.commands.modals import CANCEL_FORM
from smpp_tui.tui.screens.base import OpensAtTop, SaysWorkerFailures

SENDING = "Sending…"


class PastedInput(Input):
    """A one-line field of at most `max_length` characters, where pasted lines arrive whole,
    joined by `joiner` (Input's own paste keeps the first line only: a pasted list or paragraph
    would lose all but its start). What is typed or pasted is taken as `clean` shows it, minus
    control characters: the value is sent as it is, so nothing in it may drive a terminal or
    break a request."""

    def __init__(self, joiner: str = " ", *, max_length: int, **options: Any) -> None:
        super().__init__(compact=True, max_length=max_length, **options)  # compact: fits 80x24
        self._joiner = joiner

    def replace(self, text: str, start: int, end: int) -> None:
        # Every way in ends here: a key, a paste, the app's clipboard (ctrl+v), a selection.
        super().replace(_without_controls(text), start, end)

    def on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which keeps the first line only: prevented.
        event.prevent_default()
        event.stop()
        lines = (_without_controls(line).strip() for line in _LINE_BREAKS.split(event.text))
        pasted = self._joiner.join(line for line in lines if line)
        start, end = sorted(self.selection)
        length, limit = len(self.value) - (end - start) + len(pasted), self.max_length
        if limit and length > limit:
            # Refused whole: a list or a number cut short could still look right.
            self.notify(
                f"Not pasted: the field would hold {length:,} characters; it takes at most"
                f" {limit}.",
                severity="warning",
                markup=False,
            )
            return
        self.replace(pasted, start, end)


_LINE_BREAKS = re.compile(r"\r\n?|\n")  # terminals paste lines ending with \r, \n or both
_SHOWN_CONTROLS = re.compile("[\u2400-\u2421\ufffd]")  # what `clean` shows for a control


def _without_controls(text: str) -> str:
    """`text` as `clean` makes it (no escape sequence, no hidden character, no line break), with
    the control characters it would show as symbols dropped instead."""
    return _SHOWN_CONTROLS.sub("", clean(text))


class FormFrame(VerticalScroll, can_focus=False):
    """Scrolls when the fields and what is wrong do not fit a small terminal; tab goes from
    field to field, not to the frame itself."""


class FormScreen(OpensAtTop, SaysWorkerFailures, ModalScreen[None]):
    BINDINGS = commands.bindings(CANCEL_FORM)

    def __init__(self, title: str, intro: str) -> None:
        super().__init__()
        self._title, self._intro = title, intro

    def compose(self) -> ComposeResult:
        with FormFrame(classes="form-dialog"):
            yield Static(Text(self._title, style="bold"))
            yield Static(Text(self._intro), classes="form-intro")
            yield from self.fields()
            yield Static("", id="form-problem")

    def fields(self) -> ComposeResult:
        """The form's fields, in the order `tab` visits them."""
        yield from ()

    async def send(self) -> str | None:
        """Check and send what is typed: None when done (the form closes), else what is wrong
        (shown, the form stays open; "" when nothing is wrong, only not done)."""
        return None

    def value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    @property
    def problem(self) -> str:
        """What is wrong with what was sent (empty before, or while sending)."""
        content = self.query_one("#form-problem", Static).content
        text = content.plain if isinstance(content, Text) else str(content)
        return "" if text == SENDING else text

    @property
    def sending(self) -> bool:
        return any(field.disabled for field in self.query(Input))

    def action_cancel(self) -> None:
        if not self.sending:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.sending:
            self._enable(False)
            self._say(Text(SENDING, style="dim"))
            # A worker, so that keys (escape) are still heard while OVHcloud answers.
            self.run_worker(self._send(event.input), exit_on_error=False)

    async def _send(self, field: Input) -> None:
        try:
            problem = await self.send()
        finally:
            self._enable(True)
        if problem is None:
            if self.is_active:
                self.dismiss(None)
            return
        self._say(Text(problem, style="bold red"))
        field.focus(scroll_visible=False)
        # Once laid out (it was empty): on a small terminal it may be below the fields.
        self.call_after_refresh(self.query_one("#form-problem").scroll_visible, animate=False)

    def _enable(self, enabled: bool) -> None:
        for field in self.query(Input):
            field.disabled = not enabled

    def _say(self, text: Text) -> None:
        self.query_one("#form-problem", Static).update(text)
