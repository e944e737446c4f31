"""`a` on the IPs tab: type one or several IPv4 addresses; checked before anything is sent.

The modal stays open until the addresses are added: on a refusal (by the checks or by
OVHcloud) the text stays as typed, with what is wrong and what is accepted under it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smpp_tui.tui import commands
from smpp_tui.tui.commands.modals import CANCEL_IPS

# Sends the typed text; answers None when done, else what is wrong.
Submit = Callable[[str], Awaitable[str | None]]


class IpsInput(Input):
    """An input where a pasted list, one address a line, arrives whole."""

    def on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which keeps the first line only: prevented.
        event.prevent_default()
        text = event.text.strip()
        self.insert_text_at_cursor(", ".join(text.split()) if "\n" in text else text)
        event.stop()


class AddIpsScreen(ModalScreen[None]):
    BINDINGS = commands.bindings(CANCEL_IPS)

    def __init__(self, account: str, quota: str, submit: Submit) -> None:
        super().__init__()
        self._account, self._quota, self._submit = account, quota, submit

    def compose(self) -> ComposeResult:
        with Vertical(id="add-ips"):
            yield Static(Text(f"Allow IPs to bind to {self._account} ({self._quota})", "bold"))
            yield Static(
                Text("IPv4 addresses, separated by commas, spaces or new lines. enter sends.")
            )
            # The text stays as typed after a refusal, to be mended, not retyped.
            yield IpsInput(placeholder="192.0.2.10, 192.0.2.11", id="ips", select_on_focus=False)
            yield Static("", id="ips-problem")

    @property
    def problem(self) -> str:
        """What is wrong with the text, once checked (empty before, or while sending)."""
        content = self.query_one("#ips-problem", Static).content
        text = content.plain if isinstance(content, Text) else str(content)
        return "" if text == "Sending…" else text

    def action_cancel(self) -> None:
        # While the addresses are being sent, OVHcloud's answer decides what happens next.
        if not self.query_one(IpsInput).disabled:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.disabled = True  # one request at a time
        self._say(Text("Sending…", style="dim"))
        # A worker, so that keys (escape) are still heard while OVHcloud answers.
        self.run_worker(self._send(event.input, event.value), exit_on_error=False)

    async def _send(self, field: Input, text: str) -> None:
        problem = await self._submit(text)
        if problem is None:
            if self.is_current:
                self.dismiss(None)
            return
        field.disabled = False
        self._say(Text(problem, style="bold red"))
        field.focus()

    def _say(self, text: Text) -> None:
        self.query_one("#ips-problem", Static).update(text)
