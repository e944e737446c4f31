"""The rows of the accounts table, computed from a snapshot: a pure function, no widgets."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.api.models import Account
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


def account_rows(
    snapshot: Snapshot, query: str = "", smpp_only: bool = False, width: int = 32
) -> list[Row]:
    """SMPP accounts first, then by name; filtered on name and description (any case)."""
    accounts: tuple[Account, ...] = snapshot.value(ACCOUNTS, ())
    needle = query.casefold().strip()
    shown = [
        account
        for account in accounts
        if (not smpp_only or account.smpp)
        and (not needle or needle in f"{account.name}\n{account.description}".casefold())
    ]
    shown.sort(key=lambda account: (not account.smpp, account.name))
    return [Row(account.name, _cells(account, snapshot, width)) for account in shown]


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


def _cells(account: Account, snapshot: Snapshot, width: int) -> tuple[Text, ...]:
    if account.smpp:
        smpp_status, ip_count = _smpp_cells(snapshot, account.name)
    else:
        smpp_status, ip_count = Text("—", style="dim"), Text("")
    return (
        words.plain(account.name),
        words.plain(account.description, limit=width),
        Text("SMPP", style="bold") if account.smpp else Text("sms", style="dim"),
        Text(account.status, style="" if account.status == "enable" else "red"),
        smpp_status,
        words.credits(account.credits_left),
        ip_count,
    )
