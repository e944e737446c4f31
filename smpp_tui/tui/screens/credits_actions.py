"""The Credits tab's actions: change the automatic recharge, transfer credits."""

from __future__ import annotations

from rich.table import Table

from smpp_tui.api.errors import InvalidInput
from smpp_tui.store import plans
from smpp_tui.tui import words
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.recharge_form import RechargeScreen
from smpp_tui.tui.screens.transfer import open_transfer


def recharge_change(plan: plans.Recharge) -> Table:
    """The automatic recharge now and after, side by side."""
    now = plan.account
    table = Table(box=None, pad_edge=False)
    table.add_column("now")
    table.add_column("after")
    table.add_row(
        words.recharge(now.recharge_pack, now.recharge_threshold),
        words.recharge(plan.pack, plan.threshold),
    )
    return table


class CreditsActions(AccountTab):
    def action_edit_recharge(self) -> None:
        account = self.details
        if account is None:
            self.say("The account is not known yet; try again in a moment.", "warning")
            return
        self.smpp_app.push_screen(RechargeScreen(account, self._set_recharge))

    async def _set_recharge(self, threshold_typed: str, pack_typed: str) -> str | None:
        snapshot = self.smpp_app.store.snapshot
        try:
            plan = plans.recharge(snapshot, self.account, threshold_typed, pack_typed)
        except InvalidInput as refused:
            return str(refused)
        pack, threshold = plan.pack, plan.threshold
        confirm = ConfirmScreen(
            f"Change the automatic recharge of {self.account}?",
            recharge_change(plan),
            "Change",
        )
        if not await self.smpp_app.push_screen_wait(confirm):
            return ""  # not sent: the form stays as typed
        problem = await self.tried(
            self.smpp_app.actions.set_recharge, self.account, pack, threshold
        )
        if problem is None:
            self.say(f"Automatic recharge of {self.account}: {words.recharge(pack, threshold)}.")
        return problem

    def action_transfer(self) -> None:
        open_transfer(self, self.account)
