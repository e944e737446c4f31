"""Running the real app on the simulator: an in-process server on a free port, the real
gateway over HTTP, and a clock the test moves (the poller's intervals and budget follow it).

Also what the TUI tests share to drive the app and read what the user sees: every helper a
test module needs is here, none is imported from another test module.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from rich.console import Console, RenderableType
from textual import events
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from smpp_tui.session import Session
from smpp_tui.simulator import Simulator
from smpp_tui.store import Backoff, ResourceKey
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.form import FormScreen
from smpp_tui.tui.widgets.accounts_table import AccountsTable
from smpp_tui.tui.widgets.ips import IpsPane
from smpp_tui.tui.widgets.overview import OverviewPane
from smpp_tui.tui.widgets.status_line import StatusLine
from tests.conftest import Clock, gateway_on

SIZE = (120, 40)
WORKING = "smpp-dc12345-1"  # SUCCESS: a working SMPP account
WAITING = "smpp-dc12345-2"  # WAITING_IP: no IP allowed yet


@pytest.fixture
def world_clock() -> Clock:
    """OVHcloud's clock: moving it settles IP changes and reviews senders."""
    return Clock(1_795_608_000.0)  # 2026-11-25 12:00 UTC: dates in snapshots never move


@pytest.fixture
def make_app(sim: Simulator, keys, clock: Clock, world_clock, tmp_path) -> Callable[..., SmppApp]:
    """The app on the simulator, on OVHcloud's calendar ("yesterday" is the simulator's),
    exporting into the test's own folder."""

    def make(*, read_only: bool = False, **options) -> SmppApp:
        gateway = gateway_on(sim, keys, read_only=read_only)
        session = Session(gateway, "demo", clock=clock, backoff=Backoff(5, 300), alarm=clock.alarm)
        session.today = world_today(world_clock)
        ui = replace(session.config.ui, export_folder=tmp_path)
        session.config = replace(session.config, ui=ui)
        for name, value in options.items():
            setattr(session, name, value)
        app = SmppApp(session)
        app.animation_level = "none"  # a key press waits for animations to end
        return app

    return make


def world_today(world_clock: Clock) -> Callable[[], datetime]:
    """The calendar of OVHcloud's clock, for `make_app(today=...)`: "the last 30 days" are
    those of the simulator's history, whatever day the tests run."""
    return lambda: datetime.fromtimestamp(world_clock(), UTC)


class Notices:
    """What the app told the user in notifications: pass it as `run_test(message_hook=...)`."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.said.append(message.notification.message)

    @property
    def last(self) -> str:
        return self.said[-1] if self.said else ""

    def saying(self, words: str) -> list[str]:
        return [notice for notice in self.said if words in notice]


@pytest.fixture
def notices() -> Notices:
    return Notices()


async def wait_for(
    pilot, condition: Callable[[], bool], what: str | Callable[[], str], timeout: float = 5
) -> None:
    """Let the app run until `condition()` holds (a worker ended, a row showed up)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")
        await pilot.pause(0.02)


async def let_time_pass(pilot: Pilot, clock: Clock, seconds: float) -> None:
    """Move the app's clock once what is being fetched has answered: a refresh still under way
    when the alarm rings is not started again, and would be due only after `seconds`."""
    app = pilot.app
    assert isinstance(app, SmppApp)
    await wait_for(pilot, lambda: not app.poller.in_flight, "the refreshes under way")
    clock.advance(seconds)


async def fetched(pilot: Pilot, key: ResourceKey, what: str) -> None:
    """Wait until the app has read `key`; a failure to read it fails the test, with its error."""
    app = pilot.app
    assert isinstance(app, SmppApp)

    def ended() -> bool:
        entry = app.store.snapshot[key]
        return key not in app.poller.in_flight and (entry.loaded or entry.error is not None)

    await wait_for(pilot, ended, what)
    entry = app.store.snapshot[key]
    assert entry.loaded, f"{what} could not be read: {entry.error!r}"


async def fill(pilot: Pilot, text: str, field: str | None = None) -> None:
    """Put `text` in a field (the focused one, or `#field`) as a paste does, replacing what is
    there: tests do not type key by key (one test per form checks typing itself)."""
    target = pilot.app.screen.query_one(f"#{field}", Input) if field else pilot.app.focused
    assert isinstance(target, Input), f"no field to fill: {target!r}"
    target.value = ""
    target.post_message(events.Paste(text))
    await pilot.pause()


async def refused(pilot: Pilot, **fields: str) -> str:
    """Fill the open form's `fields`, send with `enter`, and return what it says is wrong
    (the form must refuse: it stays open)."""
    form = pilot.app.screen
    assert isinstance(form, FormScreen), f"no form open: {form!r}"
    for field, text in fields.items():
        await fill(pilot, text, field)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not form.sending and form.problem != "", "the refusal")
    assert pilot.app.screen is form, "the form stays open"
    return form.problem


async def history_read(pilot: Pilot) -> None:
    """Wait until the History tab has shown what it reads now (its heading says how much, and
    no more "reading…"), and check it read without a problem."""
    heading = pilot.app.screen.query_one("#history-heading", Static)

    def said() -> str:
        return rendered(heading)

    def settled() -> bool:
        text = said()
        told = any(words in text for words in (" shown", " scanned", "no SMS"))
        return told and "reading…" not in text

    await wait_for(pilot, settled, said)
    assert "could not be read" not in said(), said()


def rendered(shown: Widget | RenderableType, width: int = 200) -> str:
    """What a widget says (a Static, or every Static in it), or what it shows (text, a table),
    as plain text, lines stripped."""
    if isinstance(shown, Widget) and not isinstance(shown, Static):
        return "\n".join(rendered(static, width) for static in shown.query(Static))
    content = shown.content if isinstance(shown, Static) else shown
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(content)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip()


# The accounts screen.


def table(app: SmppApp) -> AccountsTable:
    return app.screen.query_one(AccountsTable)


def shown_names(app: SmppApp) -> list[str]:
    return table(app).row_keys()


def cell(app: SmppApp, name: str, column: str) -> str:
    return table(app).get_cell(name, column).plain


def status(app: SmppApp) -> str:
    return app.screen.query_one(StatusLine).words


def loaded(app: SmppApp) -> bool:
    """The accounts screen shows the list (it comes once the app has drawn its first frame)."""
    shown = isinstance(app.screen, AccountsScreen) and app.screen.is_mounted
    return shown and app.store.snapshot[ACCOUNTS].loaded and table(app).row_count > 0


async def all_smpp_details(app: SmppApp, pilot: Pilot) -> None:
    def complete() -> bool:  # an empty table (not drawn yet) is not complete
        cells = [cell(app, n, c) for n in shown_names(app) for c in ("ips", "smpp_status")]
        return bool(cells) and not any("…" in text for text in cells)

    def errors() -> str:
        found = {k: e.error for k, e in app.store.snapshot.entries.items() if e.error}
        return f"every SMPP status and IP count (errors: {found})"

    await wait_for(pilot, complete, errors)


# An account's screen.


async def open_account(app: SmppApp, pilot: Pilot, name: str) -> AccountScreen:
    """From the accounts, as a user: down to the account, enter, and its SMPP settings shown
    (a classic SMS account has none)."""
    await wait_for(pilot, lambda: loaded(app), "the accounts")
    while table(app).current_account != name:
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen), "the account")
    (account,) = (a for a in app.store.snapshot.value(ACCOUNTS, ()) if a.name == name)
    if account.smpp:
        await wait_for(pilot, lambda: app.store.snapshot[settings_key(name)].loaded, "settings")
    assert isinstance(app.screen, AccountScreen)
    return app.screen


def field_values(screen: AccountScreen) -> dict[str, str]:
    """What `c` copies, field by field, on the Overview."""
    return {field.key: field.value for field in screen.query_one(OverviewPane).fields}


def heading(screen: AccountScreen) -> str:
    return str(screen.query_one("#ips-heading").content)


def shown_ips(screen: AccountScreen) -> list[str]:
    return screen.query_one(IpsPane).table.row_keys()


# The footer.


def footer_keys(screen) -> list[str]:
    """The footer's keys as shown, left to right: `s SMPP only` (the palette's key last)."""
    return [f"{key.key_display} {key.description}" for key in screen.query("FooterKey")]
