"""`b` on the Overview: the SMPP connection test against the simulator's SMSC, keys pressed as a
user presses them; what the dialog says, and what the simulator now holds."""

from __future__ import annotations

import socket
import threading

import pytest

from smpp_tui.session.smpp_tests import ConnectionTests
from smpp_tui.simulator.sms.account import Endpoints
from smpp_tui.simulator.smsc.server import Smsc
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.add_ips import AddIpsScreen
from smpp_tui.tui.screens.connection_test import ConnectionTestScreen
from tests.tui.conftest import SIZE, WAITING, WORKING, fill, open_account, rendered, wait_for


@pytest.fixture
def smsc(sim):
    with Smsc(sim.world) as running:
        yield running


def password(sim, account: str = WORKING) -> str:
    return sim.world.sms.accounts[account].password


async def opened(app, pilot, account: str = WORKING) -> ConnectionTestScreen:
    """The test's dialog, from the accounts or from the account's Overview."""
    if not isinstance(app.screen, AccountScreen):
        await open_account(app, pilot, account)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(app.screen, ConnectionTestScreen), "the test")
    return app.screen


async def tried(pilot, screen: ConnectionTestScreen, secret: str | None = None) -> str:
    """Type `secret` (else keep the one typed), run, and return what the dialog says."""
    if secret is not None:
        await fill(pilot, secret, "bind-password")
        await pilot.press("enter")
    else:
        await pilot.press("p", "enter")
    await wait_for(pilot, lambda: screen.outcome is not None and not screen.under_way, "the test")
    return said(screen)


def said(screen: ConnectionTestScreen) -> str:
    return " ".join(rendered(screen.query_one(f"#bind-{part}")) for part in ("steps", "result"))


async def test_a_bind_shows_each_step_with_its_time(make_app, sim, smsc, notices):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await opened(app, pilot)
        assert "TLS localhost:" in rendered(screen.query_one("#bind-endpoints"))
        shown = await tried(pilot, screen, password(sim))
        for step in ("DNS", "TCP connect", "TLS handshake", "bind_transceiver", "enquire_link"):
            assert f"✓ {step}" in shown
        assert "✓ unbind" in shown
        assert shown.count(" ms") == 7  # each step, and the total
        assert f"Bound as {WORKING} over TLS localhost:{smsc.tls_port} from 127.0.0.1" in shown
        assert smsc.binds.receivers(WORKING) == [], "unbound: the transceiver is free again"
        assert password(sim) not in " ".join(notices.said)
        await pilot.press("escape")
        assert not app.screen.query("#bind-password"), "the password goes with the dialog"


async def test_the_plaintext_endpoint_has_no_handshake(make_app, sim, smsc):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        await fill(pilot, password(sim), "bind-password")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: screen.outcome is not None, "the test")
        shown = said(screen)
        assert f"over plaintext localhost:{smsc.plain_port}" in shown
        assert "TLS handshake" not in shown


async def test_one_test_per_account_every_10_seconds(make_app, sim, smsc, clock):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        await tried(pilot, screen, password(sim))
        await pilot.press("enter")
        assert f"Next test of {WORKING} in 10 s" in said(screen)
        clock.advance(10)
        assert "Bound as" in await tried(pilot, screen)


async def test_a_password_smpp_cannot_carry_is_refused_before_any_bind(make_app, smsc):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        await fill(pilot, "123456789", "bind-password")
        await pilot.press("enter")
        assert "1 to 8 printable ASCII characters (this one has 9)" in said(screen)
        assert screen.outcome is None
        assert app.live.connection_tests.wait(WORKING) == 0, "no turn taken"


async def test_the_old_password_after_a_regeneration(make_app, sim, smsc, clock):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        old = password(sim)
        await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        await wait_for(pilot, lambda: password(sim) != old, "the new password")
        screen = await opened(app, pilot)
        shown = await tried(pilot, screen, old)
        assert "✗ bind_transceiver" in shown
        assert (
            "Wrong password (0x0E). Only the password of the latest e-mail works: a new one"
            in shown
        )
        (mail,) = [m for m in sim.world.sms.outbox.mails if m.subject.startswith("Your new")]
        clock.advance(10)
        assert "Bound as" in await tried(pilot, screen, mail.body.split("Password: ")[1][:8])


async def test_an_address_removed_then_allowed_again(make_app, sim, smsc, clock, world_clock):
    """The issue's loop: the test fails and says why, `a` allows this machine's address, and
    once OVHcloud has applied it the test passes."""
    account = sim.world.sms.accounts[WORKING]
    account.allowed_ips.remove("127.0.0.1")
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        shown = await tried(pilot, screen, password(sim))
        assert "✗ bind_transceiver" in shown
        assert "this machine's address, 127.0.0.1, is probably not allowed" in shown
        assert "Allowed now: 192.0.2.1, 198.51.100.14." in shown
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddIpsScreen), "the IPs form")
        assert app.screen.query_one("#ips").value == "127.0.0.1"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "127.0.0.1" in account.allowed_ips, "the address allowed")
        world_clock.advance(sim.world.sms.behaviour.ip_settle_delay)
        await pilot.press("1")
        clock.advance(10)
        screen = await opened(app, pilot)
        assert "Bound as" in await tried(pilot, screen, password(sim))


async def test_an_account_waiting_for_its_first_ip(make_app, sim, smsc):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot, WAITING)
        shown = await tried(pilot, screen, password(sim, WAITING))
        assert "no IP is allowed yet: the account waits for one" in shown
        assert "Allowed now: none." in shown


async def test_throttled_binds_hold_the_test_for_a_minute(make_app, sim, smsc, clock):
    app = make_app(smsc=smsc)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        for _ in range(sim.world.sms.behaviour.bind_failures_throttled):
            assert "0x0E" in await tried(pilot, screen, "wrong")
            clock.advance(10)
        shown = await tried(pilot, screen, password(sim))
        assert "Too many bind attempts (0x400)" in shown
        assert "Do not retry" in shown
        assert "Next test possible in 60 s." in shown
        clock.advance(10)
        await pilot.press("enter")
        assert f"Next test of {WORKING} in 50 s: OVHcloud throttled its binds" in said(screen)


async def test_a_closed_port_and_a_name_that_resolves_nowhere(make_app, sim, smsc, clock):
    with socket.socket() as taken:  # bound, not listening: held, and refused
        taken.bind(("127.0.0.1", 0))
        closed = taken.getsockname()[1]
        sim.world.sms.endpoints = Endpoints(("localhost", "smpp2.sim.ovh.invalid"), closed, closed)
        app = make_app(smsc=smsc)
        async with app.run_test(size=SIZE) as pilot:
            screen = await opened(app, pilot)
            shown = await tried(pilot, screen, password(sim))
            assert f"Nothing takes connections on localhost:{closed}: the port is closed" in shown
            clock.advance(10)
            await pilot.press("down", "down")  # the second pair's TLS endpoint
            shown = await tried(pilot, screen)
            assert "✗ DNS" in shown
            assert "smpp2.sim.ovh.invalid does not resolve" in shown


class Watched(ConnectionTests):
    """The app's tests, telling when one has really ended (its thread, not its worker)."""

    def __init__(self, *args, **options) -> None:
        super().__init__(*args, **options)
        self.ended = threading.Event()

    def run(self, *args):
        try:
            return super().run(*args)
        finally:
            self.ended.set()


async def test_closing_while_a_bind_waits_leaves_nothing_behind(make_app, sim, notices):
    """A server that takes the connection and never answers: escape closes at once, and the
    test's end, a while later, says nothing to anyone."""
    app = make_app()
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        sim.world.sms.endpoints = Endpoints(("localhost",), port, port)
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            tests = app.live.connection_tests = Watched(app.session, timeout=0.5)
            screen = await opened(app, pilot)
            await fill(pilot, "a1b2c3d4", "bind-password")
            await pilot.press("down", "enter")  # plaintext: the bind waits
            await wait_for(pilot, lambda: "… bind_transceiver" in said(screen), "the bind")
            await pilot.press("escape")
            assert isinstance(app.screen, AccountScreen)
            assert not tests.ended.is_set(), "closed while the bind still waited"
            await wait_for(pilot, tests.ended.is_set, "the bind's timeout")
            await pilot.pause(0.2)  # what its end would say has arrived
            assert isinstance(app.screen, AccountScreen)
        assert notices.said == []
