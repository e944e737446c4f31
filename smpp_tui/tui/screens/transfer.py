"""Moving credits between two accounts of the customer, from the Credits tab or from the
accounts list: the form, a confirmation with both balances before and after, then the move."""

from __future__ import annotations

from rich.table import Table

from smpp_tui.api.errors import InvalidInput
from smpp_tui.store import plans
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui import words
from smpp_tui.tui.screens.base import ACTION_FAILURES, SmppScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.transfer_form import TransferScreen


def balances(transfer: plans.Transfer) -> Table:
    """Both accounts' credits now and after the move."""
    table = Table(box=None, pad_edge=False)
    table.add_column("account")
    table.add_column("now", justify="right")
    table.add_column("after", justify="right")
    for account, change in (
        (transfer.source, -transfer.credits),
        (transfer.target, transfer.credits),
    ):
        after = account.credits_left + change
        table.add_row(account.name, f"{account.credits_left:,.2f}", f"{after:,.2f}")
    return table


def open_transfer(screen: SmppScreen, source: str) -> None:
    """The transfer form for `source`, once the customer's accounts are known."""
    app = screen.smpp_app
    accounts = {a.name: a for a in app.store.snapshot.value(ACCOUNTS, ())}
    if source not in accounts:
        app.notify("The accounts are not known yet; try again in a moment.", markup=False)
        return
    balance = accounts[source].credits_left
    if balance < 1:
        app.notify(
            f"{source} has {balance:,.2f} credits: a transfer moves at least 1.",
            severity="warning",
            markup=False,
        )
        return
    others = sorted(name for name in accounts if name != source)

    async def submit(target_typed: str, credits_typed: str) -> str | None:
        return await _transfer(screen, source, target_typed, credits_typed)

    app.push_screen(TransferScreen(source, balance, others, submit))


async def _transfer(
    screen: SmppScreen, source: str, target_typed: str, credits_typed: str
) -> str | None:
    app = screen.smpp_app
    try:
        plan = plans.transfer(app.store.snapshot, source, target_typed, credits_typed)
    except InvalidInput as refused:
        return str(refused)
    target, credits = plan.target.name, plan.credits
    title = f"Transfer {credits:,.2f} credits to {target}?"
    if not await app.push_screen_wait(ConfirmScreen(title, balances(plan), "Transfer")):
        return ""  # not sent: the form stays as typed
    try:
        await app.call(app.actions.transfer_credits, source, target, credits)
    except ACTION_FAILURES as error:
        return words.failure(error)
    app.notify(f"Moved {credits:,.2f} credits from {source} to {target}.", markup=False)
    return None
