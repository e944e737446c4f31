"""The rows of the accounts table, computed from a snapshot: a pure function, no widgets."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from smpp_tui.api.models import Account
from smpp_tui.config.model import DEFAULT_LOW_CREDITS
from smpp_tui.store.resources import ACCOUNTS, ips_key, settings_key
from smpp_tui.store.snapshot import Snapshot
from smpp_tui.tui import words
from smpp_tui.tui.widgets.keyed_table import Column, Row

COLUMNS = (
    Column("name", "Account"),
    Column("description", "Description"),
    Column("smpp", "SMPP", 4),
    Column("status", "Status", 7),  # enable, disable
    Column("smpp_status", "SMPP status", 14),  # the longest: "● applying IPs"
    Column("credits", "Credits"),
    Column("ips", "IPs", 5),  # 10/10
)


def description_width(screen_width: int) -> int:
    """What the other columns leave to descriptions: the table fits 80 columns."""
    return max(10, min(40, screen_width - 68))


@dataclass(frozen=True)
class View:
    """How the user asked to see the accounts."""

    query: str = ""  # in the name or the description, any case
    smpp_only: bool = False
    by_credits: bool = False  # the fewest credits first, else SMPP accounts first, by name
    width: int = 32  # of the descriptions
    low_credits: float = DEFAULT_LOW_CREDITS  # under it, an account without recharge runs out


def shown_accounts(accounts: tuple[Account, ...], view: View) -> list[Account]:
    needle = view.query.casefold().strip()
    shown = [
        account
        for account in accounts
        if (not view.smpp_only or account.smpp)
        and (not needle or needle in f"{account.name}\n{account.description}".casefold())
    ]
    if view.by_credits:
        shown.sort(key=lambda account: (account.credits_left, account.name))
    else:
        shown.sort(key=lambda account: (not account.smpp, account.name))
    return shown


def account_rows(snapshot: Snapshot, view: View) -> list[Row]:
    accounts: tuple[Account, ...] = snapshot.value(ACCOUNTS, ())
    return [
        Row(account.name, _cells(account, snapshot, view))
        for account in shown_accounts(accounts, view)
    ]


def running_low(snapshot: Snapshot, level: float) -> list[str]:
    """The accounts whose credits run out (under their recharge threshold, or `level`)."""
    accounts: tuple[Account, ...] = snapshot.value(ACCOUNTS, ())
    return [account.name for account in accounts if account.runs_low(level)]


def _smpp_cells(snapshot: Snapshot, name: str) -> tuple[Text, Text]:
    """Status and IP count; "…" while loading, a mark when it could not be read at all."""
    settings, ips = snapshot[settings_key(name)], snapshot[ips_key(name)]
    if settings.loaded:
        status = words.smpp_status(settings.value.status)
    elif settings.error is not None:
        status = Text("⚠ not known", style="yellow")
    else:
        status = words.smpp_status(None)
    if ips.loaded:
        count = Text(ips.value.quota, justify="right")
    else:
        count = Text("⚠" if ips.error is not None else "…", justify="right")
    return status, count


def _credits(account: Account, level: float) -> Text:
    if account.runs_low(level):
        return Text(f"⚠ {account.credits_left:,.2f}", style="bold yellow", justify="right")
    return words.credits(account.credits_left)


def _cells(account: Account, snapshot: Snapshot, view: View) -> tuple[Text, ...]:
    if account.smpp:
        smpp_status, ip_count = _smpp_cells(snapshot, account.name)
    else:
        smpp_status, ip_count = Text("—", style="dim"), Text("")
    return (
        words.plain(account.name),
        words.plain(account.description, limit=view.width),
        Text("SMPP", style="bold") if account.smpp else Text("sms", style="dim"),
        Text(account.status, style="" if account.status == "enable" else "red"),
        smpp_status,
        _credits(account, view.low_credits),
        ip_count,
    )
