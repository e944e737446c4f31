"""A tab of named values, one a row, with a note under them: the Overview's credentials, the
Credits' balance. The row under the cursor is the one `c` copies or `v` shows alone."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from smpp_tui.tui import words
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str  # what `c` copies
    shown: Text

    @property
    def row(self) -> Row:
        return Row(self.key, (Text(self.label, style="bold"), self.shown))


def field(key: str, label: str, value: str, shown: Text | None = None) -> Field:
    """A field shown as its value (API text as text), unless told otherwise."""
    return Field(key, label, value, shown if shown is not None else words.plain(value))


class FieldsPane(Vertical):
    """The fields, and a note: what they mean, or why none shows."""

    def __init__(self, note_id: str) -> None:
        super().__init__()
        self._note_id = note_id
        self._fields: dict[str, Field] = {}

    def compose(self) -> ComposeResult:
        yield KeyedTable((Column("field", "Field"), Column("value", "Value")), classes="fields")
        yield Static("", id=self._note_id, classes="note")

    @property
    def table(self) -> KeyedTable:
        return self.query_one(KeyedTable)

    def show(self, fields: list[Field], note: Text) -> None:
        self._fields = {field.key: field for field in fields}
        self.table.show_rows([field.row for field in fields])
        self.query_one(f"#{self._note_id}", Static).update(note)

    @property
    def fields(self) -> list[Field]:
        """The fields shown, in order."""
        return list(self._fields.values())

    @property
    def current_field(self) -> Field | None:
        key = self.table.current_key
        return None if key is None else self._fields.get(key)
