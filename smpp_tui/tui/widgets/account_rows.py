"""The rows of the accounts table, computed from a snapshot: a pure function, no widgets.

A row whose SMPP details could not be read at their last refresh shows `⚠` in place of its
status's own symbol (a symbol, not a colour), what it knows staying as read before; `row_problem`
says why, for the status line when the row is selected.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from smpp_tui.api.models import Account
from smpp_tui.config.model import DEFAULT_LOW_CREDITS
from smpp_tui.store.resources import ACCOUNTS, ips_key, settings_key
from smpp_tui.store.snapshot import ResourceKey, Snapshot
from smpp_tui.store.store import same_error
from smpp_tui.tui import words
from smpp_tui.tui.widgets.keyed_table import Column, Row

COLUMNS = (
    Column("name", "Account"),
    Column("description", "Description"),
    Column("smpp", "SMPP", 4),
    Column("status", "Status", 10),  # the longest: "- disabled"
    Column("smpp_status", "SMPP status", 11),  # as wide as its title, "○ no IP yet", "⚠ not known"
    Column("credits", "Credits"),
    Column("ips", "IPs", 5),  # 10/10
)


MARK = "⚠"  # what could not be read, or what could not be refreshed

# The details a row shows beside the account itself, in the status line's words.
DETAILS = (("SMPP status", settings_key), ("allowed IPs", ips_key))


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


class AccountRows:
    """The accounts table's rows, each built again only when what it shows changed: an answer
    about one account costs one row, and filtering or sorting reuses the rows built."""

    def __init__(self) -> None:
        self._built: dict[str, tuple[tuple[object, ...], Row]] = {}

    def rows(self, snapshot: Snapshot, view: View) -> list[Row]:
        """Every row `view` shows, in its order."""
        accounts: tuple[Account, ...] = snapshot.value(ACCOUNTS, ())
        return [self.row(account, snapshot, view) for account in shown_accounts(accounts, view)]

    def row(self, account: Account, snapshot: Snapshot, view: View) -> Row:
        name = account.name
        # What the cells show of each detail (not when it was fetched: a poll that brings the
        # same value back moves that only).
        details = [snapshot[key(name)] for _, key in DETAILS]
        shown = [(entry.value, entry.error, entry.loaded) for entry in details]
        inputs = (account, *shown, view.width, view.low_credits)
        built = self._built.get(name)
        if built is not None and built[0] == inputs:  # the same objects, mostly: `is` first
            return built[1]
        row = Row(name, _cells(account, snapshot, view))
        self._built[name] = (inputs, row)
        return row


def accounts_changed(keys: frozenset[ResourceKey]) -> set[str] | None:
    """The accounts whose rows a change of `keys` redraws; None when the list itself changed
    (any row may come, go or move)."""
    if ACCOUNTS in keys:
        return None
    return {key[-1] for key in keys for _, detail in DETAILS if key == detail(key[-1])}


def running_low(snapshot: Snapshot, level: float) -> list[str]:
    """The accounts whose credits run out (under their recharge threshold, or `level`)."""
    accounts: tuple[Account, ...] = snapshot.value(ACCOUNTS, ())
    return [account.name for account in accounts if account.runs_low(level)]


def row_problem(snapshot: Snapshot, name: str, known: Exception | None = None) -> Text | None:
    """Why the row of `name` is marked: each detail that could not be read, and OVHcloud's
    reason (a missing right names the call); None when nothing failed. A reason the caller
    already says (`known`: the list's own failure, in an outage) is not repeated."""
    failed: dict[str, list[str]] = {}
    for what, key in DETAILS:
        error = snapshot[key(name)].error
        if error is not None and not same_error(error, known):
            failed.setdefault(str(error), []).append(what)
    if not failed:
        return None
    reasons = [f"{' and '.join(whats)} could not be read: {why}" for why, whats in failed.items()]
    said = words.plain(f"{name}: {'; '.join(reasons)}")
    return Text(f"{MARK} ", style="bold yellow").append_text(said)


def _failed(snapshot: Snapshot, name: str) -> bool:
    return any(snapshot[key(name)].error is not None for _, key in DETAILS)


def _smpp_cells(snapshot: Snapshot, name: str) -> tuple[Text, Text]:
    """Status and IP count; "…" while loading, a mark when a detail could not be read."""
    settings, ips = snapshot[settings_key(name)], snapshot[ips_key(name)]
    if settings.loaded:
        status = words.smpp_status(settings.value.status)
        if _failed(snapshot, name):  # the words stay: they are what was last read
            status = Text.assemble((MARK, "bold yellow"), (status.plain[1:], status.style))
    elif settings.error is not None:
        status = Text(f"{MARK} not known", style="yellow")
    else:
        status = words.smpp_status(None)
    if ips.loaded:
        count = Text(ips.value.quota, justify="right")
    else:
        count = Text(MARK if ips.error is not None else "…", justify="right")
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
        words.account_status(account.status),
        smpp_status,
        _credits(account, view.low_credits),
        ip_count,
    )
