"""Dialogs longer than a small terminal, moved in with the keys (`j`, `k`, pages, ends)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class ScrollingDialog(ModalScreen[None]):
    """A dialog whose content is one `VerticalScroll`."""

    def action_scroll_dialog(self, way: str) -> None:
        """`way`: down, up, page_down, page_up, home or end."""
        body = self.query_one(VerticalScroll)
        moves = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }
        moves[way](animate=False)
