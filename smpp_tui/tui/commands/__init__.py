"""Every user action, declared once (`Command`), by screen.

The bindings of each screen and widget, the footer, `?` and the command palette all derive from
these declarations, so they cannot disagree; users remap keys by binding id in `[keys]`. Where
an action applies now (this tab, this state, not in read-only mode) is decided once, by the
screen's `check_action`, and read back from Textual's active bindings by everything else.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import ActiveBinding
from textual.screen import Screen

from smpp_tui.tui.commands.account import ACCOUNT
from smpp_tui.tui.commands.accounts import ACCOUNTS, OPEN
from smpp_tui.tui.commands.app import APP, TABLE
from smpp_tui.tui.commands.command import Command, bindings
from smpp_tui.tui.commands.modals import MODALS
from smpp_tui.tui.commands.profiles import CONNECT, PROFILES, USE

__all__ = ["BY_ID", "Command", "active", "bindings"]

BY_ID = {
    command.id: command
    for command in (*APP, *TABLE, OPEN, *ACCOUNTS, *ACCOUNT, USE, *PROFILES, *CONNECT, *MODALS)
}


def active(screen: Screen[object]) -> Iterator[tuple[Command, ActiveBinding]]:
    """The declared commands the keys offer on `screen` now (as `check_action` decides, with
    the user's keymap), once each, and where each one runs."""
    seen = set()
    for found in screen.active_bindings.values():
        command = BY_ID.get(found.binding.id or "")
        if command is not None and command.id not in seen:
            seen.add(command.id)
            yield command, found
