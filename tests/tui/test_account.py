"""An account's screen, driven with the keyboard: copy the credentials, regenerate the
password, manage the authorized IPs; checked on screen and in the simulator."""

from __future__ import annotations

import json

import pytest

from smpp_tui.simulator import Fault
from smpp_tui.store.resources import ips_key
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.add_ips import AddIpsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from tests.tui.conftest import (
    SIZE,
    WAITING,
    WORKING,
    field_values,
    fill,
    heading,
    let_time_pass,
    open_account,
    shown_ips,
    table,
    wait_for,
)


async def test_copy_the_system_id_then_the_tls_endpoint(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await open_account(app, pilot, WORKING)
        settings = sim.world.sms.accounts[WORKING].settings(sim.world.now())
        await pilot.press("c")
        assert app.clipboard == settings["systemID"]
        assert "terminal clipboard" in notices.last
        await pilot.press("j", "y")
        assert app.clipboard == settings["endpoints"][0]["secured"]
        assert field_values(screen)["tls-1"] == app.clipboard


async def test_the_overview_says_what_a_user_needs(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await wait_for(pilot, lambda: "email" in field_values(screen), "the contact e-mail")
        values = field_values(screen)
        assert values["email"] == "ops@example.com"
        assert values["windowing"] == "10 messages in flight"
        assert "plain-1" in values
        assert "not encrypted" in str(screen.query_one("#overview-note").content)


async def test_regenerate_the_password_once_despite_a_double_y(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await wait_for(pilot, lambda: "email" in field_values(app.screen), "the e-mail")
        old_password = sim.world.sms.accounts[WORKING].password
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmScreen)
        body = app.screen.query_one("#confirm-body").content
        assert "ops@example.com" in body.plain
        assert WORKING in body.plain
        assert app.screen.focused.id == "cancel", "focus starts on Cancel"
        await pilot.press("y", "y")
        await wait_for(pilot, lambda: notices.saying("requested"), "the answer")
        mails = sim.world.sms.outbox.mails
        assert len(mails) == 1
        assert mails[0].to == "ops@example.com"
        assert sim.world.sms.accounts[WORKING].password != old_password
        assert "/_sim/outbox" not in notices.last, "only the demo points to the outbox"


async def test_cancel_sends_nothing(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        for key in ("n", "escape"):
            await pilot.press("R")
            await pilot.press(key)
            assert isinstance(app.screen, AccountScreen)
        await pilot.press("R", "enter")  # enter on the focused Cancel button
        await pilot.pause(0.1)
        assert sim.world.sms.outbox.mails == []


async def test_a_password_is_refused_up_front_unless_working(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WAITING)
        await pilot.press("R")
        assert isinstance(app.screen, AccountScreen), "no confirmation to answer"
        assert "only be generated when the account works" in notices.last
        assert "no IP yet" in notices.last
        assert sim.world.sms.outbox.mails == []


async def test_add_two_ips_at_once_remove_one_and_watch_it_settle(
    make_app, sim, clock, world_clock
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        before = list(sim.world.sms.accounts[WORKING].allowed_ips)
        await pilot.press("2", "a")
        assert isinstance(app.screen, AddIpsScreen)
        puts = _puts(sim)
        await pilot.press(*"192.0.2.50, 192.0.2.51", "enter")  # the one test typing addresses
        await wait_for(pilot, lambda: app.screen is screen, "the modal to close")
        assert sim.world.sms.accounts[WORKING].allowed_ips == [*before, "192.0.2.50", "192.0.2.51"]
        assert _puts(sim) == puts + 1, "both in one request"
        await wait_for(pilot, lambda: "applying IPs" in heading(screen), "UPDATING_IP")
        assert shown_ips(screen)[-2:] == ["192.0.2.50", "192.0.2.51"]
        assert f"{len(before) + 2}/10" in heading(screen)
        world_clock.advance(sim.world.sms.behaviour.ip_settle_delay)
        await let_time_pass(pilot, clock, 5)  # the settings are followed every 5 s meanwhile
        await wait_for(pilot, lambda: "working" in heading(screen), "SUCCESS")

        await pilot.press("G", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: "192.0.2.51" not in shown_ips(screen), "the removal")
        assert sim.world.sms.accounts[WORKING].allowed_ips == [*before, "192.0.2.50"]


async def test_a_slow_poll_never_hides_a_fresh_write(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await pilot.press("2")
        key = ips_key(WORKING)
        await wait_for(pilot, lambda: app.store.snapshot[key].loaded, "the IPs")
        path = f"/sms/{WORKING}/smpp/allowedIPs"
        sim.inject(Fault("late", 1.5, "GET", path, times=1))
        gets = sum(1 for e in sim.exchanges if (e.method, e.path) == ("GET", path))
        await pilot.press("r")  # a refresh OVHcloud answers now, but which arrives late...
        asked = lambda: [e for e in sim.exchanges if (e.method, e.path) == ("GET", path)]  # noqa: E731
        await wait_for(pilot, lambda: len(asked()) > gets, "the slow refresh answered")
        seen = []
        app.store.subscribe(lambda change: seen.append(change.snapshot.value(key).ips))
        await pilot.press("a")
        await fill(pilot, "192.0.2.77")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "192.0.2.77" in shown_ips(screen), "the new IP")
        await wait_for(pilot, lambda: key not in app.poller.in_flight, "the slow answer")
        await pilot.pause(0.05)
        assert "192.0.2.77" in shown_ips(screen)
        assert seen
        assert all("192.0.2.77" in ips for ips in seen), "shown throughout"
        assert "192.0.2.77" in sim.world.sms.accounts[WORKING].allowed_ips
        put = next(e for e in sim.exchanges if e.method == "PUT" and e.path == path)
        assert asked()[gets].at < put.at, "the refresh was answered before the write"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("192.0.2.300", "'192.0.2.300' is not an IPv4 address"),
        ("192.0.2.0/24", "is not an IPv4 address"),
        ("2001:db8::1", "is not an IPv4 address"),
        ("192.0.2.9 192.0.2.9", "typed twice"),
        ("192.0.2.1", "already allowed"),
        (" ".join(f"192.0.2.{n}" for n in range(60, 68)), "do not fit"),
        ("", "give at least one IPv4 address"),
    ],
)
async def test_bad_ip_input_is_refused_and_kept(make_app, sim, typed, problem):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("2")
        await wait_for(pilot, lambda: app.store.snapshot[ips_key(WORKING)].loaded, "the IPs")
        before, puts = list(sim.world.sms.accounts[WORKING].allowed_ips), _puts(sim)
        await pilot.press("a")
        await fill(pilot, typed)
        await pilot.press("enter")
        modal = app.screen
        assert isinstance(modal, AddIpsScreen)
        await wait_for(pilot, lambda: problem in modal.problem, "the refusal")
        assert modal.query_one("#ips").value == typed
        assert sim.world.sms.accounts[WORKING].allowed_ips == before
        assert _puts(sim) == puts, "nothing was sent"


async def test_an_ip_refused_by_ovhcloud_keeps_the_text(make_app, sim):
    sim.inject(Fault("status", 400, "PUT", "/sms/*/smpp/allowedIPs"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("2")
        await wait_for(pilot, lambda: app.store.snapshot[ips_key(WORKING)].loaded, "the IPs")
        await pilot.press("a")
        await fill(pilot, "192.0.2.77")
        await pilot.press("enter")
        modal = app.screen
        await wait_for(pilot, lambda: modal.problem != "", "the refusal")
        assert "OVHcloud" in modal.problem or "refused" in modal.problem
        assert modal.query_one("#ips").value == "192.0.2.77"


async def test_a_key_without_rights_on_ips_keeps_the_overview_working(make_app, sim):
    body = {
        "errorCode": "NOT_GRANTED_CALL",
        "httpCode": "403 Forbidden",
        "message": "This call has not been granted",
    }
    sim.inject(Fault("status", 403, "GET", "/sms/*/smpp/allowedIPs", body=body))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        assert field_values(screen)["system_id"]
        await pilot.press("2")
        await wait_for(pilot, lambda: "may not call" in heading(screen), "the refusal")
        assert "this API key may not call GET /sms/*/smpp/allowedIPs" in heading(screen)
        await pilot.press("1", "c")
        assert app.clipboard == field_values(screen)["system_id"]


async def test_a_waiting_account_says_it_cannot_work(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WAITING)
        await pilot.press("2")
        await wait_for(pilot, lambda: "cannot bind until you add one" in heading(screen), "warn")


async def test_escape_goes_back_to_the_list_on_the_same_account(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WAITING)
        await pilot.press("escape")
        assert table(app).current_account == WAITING


async def test_a_pasted_list_one_address_a_line_arrives_whole(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WAITING)
        await pilot.press("2", "a")
        await fill(pilot, "192.0.2.70\n192.0.2.71\n")
        assert app.screen.query_one("#ips").value == "192.0.2.70, 192.0.2.71"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen), "the modal to close")
        assert sim.world.sms.accounts[WAITING].allowed_ips == ["192.0.2.70", "192.0.2.71"]


def _puts(sim) -> int:
    return sum(1 for e in sim.exchanges if e.method == "PUT" and e.path.endswith("/allowedIPs"))


async def test_writes_go_to_the_audit_log_without_secrets(make_app, sim, keys, tmp_path):
    log = tmp_path / "log" / "audit.log"
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        await wait_for(pilot, lambda: log.exists(), "the audit entry")
        await pilot.press("2", "a")
        await fill(pilot, "192.0.2.99")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(log.read_text().splitlines()) == 2, "the second entry")
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(e["account"], e["action"], e["result"]) for e in entries] == [
        (WORKING, "regenerate the SMPP password", "ok"),
        (WORKING, "change the allowed IPs", "ok"),
    ]
    assert all(e["profile"] == "demo" for e in entries)
    text = log.read_text()
    assert keys.application_secret not in text
    assert keys.consumer_key not in text
    assert sim.world.sms.accounts[WORKING].password not in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"


async def test_a_classic_account_offers_no_smpp_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, "sms-dc12345-2")
        shown = {b.binding.action for b in screen.active_bindings.values()}
        assert not {"copy", "reveal", "regenerate"} & {
            a for a in shown if screen.check_action(a, ())
        }
        await pilot.press("R")
        assert isinstance(app.screen, AccountScreen)
        assert "no SMPP access" in str(screen.query_one("#overview-note").content)


async def test_escape_while_sending_does_not_lose_the_account_screen(make_app, sim):
    sim.inject(Fault("latency", 1.5, "PUT", "/sms/*/smpp/allowedIPs"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await pilot.press("2", "a")
        await fill(pilot, "192.0.2.98")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query_one("#ips").disabled, "the sending")
        await pilot.press("escape")
        assert isinstance(app.screen, AddIpsScreen), "the answer decides, not escape"
        await wait_for(pilot, lambda: app.screen is screen, "the answer")
        await pilot.pause(0.1)
        assert app.screen is screen
        assert "192.0.2.98" in sim.world.sms.accounts[WORKING].allowed_ips
