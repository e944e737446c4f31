"""`e` on the Credits tab: the automatic recharge, a threshold and a pack (or off)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from smpp_tui.api.models import RECHARGE_PACKS, Account
from smpp_tui.tui.screens.form import FormScreen, PastedInput

# Sends the threshold and the pack typed; answers None when done, else what is wrong.
Submit = Callable[[str, str], Awaitable[str | None]]
PACKS = ", ".join(str(pack) for pack in RECHARGE_PACKS)
THRESHOLD_MAX = 7  # digits: up to 9,999,999 credits
PACK_MAX = len(str(max(RECHARGE_PACKS)))  # "10000", or "none"


class RechargeScreen(FormScreen):
    def __init__(self, account: Account, submit: Submit) -> None:
        super().__init__(
            f"Automatic recharge of {account.name}",
            "When fewer credits than the threshold are left, OVHcloud buys the pack by itself."
            " tab moves, enter sends.",
        )
        self._account, self._submit = account, submit

    def fields(self) -> ComposeResult:
        account = self._account
        yield Static("Threshold: a whole number of credits, 0 or more", classes="label")
        threshold = f"{account.recharge_threshold:.0f}"
        yield PastedInput(max_length=THRESHOLD_MAX, value=threshold, id="threshold")
        yield Static(f"Pack: {PACKS} credits, or off", classes="label")
        choices = ["off", *(str(pack) for pack in RECHARGE_PACKS)]
        pack = str(account.recharge_pack) if account.recharge_pack else "off"
        suggester = SuggestFromList(choices)
        yield PastedInput(max_length=PACK_MAX, value=pack, id="pack", suggester=suggester)

    async def send(self) -> str | None:
        return await self._submit(self.value("threshold"), self.value("pack"))
