"""The Textual app: runs one session at a time (the wiring's `Live`) and shows its store.

The session's polls and actions run on daemon threads, so quitting never waits for a request in
flight, but for a write: OVHcloud's answer is awaited `QUIT_WAIT` seconds at most, so the audit
log says how it went (else "sent, outcome unknown"). The store is told from those threads and
the app hears of it through `post_message`, which is thread-safe. A failure in a worker, a
background job or a timer never ends the app.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import platformdirs
from rich.text import Text
from textual.command import CommandPalette
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from smpp_tui.api.errors import Unreachable
from smpp_tui.config import Config
from smpp_tui.session import Live, Session, threads
from smpp_tui.session.alarm import Alarm
from smpp_tui.store import Change, Health, Poller, Store
from smpp_tui.store.actions import Actions
from smpp_tui.store.resources import Resources
from smpp_tui.store.snapshot import ResourceKey
from smpp_tui.tui import words
from smpp_tui.tui.commands import bindings, key_of
from smpp_tui.tui.commands.app import APP, QUIT
from smpp_tui.tui.commands.mail import MAIL
from smpp_tui.tui.crash import TracebackWithoutLocals
from smpp_tui.tui.screens.base import SmppScreen, StoreScreen
from smpp_tui.tui.screens.help import HelpScreen
from smpp_tui.tui.settings import apply_settings
from smpp_tui.tui.widgets.status_line import REFRESHING, UP_TO_DATE

if TYPE_CHECKING:
    from textual.command import Provider

FRESH_PAST_INTERVAL = 60.0  # seconds data polled on time stays "up to date" past its interval

P = ParamSpec("P")
T = TypeVar("T")

QUIT_WAIT = 5.0  # seconds quitting waits for OVHcloud to answer the writes under way


class StoreChanged(Message):
    def __init__(self, change: Change, session: Session) -> None:
        super().__init__()
        self.change = change
        self.session = session  # whose store: a change of a session left since is not news


class StatusAged(Message):
    """The data shown is stale, and its age now reads otherwise ("data from 2 min ago")."""


class BackgroundFailed(Message):
    """A background job or the poller's alarm hit a bug: said, never fatal."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


def health_notice(change: Change) -> tuple[str, SeverityLevel]:
    """What a change of the link to OVHcloud tells the user: what happened, in the failure's
    own words, and what the screens show meanwhile ("the last data" only if there is some)."""
    health, error = change.snapshot.health, change.error
    if health is Health.OK:
        return "Connected to OVHcloud again.", "information"
    if health is Health.REFUSED:
        return f"OVHcloud refused the credentials: {error}.", "error"
    shown = any(entry.loaded for entry in change.snapshot.values())
    if isinstance(error, Unreachable):  # contact is lost only if there was some
        happened = f"{'Lost contact with' if shown else 'Never reached'} OVHcloud ({error})."
    else:  # too slow, asks to slow down, failed on its side: its own words say it
        happened = f"{error}."
    then = "Showing the last data; retrying by itself." if shown else "Retrying by itself."
    return f"{happened} {then}", "warning"


def screen_commands() -> type[Provider]:
    """The command palette's provider, loaded when the palette first opens."""
    from smpp_tui.tui.palette import ScreenCommands

    return ScreenCommands


class SmppApp(TracebackWithoutLocals, inherit_bindings=False):  # only the keys declared here
    TITLE = "smpp-tui"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings(*APP, MAIL)
    COMMANDS = {screen_commands}  # instead of Textual's own: exactly what the keys offer

    def __init__(
        self,
        opened: Live | Session | None,
        *,
        config: Config | None = None,
        config_path: Path | None = None,
        read_only: bool = False,
    ) -> None:
        """On a session (its `Live` already loading, or made as the app starts), or (None) on
        the welcome screen, whose ways in make one (`read_only`: the command line's
        `--read-only`, for the session they make)."""
        super().__init__()
        session = opened.session if isinstance(opened, Live) else opened
        self.config = config or (session.config if session else Config())
        self.config_path = config_path or (session.config_path if session else None)
        self._first_session = opened
        self._read_only_asked = read_only
        self.live: Live | None = None
        self._aging: Alarm | None = None
        self._quitting = False  # waiting for a write's answer: the quit key again quits now

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

    @property
    def read_only(self) -> bool:
        """Writes are refused in this session (what the footer and the palette leave out)."""
        return self.live is not None and self.live.session.read_only

    @property
    def forced_read_only(self) -> bool:
        """`--read-only` was given: every session of this run is read-only."""
        return self.live.session.forced_read_only if self.live else self._read_only_asked

    def status_ages_in(self, delay: float | None) -> None:
        """Redraw the status line in `delay` seconds of the session's clock (None: no need)."""
        if self._aging is not None:
            self._aging.set(delay)

    def start_session(self, opened: Live | Session) -> None:
        """Show the session's accounts, from a fresh store (a switch of profile starts afresh):
        its `Live`, or one made now from the session opened."""
        self._open_session(opened)
        self._show_session()

    def _open_session(self, opened: Live | Session) -> None:
        self._close_session()
        self.live = opened if isinstance(opened, Live) else Live(opened)
        session = self.live.session
        self.live.listen(lambda change: self._heard(change, session), self._failed)
        self.live.actions.writes.on_audit_failure = self._audit_unwritable
        self._aging = session.alarm(self._aged, self._failed)

    def _show_session(self) -> None:
        # Loaded here: a run that opens on the welcome screen needs it once a session starts.
        from smpp_tui.tui.screens.accounts import AccountsScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(AccountsScreen())
        if self.session.demo:  # once the accounts screen is there: it says which key is Mail
            self.call_after_refresh(self._say_demo, self.session)

    def _say_demo(self, session: Session) -> None:
        mail = key_of(self.screen, MAIL)
        where = f" Its audit log: {session.audit_path}." if session.audit_path else ""
        self.notify(
            f"Demo: a built-in OVHcloud simulator, nothing leaves this machine. {mail} shows the"
            f" mail it sends.{where}",
            timeout=15,
            markup=False,
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header: the session, and a badge for the modes that change what keys do (in
        words, so that it reads without colour). Each screen's header reads it as it mounts:
        a session starts on screens of its own (an app's sub-title changed meanwhile would
        also redraw the headers of the screens going away, which Textual does not survive)."""
        badges = [word for word, on in (("DEMO", self._demo), ("READ-ONLY", self.read_only)) if on]
        label = self.live.session.label if self.live is not None else sub_title
        shown = super().format_title(title, label)
        for badge in badges:
            shown = Content.assemble(shown, " ", (f" {badge} ", "reverse bold"))
        return shown

    @property
    def _demo(self) -> bool:
        return self.live is not None and self.live.session.demo

    def _heard(self, change: Change, session: Session) -> None:
        # Thread-safe: the store is told from threads.
        self.post_message(StoreChanged(change, session))

    def _failed(self, error: Exception) -> None:
        self.post_message(BackgroundFailed(error))

    def _aged(self) -> None:
        self.post_message(StatusAged())

    def _audit_unwritable(self, error: OSError) -> None:
        # From the write's thread: `notify` only posts a message, which is thread-safe.
        self.notify(
            f"Writes are not being recorded: {error}. They still go to OVHcloud (said once).",
            severity="error",
            timeout=20,
            markup=False,
        )

    def on_mount(self) -> None:
        apply_settings(self)
        if self._first_session is not None:
            self._open_session(self._first_session)
        else:
            from smpp_tui.tui.screens.welcome import WelcomeScreen  # only without a session

            self.push_screen(WelcomeScreen())

    def on_ready(self) -> None:
        # Shown once Textual draws: a screen pushed while the app mounts is laid out and drawn
        # once before anything can be shown, then all over again.
        if self._first_session is not None:
            self._show_session()

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.actions.writes.give_up()  # still unanswered: "sent, outcome unknown"
        self._close_session()

    def session_built(self) -> None:
        """The session's accounts are on screen: what was built for them (widgets, rows,
        caches) lives as long as the session, kept out of the collector's full scans (which at
        1,009 accounts paused a filter keystroke up to 55 ms); thawed as the session closes.
        What the session could start later starts now."""
        gc.freeze()
        if self.live is not None:
            self.live.session.accounts_shown()

    def _close_session(self) -> None:
        gc.unfreeze()
        if self.live is not None:
            self.live.close()
        if self._aging is not None:
            self._aging.close()

    async def call(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking call (an action) on a daemon thread and await its result."""
        return await threads.call(function, *args, **kwargs)

    # what the store says

    def on_store_changed(self, message: StoreChanged) -> None:
        if self.live is None or message.session is not self.live.session:
            return
        change = message.change
        if change.health_changed:
            self._notify_health(change)
        front = self.front_store_screen()
        if front is not None:  # the others redraw when they come to the front again
            front.store_changed(change)

    def on_status_aged(self, message: StatusAged) -> None:
        front = self.front_store_screen()
        if front is not None:
            front.refresh_status()

    def front_store_screen(self) -> StoreScreen | None:
        """The screen whose resources are polled: the top one showing the store's data."""
        if self.live is None:
            return None
        return next((s for s in reversed(self.screen_stack) if isinstance(s, StoreScreen)), None)

    def _notify_health(self, change: Change) -> None:
        said, severity = health_notice(change)
        self.notify(said, severity=severity, markup=False)

    def status_words(self, key: ResourceKey, detail: Text, refreshing: bool = False) -> Text:
        """The status line: what is shown, and how fresh (up to date, or that `r` is fetching
        it again, or how old it is since it could not be refreshed), or why it is not."""
        entry = self.store.snapshot[key]
        line = Text(f"{self.session.label} · ")
        if entry.error is not None and not entry.loaded:
            return line.append(str(entry.error), style="bold red")
        line.append_text(detail)
        age = self.session.clock() - (entry.fetched_at or 0)
        if refreshing:
            line.append(f" · {REFRESHING}")
        elif entry.stale:  # the age first: on a narrow terminal the error is what is cut
            line.append(f" · ⚠ data from {words.age(age)}: {entry.error}", style="yellow")
        elif entry.loaded and self.fresh_for(key) > 0:
            line.append(f" · {UP_TO_DATE}")
        elif entry.loaded:
            line.append(f" · data from {words.age(age)}")
        return line

    def fresh_for(self, key: ResourceKey) -> float:
        """Seconds `key`'s data stays up to date (0 or less: it is not): while OVHcloud
        answers, until a minute past its interval since it was fetched. A poll that brings
        the same data back moves that; an outage or a resource polled less often (a detail,
        when the budget is short) ends it."""
        entry, snapshot = self.store.snapshot[key], self.store.snapshot
        if snapshot.health is not Health.OK or entry.fetched_at is None:
            return 0.0
        interval = self.poller.interval(key) or 0.0
        return entry.fetched_at + interval + FRESH_PAST_INTERVAL - self.session.clock()

    # failures that are bugs: said, never fatal

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self._say_bug(event.worker.error)

    def on_background_failed(self, message: BackgroundFailed) -> None:
        self._say_bug(message.error)

    def _say_bug(self, error: BaseException) -> None:
        self.notify(f"Something went wrong: {error!r}", severity="error", markup=False)

    # actions

    async def action_quit(self) -> None:  # async: it overrides Textual's App.action_quit
        """Quit; first wait for the writes OVHcloud has not answered yet, `QUIT_WAIT` seconds at
        most (said on screen; the quit key again quits at once)."""
        waiting = self.live.actions.writes.waiting() if self.live and not self._quitting else []
        if not waiting:
            self.exit()
            return
        self._quitting = True
        self.notify(
            f"Waiting for OVHcloud to answer {' and '.join(waiting)}…"
            f" ({key_of(self.screen, QUIT)} again quits now)",
            timeout=QUIT_WAIT,
            markup=False,
        )
        self.run_worker(self._quit_when_answered(), exit_on_error=False)

    async def _quit_when_answered(self) -> None:
        await self.call(self.actions.writes.settle, QUIT_WAIT)
        self.exit()

    def action_refresh(self) -> None:
        front = self.front_store_screen()
        if front is not None:
            front.refresh_asked()  # before asking: a quick answer is not taken for an old one
        self.poller.refresh()
        if front is not None:
            front.refreshed()

    def action_profiles(self) -> None:
        from smpp_tui.tui.screens.profiles import ProfilesScreen  # loaded when first shown

        self.push_screen(ProfilesScreen())

    async def action_back(self) -> None:  # async: it overrides Textual's App.action_back
        self.pop_screen()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def action_mail(self) -> None:
        from smpp_tui.tui.screens.mail import MailScreen  # loaded when first shown

        self.push_screen(MailScreen())

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save the screen as SVG where the user finds it (over SSH `~/Downloads` rarely
        exists): the documents folder, made if needed, else the working directory."""
        folder = Path(path) if path else platformdirs.user_documents_path() / "smpp-tui"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.cwd()
        try:
            saved = self.save_screenshot(filename, str(folder))
        except OSError as error:
            self.notify(f"No screenshot: {error}", severity="error", markup=False)
            return
        self.notify(f"Screenshot saved to {saved}", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Where each of the app's actions applies: not shown where it would do nothing."""
        screen = self._asking()
        if action == "back":
            return self.screen_stack.index(screen) > 1  # the default screen, then the accounts
        if isinstance(screen, SmppScreen) and action in screen.APP_ACTIONS_OFF:
            return False
        if action in ("profiles", "refresh"):
            return self.live is not None
        if action == "mail":
            return self.live is not None and self.live.session.mailbox is not None
        return True

    def _asking(self) -> Screen[object]:
        """The screen whose keys are asked about: the one below the palette or `?`, which
        show its keys, else the one in front."""
        return next(
            screen
            for screen in reversed(self.screen_stack)
            if not isinstance(screen, CommandPalette | HelpScreen)
        )
