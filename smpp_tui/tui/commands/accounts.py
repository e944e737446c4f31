"""The accounts screen."""

from smpp_tui.tui.commands.command import Command, Toggle

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
    # Heard before the table: the keys after it (one burst over SSH) then reach the field,
    # not the table, where `t` would open a transfer.
    priority=True,
)
SMPP_ONLY = Toggle(
    "accounts.smpp_only",
    "s",
    "smpp_only",
    "SMPP only",
    label_on="All accounts",
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
BY_CREDITS = Command(
    "accounts.by_credits",
    "o",
    "by_credits",
    "By credits",
    title="Order by credits",
    help="The accounts with the fewest credits first, or back to SMPP accounts first",
    footer=False,  # the footer fits 80 columns
)
TRANSFER_FROM = Command(
    "accounts.transfer",
    "t",
    "transfer",
    "Transfer",
    title="Transfer credits",
    help="Move credits from the account under the cursor to another",
    writes=True,
)
ACCOUNTS_SCREEN = (FILTER, SMPP_ONLY, BY_CREDITS, TRANSFER_FROM, CLEAR_FILTER)
