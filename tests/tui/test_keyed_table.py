"""The keyed table measures and draws its rows itself: Textual's way, through Rich for every
cell, made a filter keystroke at 1,009 accounts cost 40 ms more to measure and 33 ms to draw.
See `KeyedTable._update_dimensions` and `KeyedTable._render_cell`."""

from __future__ import annotations

import pytest
from rich.padding import Padding
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, _data_table

from smpp_tui.tui.widgets import keyed_table
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row

COLUMNS = (Column("name", "Name"), Column("note", "Note"), Column("fixed", "Fixed", 5))


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield KeyedTable(COLUMNS)


def row(key: str, name: str, note: str) -> Row:
    return Row(key, (Text(name), Text(note), Text("x")))


def widths(table: KeyedTable) -> dict[str, int]:
    return {str(key.value): column.content_width for key, column in table.columns.items()}


@pytest.fixture
def measured_by_rich(monkeypatch) -> list[object]:
    """What Textual asked Rich to measure (it would measure each new cell)."""
    asked: list[object] = []
    real = _data_table.measure

    def measure(console, renderable, default, **options):
        asked.append(renderable)
        return real(console, renderable, default, **options)

    monkeypatch.setattr(_data_table, "measure", measure)
    return asked


async def test_columns_are_as_wide_as_their_widest_cell_measured_without_rich(measured_by_rich):
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(KeyedTable)
        table.show_rows(
            [
                row("a", "short", "two\nlines, the longest"),
                row("b", "日本語の名前", ""),  # 6 characters, 12 cells
            ]
        )
        await pilot.pause()
        assert widths(table) == {"name": 12, "note": 18, "fixed": 5}
        labels = {column.label for column in COLUMNS}  # measured once, as the columns come
        assert [str(r) for r in measured_by_rich if str(r) not in labels] == []
        table.show_rows([row("c", "a much longer name", "")])  # laid out again: wider
        await pilot.pause()
        assert widths(table)["name"] == 18


async def test_the_rows_shown_are_measured_before_the_next_frame():
    """Textual measures new rows when the table is next idle, which may come after a frame
    drawn at the titles' widths (the start's first rows cut to "smpp-dc")."""
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(KeyedTable)
        table.show_rows([row("a", "a name of 18 cells", "")])
        assert widths(table)["name"] == 18  # no frame, no idle moment since
        await pilot.pause()


# Drawing: the keyed table draws its cells itself (`KeyedTable._render_cell`), each once.

VARIED = (Column("name", "Name"), Column("note", "Note", 8), Column("count", "Count", 6))


def varied_rows() -> list[Row]:
    working = Text.assemble(("✓", "green"), " working")
    return [
        Row("a", (Text("smpp-dc12345-1"), working, Text("1/10", justify="right"))),
        Row("b", (Text("日本語の名前", style="bold"), Text("cut, it is long"), Text(""))),
        Row("c", (Text("[/] not markup"), Text("…", style="dim"), Text("10/10", justify="right"))),
        Row("d", (Text("two\nlines"), Text("  lead", style="on red"), Text("7", justify="center"))),
        Row(
            "e",
            (Text("ellipsis", overflow="ellipsis"), Text("x" * 20, overflow="ellipsis"), Text()),
        ),
    ]


class RowsApp(App[None]):
    TITLE = "tables"

    def __init__(self, columns: tuple[Column, ...], rows: list[Row]) -> None:
        super().__init__()
        self.columns, self.rows = columns, rows


class PlainTableApp(RowsApp):
    """Rows in Textual's own DataTable, drawn Textual's way."""

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in self.columns:
            table.add_column(column.label, key=column.key, width=column.width)
        for shown in self.rows:
            table.add_row(*shown.cells, key=shown.key)


class KeyedTableApp(RowsApp):
    """The same rows in the keyed table."""

    def compose(self) -> ComposeResult:
        yield KeyedTable(self.columns)

    def on_mount(self) -> None:
        self.query_one(KeyedTable).show_rows(self.rows)


async def screen_of(app: RowsApp, down: int, *themes: str) -> str:
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press(*["down"] * down)
        for theme in themes:  # as the theme picker does, one after the other
            app.theme = theme
            await pilot.pause()
        await pilot.pause()
        return app.export_screenshot()


@pytest.mark.parametrize(
    ("down", "themes"),
    [(0, ()), (2, ()), (2, ("ansi-dark", "ansi-light")), (1, ("ansi-light", "ansi-dark"))],
)
async def test_the_rows_look_as_textuals_own_table_draws_them(down, themes):
    """Themes too: ansi-dark and ansi-light differ in the cursor's colours only."""
    keyed = await screen_of(KeyedTableApp(VARIED, varied_rows()), down, *themes)
    assert keyed == await screen_of(PlainTableApp(VARIED, varied_rows()), down, *themes)


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """The cells the keyed table draws (their text), and none through Rich's pipeline but the
    titles and what is not one line (Textual wraps each in a Padding)."""
    texts: list[str] = []
    real = keyed_table.cell_line

    def cell_line(console, text, *args):
        texts.append(text.plain)
        return real(console, text, *args)

    def padding(renderable, *args, **kwargs):
        texts.append(f"rich: {renderable}")
        return Padding(renderable, *args, **kwargs)

    monkeypatch.setattr(keyed_table, "cell_line", cell_line)
    monkeypatch.setattr(_data_table, "Padding", padding)
    return texts


async def test_a_cell_is_drawn_once_until_its_row_changes(drawn):
    app = TableApp()
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(KeyedTable)
        table.show_rows([row(str(n), f"name {n}", "note") for n in range(4)])
        await pilot.pause()
        titles = {f"rich: {column.label}" for column in COLUMNS}
        cells = {f"name {n}" for n in range(4)} | {"note", "x"}
        assert set(drawn) == titles | cells
        drawn.clear()
        table.update_rows([row("2", "name 2", "nope")])  # as wide: the column stays
        await pilot.pause()
        # The titles again (Textual's), the cell that changed; not the others, nor other rows.
        assert set(drawn) - titles == {"nope"}


async def test_a_cell_of_fixed_width_redraws_its_row_only():
    """Not the whole table: over SSH every line drawn again is sent again."""
    rows = [row(str(n), f"name {n}", "note") for n in range(4)]
    changed = Row("2", (Text("name 2"), Text("note"), Text("y")))
    app = KeyedTableApp(COLUMNS, rows)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press("down", "down")  # the cursor on the row that changes
        table = app.query_one(KeyedTable)
        asked: list[tuple[object, ...]] = []
        real = table.refresh
        table.refresh = lambda *regions, **options: (
            asked.append(regions),
            real(*regions, **options),
        )[1]
        table.update_rows([changed])
        await pilot.pause()
        assert asked
        assert all(len(regions) == 1 for regions in asked), "a region, not the whole table"
        assert {region.height for (region,) in asked} == {1}  # the row's line
        shown = app.export_screenshot()
    assert shown == await screen_of(PlainTableApp(COLUMNS, [*rows[:2], changed, rows[3]]), 2)


@pytest.mark.parametrize(
    "changed",
    [Text("note", style="red"), Text("note", justify="right")],
    ids=["style", "justify"],
)
async def test_a_cell_whose_look_alone_changes_is_drawn_again(changed):
    """Rich's texts compare equal whatever their own style or justification: a count turning
    red stayed grey."""
    rows = [row(str(n), f"name {n}", "note") for n in range(3)]
    new = Row("1", (Text("name 1"), changed, Text("x")))
    app = KeyedTableApp((COLUMNS[0], Column("note", "Note", 8), COLUMNS[2]), rows)
    async with app.run_test(size=(40, 8)) as pilot:
        app.query_one(KeyedTable).update_rows([new])
        await pilot.pause()
        shown = app.export_screenshot()
    plain = PlainTableApp(
        (COLUMNS[0], Column("note", "Note", 8), COLUMNS[2]), [rows[0], new, rows[2]]
    )
    assert shown == await screen_of(plain, 0)


async def test_rows_given_again_are_not_compared_cell_by_cell(monkeypatch):
    """A redraw of the list gives back the rows it built before: 1,009 of them, 7 cells each,
    compared at each change of the list cost 5 to 9 ms."""
    rows = [row(str(n), f"name {n}", "note") for n in range(50)]
    app = KeyedTableApp(COLUMNS, rows)
    async with app.run_test(size=(40, 8)) as pilot:
        compared: list[Text] = []
        equal = Text.__eq__
        monkeypatch.setattr(
            Text, "__eq__", lambda one, other: compared.append(one) or equal(one, other)
        )
        table = app.query_one(KeyedTable)
        table.show_rows(rows)
        assert compared == []
        table.show_rows([*rows[:49], row("49", "name 49", "changed")])
        assert len(compared) == 3, "the one row built again, cell by cell"
        await pilot.pause()


async def test_titles_are_words_not_markup():
    """Textual reads a title given as a str as markup (and loads Rich's emoji table for it)."""
    app = KeyedTableApp((Column("a", "[b]one[/b] :smile:"),), [])
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.pause()
        title = app.query_one(KeyedTable).ordered_columns[0].label
        assert (title.plain, title.spans) == ("[b]one[/b] :smile:", [])
