"""One line under the content: where the data comes from and how fresh it is.

It is recomputed often but redrawn only when its words change ("updated 14:03:27" when data is
fetched, "data from 2 min ago" once a minute while it is stale): a screen where nothing is
fetched sends nothing to the terminal.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rich.text import Text
from textual.widgets import Static

from smpp_tui.tui import words

REFRESHING = "refreshing…"


def updated(now: datetime, age: float) -> str:
    """When data `age` seconds old was fetched, in the user's time zone: `updated 14:03:27`,
    with the day when it was not today."""
    fetched = (now - timedelta(seconds=age)).astimezone()
    if fetched.date() == now.astimezone().date():
        return f"updated {fetched:%H:%M:%S}"
    return f"updated {words.when(fetched, seconds=True)}"


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
