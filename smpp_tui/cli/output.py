"""What the commands print: JSON for scripts (stable keys, ISO dates), or a table for people;
nothing else on stdout. Messages go to stderr."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


def print_json(value: object) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_iso)
    sys.stdout.write("\n")


def _iso(value: object) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def print_table(titles: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Columns padded to their widest cell; OVHcloud's text cleaned (it never drives the
    terminal)."""
    from smpp_tui.api.text import clean  # here: `smpp-tui --help` loads no API client

    cells = [[clean(str(cell)) for cell in row] for row in rows]
    widths = [max([len(title), *(len(row[n]) for row in cells)]) for n, title in enumerate(titles)]
    for row in [list(titles), *cells]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def say(message: str) -> None:
    """A message for the person running the command: on stderr, cleaned."""
    from smpp_tui.api.text import clean

    print(f"smpp-tui: {clean(message)}", file=sys.stderr)
