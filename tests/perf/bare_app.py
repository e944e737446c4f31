"""The reference the app is measured against: a bare Textual app showing the same rows.

A Header, a DataTable of the rows given (a JSON list of lists of cell texts, read from the file
named by the first argument) and a Footer: what any Textual table app costs to start, draw and
move a cursor in, with nothing of smpp-tui's.

Run by the benchmarks: `python tests/perf/bare_app.py ROWS.json`. With `--with-ovh` it also
imports the official `ovh` client (and `requests`), which smpp-tui cannot start without: the
floor of smpp-tui's own start.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

COLUMNS = ("Account", "Description", "SMPP", "Status", "SMPP status", "Credits", "IPs")


class Table(DataTable[Text]):
    BINDINGS = [("j", "cursor_down"), ("k", "cursor_up"), ("g", "scroll_top")]  # as smpp-tui's


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Table(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(Table)
        table.add_columns(*COLUMNS)
        # Text, not str: a description such as "[/]" is not markup.
        table.add_rows([[Text(cell) for cell in row] for row in self.rows])


if __name__ == "__main__":
    if "--with-ovh" in sys.argv:
        import ovh  # noqa: F401
    BareApp(json.loads(Path(sys.argv[1]).read_text())).run()
