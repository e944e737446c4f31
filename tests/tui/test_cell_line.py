"""`cell_line` draws a one-line cell exactly as Rich does through Textual's DataTable pipeline."""

from __future__ import annotations

import itertools

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.renderables.styled import Styled

from smpp_tui.tui.widgets.cell_line import cell_line

CONSOLE = Console(width=120, color_system="truecolor", force_terminal=True, legacy_windows=False)


def texts() -> list[Text]:
    spans = Text.assemble(("✓", "green"), " working", (" now", "bold"))
    made = [
        Text(""),
        Text("smpp-dc12345-1"),
        Text("sms", style="dim"),
        spans,
        Text("日本語の名前", style="italic"),  # two cells a character
        Text("trailing   ", style="underline"),
        Text("  leading", style="on red"),
        Text("👍 ok"),
    ]
    varied = []
    for text, justify, overflow in itertools.product(
        made,
        (None, "default", "left", "center", "right", "full"),
        (None, "fold", "crop", "ellipsis"),
    ):
        copy = text.copy()
        copy.justify, copy.overflow = justify, overflow
        varied.append(copy)
    return varied


def rich_line(text: Text, width: int, padding: int, style: Style, post: Style) -> list:
    options = CONSOLE.options.update_dimensions(width, 1).update(no_wrap=True)
    styled = Styled(Padding(text, (0, padding)), pre_style=style, post_style=post)
    return CONSOLE.render_lines(styled, options)[0]


@pytest.mark.parametrize("padding", [0, 1, 2])
def test_a_one_line_cell_is_drawn_as_rich_draws_it(padding):
    style = Style(color="white", bgcolor="blue") + Style.from_meta({"row": 3, "column": 1})
    posts = [Style.null(), Style.from_color(bgcolor=Style.parse("on yellow").bgcolor)]
    for text, width, post in itertools.product(texts(), range(2 * padding + 1, 18), posts):
        assert cell_line(CONSOLE, text, width, padding, style, post) == rich_line(
            text, width, padding, style, post
        ), (text, text.justify, text.overflow, width)


def test_what_it_does_not_draw_is_left_to_rich():
    style, post = Style(), Style.null()
    assert cell_line(CONSOLE, Text("two\nlines"), 10, 1, style, post) is None
    assert cell_line(CONSOLE, Text("a\ttab"), 10, 1, style, post) is None
    assert cell_line(CONSOLE, Text("no room"), 2, 1, style, post) is None
    assert cell_line(CONSOLE, Text("kept whole", overflow="ignore"), 6, 1, style, post) is None
