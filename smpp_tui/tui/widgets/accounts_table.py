"""The accounts table: rows keyed by account name, updated cell by cell.

Only cells whose text changed are touched, rows come and go by key, and the cursor stays on the
same account whatever moves around it: every repaint costs bandwidth over SSH.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from smpp_tui.tui.widgets.account_rows import COLUMNS, AccountRow


class AccountsTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="accounts.down"),
        Binding("k", "cursor_up", "Up", show=False, id="accounts.up"),
        Binding("g", "scroll_top", "Top", show=False, id="accounts.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="accounts.bottom"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._shown: dict[str, tuple[Text, ...]] = {}

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    @property
    def current_account(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return key.value

    def show_rows(self, rows: list[AccountRow]) -> None:
        """Make the table show `rows`, in this order, touching only what changed."""
        keep = self.current_account
        wanted = {row.name: row for row in rows}
        for name in [name for name in self._shown if name not in wanted]:
            self.remove_row(name)
            del self._shown[name]
        for row in rows:
            self._show_row(row)
        order = {row.name: index for index, row in enumerate(rows)}
        if [key.value for key in self._row_order()] != [row.name for row in rows]:
            self.sort("name", key=lambda name: order[name.plain])
        if keep in wanted:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def _show_row(self, row: AccountRow) -> None:
        old = self._shown.get(row.name)
        if old is None:
            self.add_row(*row.cells, key=row.name)
        else:
            for (column, _), before, after in zip(COLUMNS, old, row.cells, strict=True):
                if before != after:
                    self.update_cell(row.name, column, after, update_width=True)
        self._shown[row.name] = row.cells

    def _row_order(self) -> list[RowKey]:
        return [row.key for row in self.ordered_rows]

    def visible_accounts(self) -> list[str]:
        """The accounts on screen now: only their details are polled."""
        first = int(self.scroll_y)
        height = max(1, self.size.height - self.header_height)
        return [key.value for key in self._row_order()[first : first + height]]
