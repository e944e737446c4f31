"""One line under the content: where the data comes from and how fresh it is.

It is recomputed often but redrawn only when its words change: "up to date" while OVHcloud
answers and the data was read within its interval plus a minute, "refreshing…" from `r` to the
answer, else its age ("data from 2 min ago", once a minute). A poll that brings the same data
back changes no word (no clock of the last poll): a screen left alone sends nothing to the
terminal, over SSH not a byte.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

REFRESHING = "refreshing…"
UP_TO_DATE = "up to date"


class StatusLine(Static):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self._words = Text("")

    def say(self, words: Text) -> None:
        if words != self._words:
            self._words = words
            self.update(words)

    @property
    def words(self) -> str:
        return self._words.plain
