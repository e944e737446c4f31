"""The Textual app: wires the session's gateway to the store and the poller, and the store to
the screens.

Polls run on the gateway's daemon threads (awaited by async workers), so quitting never waits
for a request in flight; the store is told from those threads and the app hears of it through
`post_message`, which is thread-safe. A failure in a worker or a timer never ends the app.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from smpp_tui.api.fanout import in_background
from smpp_tui.session import Session
from smpp_tui.store import Change, Health, Poller, RequestBudget, Store
from smpp_tui.store.actions import Actions
from smpp_tui.store.resources import Resources
from smpp_tui.store.snapshot import ResourceKey
from smpp_tui.tui import words
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.base import StoreScreen
from smpp_tui.tui.screens.help import HelpScreen

T = TypeVar("T")


class StoreChanged(Message):
    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


HEALTH_NOTICES = {
    Health.UNREACHABLE: (
        "Lost contact with OVHcloud ({error}). Showing the last data; retrying by itself.",
        "warning",
    ),
    Health.REFUSED: ("OVHcloud refused the credentials: {error}.", "error"),
    Health.OK: ("Connected to OVHcloud again.", "information"),
}


class SmppApp(App[None]):
    TITLE = "smpp-tui"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("r", "refresh", "Refresh", id="app.refresh"),
        Binding("escape", "back", "Back", id="app.back"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.command_palette"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.sub_title = session.label
        self.store = Store()
        self.budget = RequestBudget(session.requests_per_minute, session.clock)
        session.gateway.connection.on_request = self.budget.record
        self.poller = Poller(
            self.store,
            self._launch,
            clock=session.clock,
            budget=self.budget,
            backoff=session.backoff,
        )
        self.resources = Resources(session.gateway, session.intervals)
        self.actions = Actions(session.gateway, self.store, self.poller, session.clock)
        self._unsubscribe = self.store.subscribe(
            lambda change: self.post_message(StoreChanged(change))
        )

    def _heard(self, change: Change) -> None:
        self.post_message(StoreChanged(change))  # thread-safe: the store is told from workers

    def on_mount(self) -> None:
        self._loop_thread = threading.get_ident()
        self.push_screen(AccountsScreen())
        self.set_interval(self.session.tick, self._tick)

    def on_unmount(self) -> None:
        self._unsubscribe()
        self.session.close()

    # polling

    def _launch(self, job: Callable[[], None]) -> None:
        # The poller may start refreshes from an action's thread: workers start on the loop.
        if threading.get_ident() == self._loop_thread:
            self.run_worker(self._in_daemon(job), group="poll", exit_on_error=False)
        else:
            self.call_from_thread(self._launch, job)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # A bug in a worker is reported, never fatal: the app and its data stay up.
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"Something went wrong: {error!r}", severity="error", markup=False)

    async def _in_daemon(self, job: Callable[[], None]) -> None:
        await asyncio.wrap_future(in_background(job, name="smpp-tui-poll"))

    async def call(self, function: Callable[..., T], *args: object) -> T:
        """Run a blocking call (an action) on a daemon thread and await its result."""
        return await asyncio.wrap_future(in_background(function, *args, name="smpp-tui-action"))

    def _tick(self) -> None:
        self.poller.tick()

    def on_store_changed(self, message: StoreChanged) -> None:
        change = message.change
        if change.health_changed:
            self._notify_health(change)
        for screen in self.screen_stack:
            if isinstance(screen, StoreScreen) and screen.is_mounted:
                screen.store_changed(change)

    def _notify_health(self, change: Change) -> None:
        health = change.snapshot.health
        error = next((e.error for e in change.snapshot.entries.values() if e.error), None)
        template, severity = HEALTH_NOTICES[health]
        self.notify(template.format(error=error), severity=severity, markup=False)

    def status_words(self, key: ResourceKey, detail: Text) -> Text:
        """The status line: what is shown, and how fresh, or why it is not."""
        entry = self.store.snapshot[key]
        line = Text(f"{self.session.label} · ")
        if entry.error is not None and not entry.loaded:
            return line.append(str(entry.error), style="bold red")
        line.append_text(detail)
        if entry.stale:
            age = words.age(self.session.clock() - (entry.fetched_at or 0))
            line.append(f" · ⚠ {entry.error} · data from {age}", style="yellow")
        return line

    # actions

    def action_refresh(self) -> None:
        self.poller.refresh()

    def action_back(self) -> None:
        if len(self.screen_stack) > 2:  # the default screen, then the accounts
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.screen_stack) > 2  # no "Back" in the footer with nowhere to go
        return True

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Refresh", "Fetch everything shown now", self.action_refresh)
        yield SystemCommand("Keys", "Show the keys of this screen", self.action_help)
        if isinstance(screen, AccountsScreen):
            yield SystemCommand(
                "Filter accounts", "Filter by name or description", screen.action_filter
            )
            yield SystemCommand(
                "SMPP accounts only",
                "Show only SMPP accounts, or all again",
                screen.action_smpp_only,
            )
