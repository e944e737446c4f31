"""What the app's screens share: the app typed, where each declared command applies, and (for
the screens showing the store's data) what they show and how fresh it is."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.worker import Worker

from smpp_tui.api.errors import ApiError
from smpp_tui.store import Change, ResourceKey, Snapshot, Watch
from smpp_tui.store.actions import ActionInProgress
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command
from smpp_tui.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


# What a store action may fail with: said to the user, in the words the error carries.
ACTION_FAILURES = (ApiError, ActionInProgress)


class SaysWorkerFailures:
    """A worker's messages do not bubble: a screen hands those of its workers to the app,
    which says a failed one (a bug) and lives on. (A plain mixin: as a Screen it would change
    the styles modal screens inherit.)"""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Textual types `app` as App[object]; these screens only ever run in an SmppApp.
        cast("Screen[Any]", self).app.on_worker_state_changed(event)  # type: ignore[attr-defined]


class SmppScreen(SaysWorkerFailures, Screen[None]):
    # The commands this screen declares (its BINDINGS are derived from them).
    DECLARED: ClassVar[tuple[Command, ...]] = ()

    @property
    def smpp_app(self) -> SmppApp:
        # Textual types `app` as App[object]; these screens only ever run in an SmppApp.
        return self.app  # type: ignore[return-value]

    @property
    def tab(self) -> str | None:
        """The tab in front, on screens that have tabs."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Where a declared command applies: its tab, never a write in read-only mode, and
        what the screen says of it now (`offers`). Keys, footer, `?` and palette all follow."""
        command = next((c for c in self.DECLARED if c.name == action), None)
        if command is None:
            return True
        if command.writes and self.smpp_app.read_only:
            return False
        if command.tab is not None and command.tab != self.tab:
            return False
        return self.offers(command)

    def offers(self, command: Command) -> bool | None:
        """Whether `command` applies now: True, False (hidden), None (shown disabled)."""
        return True


class StoreScreen(SmppScreen):
    """A screen that shows resources of the store: it declares what it shows (the poller
    polls exactly that) and redraws from each new snapshot."""

    def watches(self) -> list[Watch]:
        """What this screen shows now."""
        return []

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Redraw from the store's snapshot."""

    def refreshed(self) -> None:
        """`r` was pressed: what the screen shows beside the store's data is read again."""

    def status(self) -> tuple[ResourceKey, Text] | None:
        """Which resource's freshness the status line tells, and what it says of it (None:
        the screen has no status line)."""
        return None

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

    def refresh_status(self) -> None:
        """Say how fresh the data is; while it is stale, again when its age changes words
        ("data from 2 min ago"), and only then: an idle screen sends nothing to the terminal."""
        status = self.status()
        aging = None
        if status is not None:
            key, detail = status
            with contextlib.suppress(NoMatches):  # a screen being torn down
                self.query_one(StatusLine).say(self.smpp_app.status_words(key, detail))
            entry = self.smpp_app.store.snapshot[key]
            if entry.stale and entry.fetched_at is not None:
                aging = words.age_changes_in(self.smpp_app.session.clock() - entry.fetched_at)
        self.smpp_app.status_ages_in(aging)
