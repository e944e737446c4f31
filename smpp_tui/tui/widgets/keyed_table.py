"""A table whose rows are keyed (an account, a field, an IP) and updated cell by cell.

Only cells whose text changed are touched and drawn again, rows come and go by key, and the
cursor stays on the same row whatever moves around it: every repaint costs bandwidth over SSH,
and every cell drawn costs time on the keystroke that brought it into view.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from smpp_tui.tui import commands
from smpp_tui.tui.commands.app import TABLE
from smpp_tui.tui.widgets.cell_line import cell_line

CellLines = list[list[Segment]]


class Column(NamedTuple):
    key: str
    label: str
    # Fixed, for values of a known size: the column never moves as they arrive (and Textual
    # then never has to re-measure it, which it sometimes gets wrong while rows change).
    width: int | None = None


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Text, ...]


def same_text(one: Text, other: Text) -> bool:
    """Drawn alike: a row built again brings its unchanged texts in new objects. (Rich's
    `Text.__eq__` compares the words and their spans only, not how the whole is drawn.)"""
    if one is other:
        return True
    looks = (one.style, one.justify, one.overflow, one.no_wrap)
    return one == other and looks == (other.style, other.justify, other.overflow, other.no_wrap)


class KeyedTable(DataTable[Text]):
    BINDINGS = commands.bindings(*TABLE)

    def __init__(self, columns: Sequence[Column], **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._columns = tuple(columns)
        self._shown: dict[str, tuple[Text, ...]] = {}
        # The cells drawn, each with the text it was drawn from. Textual forgets every cell
        # it drew whenever one cell changes: an answer about one row drew the whole screen.
        self._drawn: LRUCache[tuple[object, ...], tuple[Text, CellLines]] = LRUCache(10_000)

    def on_mount(self) -> None:
        for column in self._columns:
            # A Text: a title is words, not markup (Textual reads a str as markup, and its
            # first markup loads Rich's emoji table, 1.5 ms of the start).
            self.add_column(Text(column.label), key=column.key, width=column.width)

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def row_keys(self) -> list[str]:
        # Textual's row keys may be keyless (value None); every row here is added with one.
        return cast("list[str]", [row.key.value for row in self.ordered_rows])

    def show_rows(self, rows: Sequence[Row]) -> None:
        """Make the table show `rows`, in this order, touching only what changed."""
        keep = self.current_key
        wanted = {row.key for row in rows}
        kept = [key for key in self.row_keys() if key in wanted]
        moved = [row.key for row in rows[: len(kept)]] != kept  # or one came in the middle
        if moved or len(self._shown) - len(kept) > len(rows):
            # Laid out again, rather than rows moved or removed one by one, each of which
            # costs the rows after it (1,009 rows filtered to 222: 370 ms, laid out: 10 ms).
            self._lay_out(rows)
        else:
            for key in [key for key in self._shown if key not in wanted]:
                self.remove_row(key)
                del self._shown[key]
            for row in rows:  # the rows kept, touched where they changed; new ones at the end
                self._show_row(row)
        self._measure_new_rows()
        if keep in wanted:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def _lay_out(self, rows: Sequence[Row]) -> None:
        self.clear()
        self._shown.clear()
        for row in rows:
            self._show_row(row)

    def update_rows(self, rows: Sequence[Row]) -> None:
        """Redraw the changed cells of `rows` where they are shown; none moves, comes or goes
        (what an answer about a few rows costs: those rows, not the table)."""
        for row in rows:
            if row.key in self._shown:
                self._show_row(row)

    def append_rows(self, rows: Sequence[Row]) -> None:
        """Add rows after the last: what is shown already is not looked at (a long history)."""
        for row in rows:
            if row.key not in self._shown:
                self.add_row(*row.cells, key=row.key)
                self._shown[row.key] = row.cells

    def remove_key(self, key: str) -> None:
        if self._shown.pop(key, None) is not None:
            self.remove_row(key)

    def clear_rows(self) -> None:
        self.clear()
        self._shown.clear()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """PRIVATE: replaces how Textual measures the rows added, which it does through Rich
        for every cell (a console's options, the text's words: 40 ms for the 1,554 cells of a
        filter keystroke at 1,009 accounts). Every cell here is a Text of known lines: its
        width is its longest line's. The rest (the table's size) is still Textual's. Textual is
        pinned exactly; tests/tui/test_keyed_table.py fails if this stops being called."""
        columns = self.ordered_columns
        for key in new_rows:
            cells = self._shown.get(cast("str", key.value))
            for column, cell in zip(columns, cells or (), strict=False):
                width = max(map(cell_len, cell.plain.split("\n")))
                column.content_width = max(column.content_width, width)
        super()._update_dimensions(())

    def _measure_new_rows(self) -> None:
        """PRIVATE, the part of Textual's idle handler that measures the rows added: done now.
        Textual waits for the table's next idle moment, which may come after a frame drawn at
        the titles' widths (the first rows on screen cut to "smpp-dc", then drawn again).
        Textual is pinned exactly; tests/tui/test_keyed_table.py fails if this stops working."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows, self._new_rows = self._new_rows, set()
            self._update_dimensions(new_rows)

    def _set_cell(self, key: str, column: Column, text: Text) -> None:
        """PRIVATE, as `update_cell` does it: a cell's new text. In a column of fixed width
        only its row is drawn again; Textual's `update_cell` redraws every row on screen (an
        answer about one row sent 36 lines to the terminal, one this way). Elsewhere the
        column may widen, which moves every row: Textual's way."""
        if column.width is None:
            self.update_cell(key, column.key, text, update_width=True)
            return
        self._data[RowKey(key)][ColumnKey(column.key)] = text
        self._update_count += 1  # Textual keys the rows' lines it keeps by it
        # Every row is one line high: its place is its index (Textual's `refresh_row` adds the
        # heights of the rows above it, for each cell).
        y = self.get_row_index(key) + (self.header_height if self.show_header else 0)
        line = Region(0, y, max(self.size.width, self.virtual_size.width), 1)
        if self.window_region.overlaps(line):
            self.refresh(line.translate(-self.scroll_offset))

    def watch_loading(self) -> None:
        # Textual leaves a loading widget's keys out of the footer, and says nothing when
        # loading ends: the keys stayed out until another change.
        self.refresh_bindings()

    def notify_style_update(self) -> None:
        """The styles changed (a theme, say): the cells drawn before are drawn again. A theme
        may change the cursor's colours and not the rows' (ansi-dark, ansi-light)."""
        super().notify_style_update()
        self._drawn.clear()

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> CellLines:
        """PRIVATE: replaces how Textual draws the cells of the rows (the titles are still
        its): each once, until its text, place or look changes, and through `cell_line` rather
        than Rich's general pipeline. Textual drew every cell again at any change of one (a
        filter keystroke at 1,009 accounts: 33 ms for 36 rows). Same segments, same styles, the
        row and column in their meta for the mouse. Textual is pinned exactly;
        tests/tui/test_keyed_table.py fails if a screen differs from a plain DataTable's or if
        this stops being called."""
        cell = self._body_cell(row_index, column_index)
        if cell is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        look = (self._show_hover_cursor, self._pseudo_class_state, self.show_cursor)
        key = (row_index, column_index, base_style, width, cursor, hover, look, self.cell_padding)
        drawn = self._drawn.get(key)
        if drawn is not None and same_text(drawn[0], cell):
            if drawn[0] is not cell:  # the next frames find it by identity
                self._drawn[key] = (cell, drawn[1])
            return drawn[1]
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        place = Style.from_meta({"row": row_index, "column": column_index})
        style = base_style + place + component_style
        line = cell_line(self.app.console, cell, width, self.cell_padding, style, post_style)
        if line is None:  # not one line of text: Rich's way
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self._drawn[key] = (cell, [line])
        return [line]

    def _body_cell(self, row_index: int, column_index: int) -> Text | None:
        """The text of a cell of the rows, one line high (None: a title, or a taller row)."""
        if row_index < self.fixed_rows or column_index < self.fixed_columns:
            return None  # the titles' row and column are at -1
        row = self.ordered_rows[row_index]
        cells = self._shown.get(cast("str", row.key.value))
        if cells is None or row.height != 1 or column_index >= len(cells):
            return None
        return cells[column_index]

    def _show_row(self, row: Row) -> None:
        old = self._shown.get(row.key)
        if old is row.cells:  # a row built once and given again (1,009 of them at each redraw)
            return
        if old is None:
            self.add_row(*row.cells, key=row.key)
        else:
            for column, before, after in zip(self._columns, old, row.cells, strict=True):
                if not same_text(before, after):
                    self._set_cell(row.key, column, after)
        self._shown[row.key] = row.cells
