"""`t`: move credits from an account to another of the same customer: the target (its name
completes as it is typed) and how many credits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from smpp_tui.tui.screens.form import FormScreen, PastedInput

# Sends the target and the credits typed; answers None when done, else what is wrong.
Submit = Callable[[str, str], Awaitable[str | None]]
ACCOUNT_MAX = 32  # an SMS account's name, such as sms-ab12345-1
CREDITS_MAX = 12  # up to 999,999,999.99 credits, to the cent


class TransferScreen(FormScreen):
    def __init__(self, source: str, balance: float, others: Sequence[str], submit: Submit) -> None:
        super().__init__(
            f"Transfer credits from {source} ({balance:,.2f} left)",
            "To another SMS account of this customer; the name completes as you type (right"
            " arrow takes it). tab moves, enter sends.",
        )
        self._others, self._submit = list(others), submit
        self._balance = balance

    def fields(self) -> ComposeResult:
        yield Static("To the account", classes="label")
        suggester = SuggestFromList(self._others, case_sensitive=False)
        first = self._others[0] if self._others else "sms-..."
        yield PastedInput(
            max_length=ACCOUNT_MAX, placeholder=first, id="target", suggester=suggester
        )
        yield Static(f"Credits: from 1 to {self._balance:,.2f}, to the cent", classes="label")
        yield PastedInput(max_length=CREDITS_MAX, placeholder="50", id="credits")

    async def send(self) -> str | None:
        return await self._submit(self.value("target"), self.value("credits"))
