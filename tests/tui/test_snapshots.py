"""SVG snapshots of the screens, with fixed data and size (pytest-textual-snapshot)."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import re
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from smpp_tui.config import Config, UiSettings
from smpp_tui.session.mail import Mailbox
from smpp_tui.session.smpp_tests import ConnectionTests
from smpp_tui.simulator import Fault
from smpp_tui.simulator.sms.account import Endpoints
from smpp_tui.simulator.smsc.server import Smsc
from smpp_tui.store.resources import senders_key, service_key, usage_key
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.welcome import CONNECT
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.error import ErrorScreen
from smpp_tui.tui.screens.help import HelpScreen
from smpp_tui.tui.screens.history_filter import HistoryFilterScreen
from smpp_tui.tui.screens.mail import MailScreen
from smpp_tui.tui.screens.renew_again import RenewAgainScreen
from smpp_tui.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import (
    all_smpp_details,
    fetched,
    field_values,
    fill,
    history_read,
    loaded,
    open_account,
    rendered,
    wait_for,
    world_today,
)

# Every picture at both sizes: size0 is 120x40, size1 80x24.
BOTH_SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)])


@pytest.fixture
def make_app(make_app, sim):
    """The app as `smpp-tui --demo` shows it (its badge, its Mail key): the README shows
    these pictures."""
    return functools.partial(make_app, mailbox=Mailbox(sim.world, "ops@example.com"))


async def settled(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: loaded(app), "the accounts")
    await all_smpp_details(app, pilot)
    # The demo's greeting, said once the screen is drawn: a toast fades, a picture would keep it.
    await wait_for(pilot, lambda: bool(app.screen.query("Toast")), "the demo's greeting")
    app.clear_notifications()
    await pilot.pause(0.1)


@BOTH_SIZES
def test_accounts(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=settled)


@BOTH_SIZES
def test_accounts_filtered(snap_compare, make_app, size):
    async def filtered(pilot) -> None:
        await settled(pilot)
        await pilot.press("slash", *"smpp-dc12345-")

    assert snap_compare(make_app(), terminal_size=size, run_before=filtered)


@BOTH_SIZES
def test_keys_help(snap_compare, make_app, size):
    async def helped(pilot) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")

    assert snap_compare(make_app(), terminal_size=size, run_before=helped)


@BOTH_SIZES
def test_profiles(snap_compare, make_app, size):
    async def profiles(pilot) -> None:
        await settled(pilot)
        await pilot.press("p")
        details = lambda: rendered(pilot.app.screen.query_one("#profile-details"))  # noqa: E731
        await wait_for(pilot, lambda: "Key in use" in details(), "the key's rights")

    assert snap_compare(make_app(), terminal_size=size, run_before=profiles)


@BOTH_SIZES
def test_connect_form(snap_compare, tmp_path, size):
    async def connecting(pilot) -> None:
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome")
        await pilot.press(key_of(app.screen, CONNECT))
        await wait_for(pilot, lambda: isinstance(app.screen, ConnectScreen), "the form")
        await still(pilot)

    app = SmppApp(None, config=Config(), config_path=tmp_path / "config.toml")
    assert snap_compare(app, terminal_size=size, run_before=connecting)


async def on_account(pilot, name: str = "smpp-dc12345-1", *keys: str) -> None:
    await settled(pilot)
    await open_account(pilot.app, pilot, name)
    await wait_for(pilot, lambda: "email" in field_values(pilot.app.screen), "the overview")
    await pilot.press(*keys)
    await pilot.pause(0.1)


@BOTH_SIZES
def test_overview(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_account)


@BOTH_SIZES
def test_password_confirmation(snap_compare, make_app, size):
    async def confirming(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "R")

    assert snap_compare(make_app(), terminal_size=size, run_before=confirming)


@BOTH_SIZES
def test_renew_again(snap_compare, make_app, size):
    async def renewing_again(pilot) -> None:
        # A renewal, then `R` again at once: the account's name is asked, typed.
        await on_account(pilot, "smpp-dc12345-1", "R")
        await pilot.press("y")
        said = lambda: pilot.app.screen.query("Toast")  # noqa: E731
        await wait_for(pilot, said, "the renewal said")
        await still(pilot)  # cleared while its screen is in front: a dialog freezes what is behind
        await pilot.press("R")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RenewAgainScreen), "the form")
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=renewing_again)


@BOTH_SIZES
def test_reveal(snap_compare, make_app, size):
    async def revealing(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "j", "v")

    assert snap_compare(make_app(), terminal_size=size, run_before=revealing)


async def on_ips(pilot, name: str, quota: str, *keys: str) -> None:
    await on_account(pilot, name, "2")
    heading = lambda: str(pilot.app.screen.query_one("#ips-heading").content)  # noqa: E731
    await wait_for(pilot, lambda: quota in heading(), "the IPs")
    await pilot.press(*keys)


@BOTH_SIZES
def test_ips(snap_compare, make_app, size):
    async def ips(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-1", "3/10")

    assert snap_compare(make_app(), terminal_size=size, run_before=ips)


@BOTH_SIZES
def test_ips_waiting(snap_compare, make_app, size):
    async def waiting(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-2", "0/10")

    assert snap_compare(make_app(), terminal_size=size, run_before=waiting)


@BOTH_SIZES
def test_add_ips(snap_compare, make_app, size):
    async def adding(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-2", "0/10", "a")
        await filled(pilot, ips="192.0.2.10\n192.0.2.11")

    assert snap_compare(make_app(), terminal_size=size, run_before=adding)


@BOTH_SIZES
def test_add_ips_refused(snap_compare, make_app, size):
    async def refused(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-1", "3/10", "a", *"192.0.2.300", "enter")
        await wait_for(pilot, lambda: pilot.app.screen.problem, "the refusal")

    assert snap_compare(make_app(), terminal_size=size, run_before=refused)


# The Senders and Credits tabs, their forms and the transfer's confirmation, on OVHcloud's
# fixed day ("the last 30 days" never move).


@pytest.fixture
def on_ovhclouds_day(make_app, world_clock):
    return make_app(today=world_today(world_clock))


async def on_tab(pilot, tab: str, *keys: str) -> None:
    """The first account's tab `tab` ("3" or "4") with its data, then `keys`."""
    app, name = pilot.app, "smpp-dc12345-1"
    await on_account(pilot, name, tab)
    shown = [senders_key(name)] if tab == "3" else [usage_key(name), service_key(name)]
    for key in shown:
        await fetched(pilot, key, str(key))
    # Drawn whole before a dialog covers it: under load, Textual may not have redrawn a
    # table's header yet since its columns widened, and a dialog freezes what is behind it.
    for table in app.screen.query(DataTable):
        table.refresh()
    await pilot.pause(0.1)
    await pilot.press(*keys)
    await still(pilot)


async def filled(pilot, **fields: str) -> None:
    for field, text in fields.items():
        await fill(pilot, text, field)
    await still(pilot)


async def still(pilot) -> None:
    """Nothing that moves by itself: the cursor shown without blinking, no notice fading."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause(0.1)


@BOTH_SIZES
def test_senders(snap_compare, on_ovhclouds_day, size):
    async def senders(pilot) -> None:
        # The refused sender under the cursor: its comment whole under the table.
        await on_tab(pilot, "3", "j")

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=senders)


@BOTH_SIZES
def test_credits(snap_compare, on_ovhclouds_day, size):
    async def credits(pilot) -> None:
        await on_tab(pilot, "4")

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=credits)


@BOTH_SIZES
def test_sender_form(snap_compare, on_ovhclouds_day, size):
    async def requesting(pilot) -> None:
        await on_tab(pilot, "3", "a")
        reason = "Monitoring alerts to our own on-call engineers"
        await filled(pilot, sender="ALERTS", description="On-call alerts", reason=reason)

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=requesting)


@BOTH_SIZES
def test_recharge_form(snap_compare, on_ovhclouds_day, size):
    async def recharging(pilot) -> None:
        await on_tab(pilot, "4", "e")
        await filled(pilot, threshold="100", pack="500")

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=recharging)


@BOTH_SIZES
def test_transfer_form(snap_compare, on_ovhclouds_day, size):
    async def transferring(pilot) -> None:
        await on_tab(pilot, "4", "t")
        await filled(pilot, target="smpp-dc12345-2", credits="50")

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=transferring)


@BOTH_SIZES
def test_transfer_confirmation(snap_compare, on_ovhclouds_day, size):
    async def confirming(pilot) -> None:
        await on_tab(pilot, "4", "t")
        await filled(pilot, target="smpp-dc12345-2", credits="50")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen), "the question")
        await still(pilot)

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=confirming)


# The History tab, one SMS and the filter form, on OVHcloud's fixed day: the demo's history
# never moves, and the 7 days are read whole (chart and totals) before the picture.


async def on_history(pilot, *keys: str) -> None:
    app = pilot.app
    await on_account(pilot, "smpp-dc12345-1", "5")
    await history_read(pilot)

    def heading() -> str:
        return rendered(app.screen.query_one("#history-heading", Static))

    await wait_for(pilot, lambda: re.search(r"· ([\d,]+) of \1 shown", heading()), heading)
    for table in app.screen.query(DataTable):
        table.refresh()
    await pilot.pause(0.1)
    await pilot.press(*keys)
    await still(pilot)


@BOTH_SIZES
def test_history(snap_compare, on_ovhclouds_day, size):
    async def history(pilot) -> None:
        await on_history(pilot)

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=history)


@BOTH_SIZES
def test_sms_details(snap_compare, on_ovhclouds_day, size):
    async def details(pilot) -> None:
        # The newest SMS failed: its codes, what they mean, and the receiver's HLR.
        await on_history(pilot, "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DetailsScreen), "the SMS")
        await still(pilot)

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=details)


@BOTH_SIZES
def test_history_filter_form(snap_compare, on_ovhclouds_day, size):
    async def filtering(pilot) -> None:
        await on_history(pilot, "slash")
        assert isinstance(pilot.app.screen, HistoryFilterScreen)
        await filled(pilot, period="yesterday", receiver="+336*", state="failed")

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=filtering)


@BOTH_SIZES
def test_export(snap_compare, make_app, sim, world_clock, size):
    async def exported(pilot) -> None:
        await on_history(pilot, "x")
        done = lambda: "written to" in rendered(pilot.app.screen.query_one("#export-said"))  # noqa: E731
        await wait_for(pilot, done, lambda: rendered(pilot.app.screen))
        await still(pilot)

    # Under the home folder, shown as ~/...: the same picture whatever the temporary folder.
    sim.world.sms.behaviour.document_delay = 0.0  # OVHcloud's file ready at once
    folder = Path.home() / "exports"
    folder.mkdir()
    ui = UiSettings(export_folder=folder)
    app = make_app(today=world_today(world_clock), config=Config(ui=ui))
    assert snap_compare(app, terminal_size=size, run_before=exported)


@BOTH_SIZES
def test_welcome(snap_compare, tmp_path, size):
    async def welcomed(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, WelcomeScreen), "the welcome")
        await still(pilot)

    app = SmppApp(None, config=Config(), config_path=tmp_path / "config.toml")
    assert snap_compare(app, terminal_size=size, run_before=welcomed)


@BOTH_SIZES
def test_mail(snap_compare, make_app, sim, size):
    async def mailed(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "R", "y")
        await wait_for(pilot, lambda: sim.world.sms.outbox.mails, "the mail")
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MailScreen), "the mail")
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=mailed)


@BOTH_SIZES
def test_classic_account(snap_compare, on_ovhclouds_day, size):
    async def classic(pilot) -> None:
        await settled(pilot)
        await open_account(pilot.app, pilot, "sms-dc12345-1")
        await fetched(pilot, senders_key("sms-dc12345-1"), "the senders")
        await still(pilot)

    assert snap_compare(on_ovhclouds_day, terminal_size=size, run_before=classic)


@BOTH_SIZES
def test_error_dialog(snap_compare, make_app, sim, monkeypatch, size):
    async def refused(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "R", "y")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ErrorScreen), "the dialog")
        await still(pilot)

    # OVHcloud's query ids are unique: one fixed here, for a picture that does not move.
    monkeypatch.setattr(sim, "new_query_id", lambda: "EU.ext-3.6745a1c0.2049.8c1b4f0e")
    sim.inject(Fault("status", 500, "POST", "/sms/*/smpp/password"))
    assert snap_compare(make_app(), terminal_size=size, run_before=refused)


@BOTH_SIZES
def test_client_configs(snap_compare, make_app, size):
    async def configs(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "C")

    assert snap_compare(make_app(), terminal_size=size, run_before=configs)


class Ticks:
    """A clock that moves 3 ms each time it is read: each step of a test takes 3 ms."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.003
        return self.now


# The machine's, read as the module loads: each test has its own temporary folder (see
# tests/conftest.py), and the lock must be one for every worker and every run.
_MACHINE_TMP = Path(tempfile.gettempdir())


@contextlib.contextmanager
def fixed_ports() -> Iterator[tuple[int, int]]:
    """The SMSC ports the pictures show, the same in every run; one test at a time takes them
    (xdist runs several). Below Linux's ephemeral range (32768-60999), where no connection
    or free port chosen by another test can land."""
    lock_file = _MACHINE_TMP / "smpp-tui-snapshot-ports.lock"
    with lock_file.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield 12775, 12776


async def bind_typed(pilot, secret: str, *keys: str) -> None:
    """On the Overview of smpp-dc12345-1, `b`, the password pasted, `keys`, enter; each step
    takes 3 ms."""
    app = pilot.app
    app.live.connection_tests = ConnectionTests(app.session, step_clock=Ticks())
    await on_account(pilot, "smpp-dc12345-1", "b")
    await fill(pilot, secret, "bind-password")
    await pilot.press(*keys, "enter")


@BOTH_SIZES
def test_connection_test_under_way(snap_compare, make_app, sim, size):
    """Bound to a server that takes the connection and never answers: the bind under way."""

    async def binding(pilot) -> None:
        await bind_typed(pilot, "a1b2c3d4", "down")  # the plaintext endpoint
        screen = pilot.app.screen
        await wait_for(pilot, lambda: "… bind_transceiver" in rendered(screen), "the bind")

    with fixed_ports() as (plain, tls), socket.create_server(("127.0.0.1", plain)) as silent:
        sim.world.sms.endpoints = Endpoints(("localhost",), tls, plain)
        assert silent
        assert snap_compare(make_app(), terminal_size=size, run_before=binding)


@BOTH_SIZES
def test_connection_test_failed(snap_compare, make_app, sim, size):
    async def refused(pilot) -> None:
        await bind_typed(pilot, "wrong")
        screen = pilot.app.screen
        await wait_for(pilot, lambda: screen.outcome is not None, "the test")
        await pilot.pause(0.1)

    with fixed_ports() as (plain, tls), Smsc(sim.world, plain_port=plain, tls_port=tls) as smsc:
        assert snap_compare(make_app(smsc=smsc), terminal_size=size, run_before=refused)
