"""`a` on the IPs tab: type one or several IPv4 addresses; checked before anything is sent.

The modal stays open until the addresses are added: on a refusal (by the checks or by
OVHcloud) the text stays as typed, with what is wrong and what is accepted under it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

# Sends the typed text; answers None when done, else what is wrong.
Submit = Callable[[str], Awaitable[str | None]]


class IpsInput(Input):
    """An input where a pasted list, one address a line, arrives whole."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler keeps the first line only
        text = event.text.strip()
        self.insert_text_at_cursor(", ".join(text.split()) if "\n" in text else text)
        event.stop()


class AddIpsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="add_ips.cancel")]

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
        return str(self.query_one("#ips-problem", Static).content)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input
        field.disabled = True  # one request at a time
        problem = await self._submit(event.value)
        if problem is None:
            self.dismiss(None)
            return
        field.disabled = False
        self.query_one("#ips-problem", Static).update(Text(problem, style="bold red"))
        field.focus()
