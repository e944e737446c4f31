"""What the app's screens share: the app typed, where each declared command applies, and (for
the screens showing the store's data) what they show and how fresh it is."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker

from smpp_tui.api.errors import ApiError
from smpp_tui.store import Change, ResourceKey, Snapshot, Watch
from smpp_tui.store.actions import ActionInProgress
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command
from smpp_tui.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


ANSWER_LOOK_EVERY = 0.1  # seconds between two looks for the answer to `r`

# What a store action may fail with: said to the user, in the words the error carries.
ACTION_FAILURES = (ApiError, ActionInProgress)


class SaysWorkerFailures:
    """A worker's messages do not bubble: a screen hands those of its workers to the app,
    which says a failed one (a bug) and lives on. (A plain mixin: as a Screen it would change
    the styles modal screens inherit.)"""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Textual types `app` as App[object]; these screens only ever run in an SmppApp.
        cast("Screen[Any]", self).app.on_worker_state_changed(event)  # type: ignore[attr-defined]


class OpensAtTop:
    """A screen of fields that opens scrolled to its top, its title and intro in view, focus in
    its first field (`FIRST_FIELD`). Textual's auto focus centres the focused widget, which on a
    small terminal scrolls what is above it out of view. (A plain mixin, as above.)"""

    AUTO_FOCUS: ClassVar[str | None] = ""
    FIRST_FIELD = "Input"

    def on_mount(self) -> None:
        screen = cast("Screen[Any]", self)
        first = next((w for w in screen.query(self.FIRST_FIELD) if w.focusable), None)
        if first is not None:
            first.focus(scroll_visible=False)


class SmppScreen(SaysWorkerFailures, Screen[None]):
    # The commands this screen declares (its BINDINGS are derived from them).
    DECLARED: ClassVar[tuple[Command, ...]] = ()
    # The app's actions that would do nothing here: the app's `check_action` hides them.
    APP_ACTIONS_OFF: ClassVar[tuple[str, ...]] = ()

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

    def footer_label(self, command: Command) -> str:
        """What the footer calls `command` now (a toggle says what pressing it does)."""
        return command.label


class StoreScreen(SmppScreen):
    """A screen that shows resources of the store: it declares what it shows (the poller
    polls exactly that) and redraws from each new snapshot."""

    # What `r` asked for again, and the version it had then (None: not waiting for it).
    _asked: tuple[ResourceKey, int] | None = None
    _answer_looks: Timer | None = None

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
        """Say how fresh the data is, and read it again when its words may change: when up to
        date, at the moment it stops being so; else when its age does ("data from 2 min
        ago"). The line is redrawn only when its words change."""
        status = self.status()
        aging = None
        if status is not None:
            key, detail = status
            said = self.smpp_app.status_words(key, detail, self._refreshing(key))
            with contextlib.suppress(NoMatches):  # a screen being torn down
                self.query_one(StatusLine).say(said)
            entry, fresh_for = self.smpp_app.store.snapshot[key], self.smpp_app.fresh_for(key)
            if entry.loaded and not entry.stale and fresh_for > 0:
                aging = fresh_for
            elif entry.fetched_at is not None:
                aging = words.age_changes_in(self.smpp_app.session.clock() - entry.fetched_at)
        self.smpp_app.status_ages_in(aging)

    def refresh_asked(self) -> None:
        """`r` is about to refresh what is shown: the status line says so until the answer.
        An answer that brings the same data back tells no one (see `Store`), so the screen
        looks for it, only while it waits."""
        status = self.status()
        if status is None or status[0] not in self.smpp_app.poller.watched():
            return  # nothing the status line tells of is refreshed
        key = status[0]
        self._asked = (key, self.smpp_app.store.snapshot[key].version)
        self.refresh_status()
        if self._answer_looks is None:
            self._answer_looks = self.set_interval(ANSWER_LOOK_EVERY, self._look_for_answer)

    def _refreshing(self, key: ResourceKey) -> bool:
        """Whether `r` asked for `key` again and no answer has come (a value or a failure)."""
        if self._asked is None or self._asked[0] != key:
            return False
        return self.smpp_app.store.snapshot[key].version == self._asked[1]

    def _look_for_answer(self) -> None:
        if self._asked is not None and self._refreshing(self._asked[0]):
            return
        self._asked = None
        if self._answer_looks is not None:
            self._answer_looks.stop()
            self._answer_looks = None
        self.refresh_status()
