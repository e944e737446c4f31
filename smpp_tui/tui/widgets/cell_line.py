"""One line of a table cell, drawn the way Rich draws it, without Rich's general pipeline.

Textual's DataTable draws each cell through Rich: a Padding around the text, each pass
splitting and cropping lines, for any renderable of any height. For the one-line `Text` cells
of this app's tables that costs ~130 µs a cell, 37 ms for a screen of 36 rows, every time a
filter lays the table out again. `cell_line` gives the same segments (tests/tui/test_cell_line.py
holds it to Rich's on a matrix of texts, widths, justifications and overflows) in a fraction of
that, or None for what it does not draw (several lines, tabs, no room): Rich's way then.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, OverflowMethod
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text


def cell_line(
    console: Console, text: Text, width: int, padding: int, style: Style, post_style: Style
) -> list[Segment] | None:
    """The segments of `text` in a cell `width` cells wide (`padding` on each side included),
    under `style` and over `post_style`: what Rich's `Styled(Padding(text, (0, padding)))`
    renders on one line that does not wrap."""
    room = width - 2 * padding
    overflow: OverflowMethod = text.overflow or "fold"
    if room <= 0 or overflow == "ignore" or "\n" in text.plain or "\t" in text.plain:
        return None
    line = _laid_out(text, room, overflow)
    inner = Segment.adjust_line_length(list(_spanned(line).render(console)), room)
    if padding:
        pad = Segment(" " * padding)
        inner = [pad, *inner, pad]
    return list(Segment.apply_style(inner, style, post_style))


def _spanned(line: Text) -> Text:
    """`line` with its own style turned into a span under its others, as Rich renders it: it
    joins a text's lines into one, where each line's style becomes a span."""
    if not line.style:
        return line
    return Text(line.plain, spans=[Span(0, len(line), line.style), *line.spans], end="")


def _laid_out(text: Text, room: int, overflow: OverflowMethod) -> Text:
    """`text` justified and cut to `room` cells: Rich's `Text.wrap` for a line it does not wrap."""
    justify = text.justify or "default"
    line = text.copy()
    if justify == "left":
        line.truncate(room, overflow=overflow, pad=True)
    elif justify in ("center", "right"):
        line.rstrip()
        line.truncate(room, overflow=overflow)
        free = room - cell_len(line.plain)
        line.pad_left(free // 2 if justify == "center" else free)
        line.pad_right(room - cell_len(line.plain))
    line.truncate(room, overflow=overflow)
    return line
