"""Every user action, declared once (`Command`), by screen.

The bindings of each screen and widget, the footer, `?` and the command palette all derive from
these declarations, so they cannot disagree; users remap keys by binding id in `[keys]`. Where
an action applies now (this tab, this state, not in read-only mode) is decided once, by the
screen's `check_action`, and read back from Textual's active bindings by everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.binding import ActiveBinding
from textual.screen import Screen

from smpp_tui.tui.commands.account import ACCOUNT_SCREEN, SHOW_SENDER, SHOW_SMS
from smpp_tui.tui.commands.accounts import ACCOUNTS_SCREEN, OPEN
from smpp_tui.tui.commands.app import APP, TABLE
from smpp_tui.tui.commands.command import Command, bindings
from smpp_tui.tui.commands.mail import MAIL, MAIL_SCREEN, OPEN_MAIL
from smpp_tui.tui.commands.modals import MODALS
from smpp_tui.tui.commands.profiles import CONNECT_SCREEN, PROFILES_SCREEN, USE
from smpp_tui.tui.commands.welcome import WELCOME_SCREEN

__all__ = ["BY_ID", "Command", "active", "bindings", "key_of"]

EVERY = (
    *APP,
    *TABLE,
    OPEN,
    *ACCOUNTS_SCREEN,
    *ACCOUNT_SCREEN,
    SHOW_SENDER,
    SHOW_SMS,
    USE,
    *PROFILES_SCREEN,
    *CONNECT_SCREEN,
    *MODALS,
    *WELCOME_SCREEN,
    MAIL,
    OPEN_MAIL,
    *MAIL_SCREEN,
)
BY_ID = {command.id: command for command in EVERY}


def active(screen: Screen[Any]) -> Iterator[tuple[Command, ActiveBinding]]:
    """The declared commands the keys offer on `screen` now (as `check_action` decides, with
    the user's keymap), once each, and where each one runs."""
    seen = set()
    for found in screen.active_bindings.values():
        command = BY_ID.get(found.binding.id or "")
        if command is not None and found.enabled and command.id not in seen:
            seen.add(command.id)
            yield command, found


def key_of(screen: Screen[Any], command: Command) -> str:
    """The key that runs `command` on `screen`, as the footer shows it (remapped by `[keys]`),
    for the texts that name it."""
    for found in screen.active_bindings.values():
        if found.binding.id == command.id:
            return screen.app.get_key_display(found.binding)
    return screen.app.get_key_display(command.binding)
