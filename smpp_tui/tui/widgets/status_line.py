"""One line under the content: where the data comes from and how fresh it is.

It is recomputed often but redrawn only when its words change ("updated 2 min ago" moves once a
minute), so an idle screen sends nothing to the terminal.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static


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
