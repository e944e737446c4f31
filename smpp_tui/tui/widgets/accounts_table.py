"""The accounts table: keyed by account name, and aware of which rows are on screen (only
their details are polled)."""

from __future__ import annotations

from typing import Any

from smpp_tui.tui import commands
from smpp_tui.tui.commands.accounts import OPEN
from smpp_tui.tui.widgets.account_rows import COLUMNS
from smpp_tui.tui.widgets.keyed_table import KeyedTable


class AccountsTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = commands.bindings(OPEN)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(COLUMNS, **kwargs)

    @property
    def current_account(self) -> str | None:
        return self.current_key

    def visible_accounts(self) -> list[str]:
        first = int(self.scroll_y)
        height = max(1, self.size.height - self.header_height)
        return [row.key.value for row in self.ordered_rows[first : first + height] if row.key.value]
