"""A screen that shows resources of the store: it declares what it shows (the poller polls
exactly that) and redraws from each new snapshot."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.css.query import NoMatches
from textual.screen import Screen

from smpp_tui.store import Change, Snapshot, Watch

if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


class SmppScreen(Screen[None]):
    """A screen of this app, with the app typed."""

    @property
    def smpp_app(self) -> SmppApp:
        return self.app  # type: ignore[return-value]


class StoreScreen(SmppScreen):
    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions, for the command palette."""
        return ()

    def watches(self) -> list[Watch]:
        """What this screen shows now."""
        return []

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Redraw from the store's snapshot."""

    def store_changed(self, change: Change) -> None:
        # Changes made on two threads may arrive in either order: draw the newest snapshot.
        # A screen being torn down (the app quits) has no widgets left to update.
        with contextlib.suppress(NoMatches):
            self.show_snapshot(self.smpp_app.store.snapshot)

    def declare_watches(self) -> None:
        # Only the screen in front polls; one popped or covered by another stays quiet.
        if self.smpp_app.front_store_screen() is self:
            self.smpp_app.poller.show(self.watches())

    def on_screen_resume(self) -> None:
        self.show_snapshot(self.smpp_app.store.snapshot)
        self.declare_watches()
