"""The Textual app: wires the session's gateway to the store and the poller, and the store to
the screens.

Polls run on the gateway's daemon threads (awaited by async workers), so quitting never waits
for a request in flight; the store is told from those threads and the app hears of it through
`post_message`, which is thread-safe. A failure in a worker or a timer never ends the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import rich
from rich.segment import Segments
from rich.text import Text
from rich.traceback import Traceback
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from smpp_tui.config import Config
from smpp_tui.session import Live, Session, threads
from smpp_tui.store import Change, Health, Poller, Store
from smpp_tui.store.actions import Actions
from smpp_tui.store.resources import Resources
from smpp_tui.store.snapshot import ResourceKey
from smpp_tui.tui import words
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.base import StoreScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.help import HelpScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from smpp_tui.tui.settings import apply_settings

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
        Binding("p", "profiles", "Profiles", id="app.profiles"),
        Binding("escape", "back", "Back", id="app.back"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.command_palette"),
    ]

    def __init__(
        self,
        session: Session | None,
        *,
        config: Config | None = None,
        config_path: Path | None = None,
    ) -> None:
        """On a session, or (None) on the connect flow that makes one."""
        super().__init__()
        self.config = config or (session.config if session else Config())
        self.config_path = config_path or (session.config_path if session else None)
        self._first_session = session
        self.live: Live | None = None

    # the session

    @property
    def live_session(self) -> Live:
        assert self.live is not None, "no session yet"
        return self.live

    @property
    def session(self) -> Session:
        return self.live_session.session

    @property
    def store(self) -> Store:
        return self.live_session.store

    @property
    def poller(self) -> Poller:
        return self.live_session.poller

    @property
    def resources(self) -> Resources:
        return self.live_session.resources

    @property
    def actions(self) -> Actions:
        return self.live_session.actions

    def start_session(self, session: Session) -> None:
        """Show `session`'s accounts, from a fresh store (a switch of profile starts afresh)."""
        if self.live is not None:
            self.live.close()
        self.live = Live(session, threads.launch, self._heard)
        self.sub_title = session.label
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(AccountsScreen())

    def _heard(self, change: Change) -> None:
        self.post_message(StoreChanged(change))  # thread-safe: the store is told from workers

    def on_mount(self) -> None:
        apply_settings(self)
        if self._first_session is not None:
            self.start_session(self._first_session)
        else:
            self.push_screen(ConnectScreen())
        self.set_interval(self._tick_interval, self._tick)

    @property
    def _tick_interval(self) -> float:
        return self._first_session.tick if self._first_session else 0.5

    def _fatal_error(self) -> None:
        """A crash's traceback without the frames' locals, which Textual shows by default: they
        may hold API keys (the `ovh` client's request headers, a profile being saved)."""
        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        rendered = self.console.render(traceback, self.console.options)
        self._exit_renderables.append(Segments(rendered))
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.close()

    # polling

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # A bug in a worker is reported, never fatal: the app and its data stay up.
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"Something went wrong: {error!r}", severity="error", markup=False)

    async def call(self, function: Callable[..., T], *args: object) -> T:
        """Run a blocking call (an action) on a daemon thread and await its result."""
        return await threads.call(function, *args)

    def _tick(self) -> None:
        if self.live is not None:
            self.live.poller.tick()

    def on_store_changed(self, message: StoreChanged) -> None:
        change = message.change
        if change.health_changed:
            self._notify_health(change)
        front = self.front_store_screen()
        if front is not None:  # the others redraw when they come to the front again
            front.store_changed(change)

    def front_store_screen(self) -> StoreScreen | None:
        """The screen whose resources are polled: the top one showing the store's data."""
        if self.live is None:
            return None
        return next((s for s in reversed(self.screen_stack) if isinstance(s, StoreScreen)), None)

    def _notify_health(self, change: Change) -> None:
        template, severity = HEALTH_NOTICES[change.snapshot.health]
        self.notify(template.format(error=change.error), severity=severity, markup=False)

    def status_words(self, key: ResourceKey, detail: Text) -> Text:
        """The status line: what is shown, and how fresh, or why it is not."""
        entry = self.store.snapshot[key]
        line = Text(f"{self.session.label} · ")
        if entry.error is not None and not entry.loaded:
            return line.append(str(entry.error), style="bold red")
        line.append_text(detail)
        if entry.stale:  # the age first: on a narrow terminal the error is what is cut
            age = words.age(self.session.clock() - (entry.fetched_at or 0))
            line.append(f" · ⚠ data from {age}: {entry.error}", style="yellow")
        return line

    # actions

    def action_refresh(self) -> None:
        if self.live is not None:
            self.live.poller.refresh()

    def action_profiles(self) -> None:
        if not isinstance(self.screen, ProfilesScreen | ConnectScreen):
            self.push_screen(ProfilesScreen())

    def action_back(self) -> None:
        if len(self.screen_stack) > 2:  # the default screen, then the accounts
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.screen_stack) > 2  # no "Back" in the footer with nowhere to go
        if action == "profiles":  # not shown where it would do nothing
            return self.live is not None and not isinstance(
                self.screen, ProfilesScreen | ConnectScreen
            )
        if action == "refresh":
            return self.live is not None
        return True

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Refresh", "Fetch everything shown now", self.action_refresh)
        yield SystemCommand("Keys", "Show the keys of this screen", self.action_help)
        yield SystemCommand("Profiles", "Switch, add or remove API profiles", self.action_profiles)
        if isinstance(screen, AccountsScreen):
            yield SystemCommand(
                "Filter accounts", "Filter by name or description", screen.action_filter
            )
            yield SystemCommand(
                "SMPP accounts only",
                "Show only SMPP accounts, or all again",
                screen.action_smpp_only,
            )
