"""The accounts table: keyed by account name, and aware of which rows are on screen (only
their details are polled)."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.strip import Strip

from smpp_tui.tui import commands
from smpp_tui.tui.commands.accounts import OPEN
from smpp_tui.tui.widgets.account_rows import COLUMNS
from smpp_tui.tui.widgets.keyed_table import KeyedTable


class AccountsTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = commands.bindings(OPEN)

    class RowsShown(Message):
        """The first frame with rows is drawn: their details may be fetched now (asked
        earlier, their answers would take the first frame's time)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(COLUMNS, **kwargs)
        self._rows_shown = False

    def render_line(self, y: int) -> Strip:
        # Textual draws a table's lines here (pinned exactly: tests/tui/test_first_rows.py
        # fails if it stops, and no detail would then be fetched).
        if not self._rows_shown and self.row_count:
            self._rows_shown = True
            # Handled once this frame is written: the screen draws it in one go.
            self.post_message(self.RowsShown())
        return super().render_line(y)

    @property
    def current_account(self) -> str | None:
        return self.current_key

    def visible_accounts(self) -> list[str]:
        """The accounts on screen: none until a frame has shown rows."""
        if not self._rows_shown:
            return []
        first = int(self.scroll_y)
        height = max(1, self.size.height - self.header_height)
        return [row.key.value for row in self.ordered_rows[first : first + height] if row.key.value]
