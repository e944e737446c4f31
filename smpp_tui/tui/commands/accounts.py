"""The accounts screen."""

from smpp_tui.tui.commands.command import Command

OPEN = Command(
    "accounts.open",
    "enter",
    "select_cursor",
    "Open",
    title="Open account",
    help="Open the account under the cursor",
)
FILTER = Command(
    "accounts.filter",
    "slash",
    "filter",
    "Filter",
    title="Filter accounts",
    help="Show only the accounts whose name or description holds some text",
)
SMPP_ONLY = Command(
    "accounts.smpp_only",
    "s",
    "smpp_only",
    "SMPP only",
    title="SMPP accounts only",
    help="Show only the SMPP accounts, or all again",
)
CLEAR_FILTER = Command(
    "accounts.clear_filter",
    "escape",
    "clear_filter",
    "Clear filter",
    help="Show every account again",
    footer=False,
)
ACCOUNTS_SCREEN = (FILTER, SMPP_ONLY, CLEAR_FILTER)
