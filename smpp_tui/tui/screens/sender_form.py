"""`a` on the Senders tab: ask OVHcloud's moderator for a sender: the sender, a description,
and the reason the moderator reads. Checked as OVHcloud checks it before anything is sent."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.widgets import Static

from smpp_tui.api.checks import SENDER_MAX
from smpp_tui.api.models import SENDER_DESCRIPTION_MAX, SENDER_REASON_MAX
from smpp_tui.tui.screens.form import FormScreen, PastedInput

# Sends sender, description and reason; answers None when done, else what is wrong.
Submit = Callable[[str, str, str], Awaitable[str | None]]


class RequestSenderScreen(FormScreen):
    def __init__(self, account: str, submit: Submit) -> None:
        super().__init__(
            f"Request a sender for {account}",
            "OVHcloud's moderator reviews it. tab moves, enter sends.",
        )
        self._submit = submit

    def fields(self) -> ComposeResult:
        yield Static("Sender: 1-11 letters, digits, spaces, _-.,&+ or a +number", classes="label")
        yield PastedInput(max_length=SENDER_MAX, placeholder="ACME", id="sender")
        yield Static(f"Description (optional, at most {SENDER_DESCRIPTION_MAX})", classes="label")
        yield PastedInput(
            max_length=SENDER_DESCRIPTION_MAX,
            placeholder="Alerts to our customers",
            id="description",
        )
        yield Static(
            f"Reason for the moderator: who sends what, to whom (at most {SENDER_REASON_MAX})",
            classes="label",
        )
        yield PastedInput(
            max_length=SENDER_REASON_MAX,
            placeholder="Order confirmations to our shop's customers",
            id="reason",
        )

    async def send(self) -> str | None:
        sender = self.value("sender").strip()
        description, reason = self.value("description").strip(), self.value("reason").strip()
        return await self._submit(sender, description, reason)
