"""An account's screen, driven with the keyboard: copy the credentials, regenerate the
password, manage the authorized IPs; checked on screen and in the simulator."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from textual.widgets import Static

from smpp_tui.simulator import Fault
from smpp_tui.store.resources import ips_key
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.add_ips import AddIpsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.form import FormScreen
from smpp_tui.tui.screens.renew_again import RenewAgainScreen
from smpp_tui.tui.widgets.overview import OverviewPane
from tests.tui.conftest import (
    SIZE,
    WAITING,
    WORKING,
    field_values,
    fill,
    heading,
    let_time_pass,
    open_account,
    refused,
    rendered,
    shown_ips,
    table,
    wait_for,
)


async def test_copy_the_system_id_then_the_tls_endpoint(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await open_account(app, pilot, WORKING)
        settings = sim.world.sms.accounts[WORKING].settings(
            sim.world.now(), sim.world.sms.endpoints
        )
        await pilot.press("c")
        assert app.clipboard == settings["systemID"]
        assert notices.last == "Copied SystemID · v shows it"
        await pilot.press("j", "y")
        assert app.clipboard == settings["endpoints"][0]["secured"]
        assert field_values(screen)["tls-1"] == app.clipboard
        await pilot.press("j", "c")
        assert app.clipboard == "smpp1.sim.ovh.invalid"
        await pilot.press("j", "c")
        assert app.clipboard == "2776"
        assert notices.last == "Copied TLS port 1 · v shows it"


async def test_copy_notices_take_one_line_at_80_columns_and_do_not_stack(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await wait_for(pilot, lambda: "email" in field_values(screen), "every field")
        for field in screen.query_one(OverviewPane).fields:
            await pilot.press("c")
            await notice_alone(pilot, f"Copied {field.label} · v shows it")
            await pilot.press("j")


async def test_a_copy_takes_back_only_the_previous_copy_notice(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await wait_for(pilot, lambda: "email" in field_values(screen), "every field")
        app.notify("Writes are not being recorded", severity="error")  # said once, unread
        await pilot.press("c", "j", "c")

        def shown() -> list[str]:
            return [str(toast.render()) for toast in app.screen.query("Toast")]

        left = ["Writes are not being recorded", "Copied TLS endpoint 1 · v shows it"]
        await wait_for(pilot, lambda: shown() == left, lambda: f"{left}: {shown()}")


async def notice_alone(pilot, notice: str) -> None:
    """Wait until `notice` is the only toast on screen; check it takes one line."""

    def shown() -> list[str]:
        return [str(toast.render()) for toast in pilot.app.screen.query("Toast")]

    await wait_for(pilot, lambda: shown() == [notice], lambda: f"{notice}, alone: {shown()}")
    (toast,) = pilot.app.screen.query("Toast")
    assert toast.content_size.height == 1, notice


async def test_endpoints_and_numbers_copy_as_a_configuration_file_wants_them(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        values = field_values(screen)
        for index, host in enumerate(("smpp1", "smpp2"), start=1):
            for kind, port in (("tls", "2776"), ("plain", "2775")):
                key = f"{kind}-{index}"
                assert values[key] == f"{host}.sim.ovh.invalid:{port}"
                assert values[f"{key}-host"] == f"{host}.sim.ovh.invalid"
                assert values[f"{key}-port"] == port
        assert (values["windowing"], values["throughput"]) == ("10", "20")
        table = screen.query_one(OverviewPane).table
        assert table.get_cell("windowing", "value").plain == "10 messages in flight"


async def test_the_overview_says_what_a_user_needs(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await wait_for(pilot, lambda: "email" in field_values(screen), "the contact e-mail")
        values = field_values(screen)
        assert values["email"] == "ops@example.com"
        assert values["windowing"] == "10"
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


PASSWORD = f"/sms/{WORKING}/smpp/password"


def renewals(sim) -> int:
    return sum(1 for e in sim.exchanges if (e.method, e.path) == ("POST", PASSWORD))


async def test_a_burst_of_renewal_keys_sends_one_renewal(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("R", "y", "R", "y", "R", "y")
        await wait_for(pilot, lambda: notices.saying("requested"), "the renewal")
        await wait_for(pilot, lambda: not any(w.is_running for w in app.workers), "the rest")
        assert renewals(sim) == 1
        assert len(sim.world.sms.outbox.mails) == 1


def at(world_clock, seconds_ago: float) -> str:
    """The time the app says a renewal was made: on OVHcloud's clock, in the user's zone."""
    moment = datetime.fromtimestamp(world_clock() - seconds_ago, UTC)
    return f"{moment.astimezone():%H:%M:%S}"


async def test_renewing_again_says_when_and_within_a_minute_takes_the_name_typed(
    make_app, sim, notices, clock, world_clock
):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        await wait_for(pilot, lambda: notices.saying("requested"), "the first renewal")
        clock.advance(12)
        await pilot.press("R")
        again = app.screen
        assert isinstance(again, RenewAgainScreen)
        said = rendered(again.query_one(".form-intro", Static))
        assert f"Last renewal: 12 s ago at {at(world_clock, 12)}; the e-mail may not" in said
        await pilot.press("y", "enter")
        assert app.screen is again, "y is no answer here"
        await wait_for(pilot, lambda: again.problem != "", "the refusal")
        assert f"type {WORKING} to regenerate its password again" in again.problem
        assert renewals(sim) == 1
        await fill(pilot, WORKING)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "the second renewal")
        assert renewals(sim) == 2
        assert len(notices.saying("requested")) == 2

        clock.advance(61)
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmScreen), "a minute on: y confirms again"
        said = rendered(app.screen.query_one("#confirm-body", Static))
        assert f"Last renewal: 1 min ago at {at(world_clock, 61)}." in said
        await pilot.press("y")
        await wait_for(pilot, lambda: renewals(sim) == 3, "the third renewal")


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


@pytest.mark.parametrize(
    ("account", "sentence"),
    [
        (
            WAITING,
            f"{WAITING}'s SMPP status is “no IP yet”: the service cannot work until you allow"
            " an IP (IPs tab).",
        ),
        (
            "smpp-dc12345-4",
            "smpp-dc12345-4's SMPP status is “error”: OVHcloud reports an error on this account;"
            " contact its support.",
        ),
    ],
    ids=["no-ip-yet", "error"],
)
async def test_a_password_is_refused_up_front_unless_working(
    make_app, sim, notices, account, sentence
):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, account)
        await pilot.press("R")
        assert isinstance(app.screen, AccountScreen), "no confirmation to answer"
        works = "A new SMPP password can only be generated when the account works (✓ working)."
        assert notices.last == f"{works} {sentence}"
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
        await wait_for(pilot, lambda: "↻ applying" in heading(screen), "UPDATING_IP")
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


async def test_a_full_account_says_so_at_once_instead_of_opening_the_form(make_app, notices):
    full = "smpp-dc12345-7"  # 10 of 10
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await open_account(app, pilot, full)
        await pilot.press("2")
        await wait_for(pilot, lambda: "10/10" in heading(screen), "the quota")
        await pilot.press("a")
        assert app.screen is screen, "no form to fill in vain"
        assert notices.last == f"{full} allows 10 IPs and is full (10/10): remove one first (d)."


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
        (WORKING, "change the allowed IPs: add 192.0.2.99", "ok"),
    ]
    writes = [e for e in sim.exchanges if e.method in ("POST", "PUT")]
    assert [e["query_id"] for e in entries] == [e.query_id for e in writes]
    assert all(e["profile"] == "demo" for e in entries)
    text = log.read_text()
    assert keys.application_secret not in text
    assert keys.consumer_key not in text
    assert sim.world.sms.accounts[WORKING].password not in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"


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


# Paste and length in the forms


async def test_a_pasted_page_of_bad_addresses_is_refused_short_and_fits_the_screen(
    make_app, sim, notices
):
    # Once echoed whole in the error, the dialog running off the screen.
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("2", "a")
        form = app.screen
        assert isinstance(form, FormScreen)
        await fill(pilot, "999999999," * 1000)  # 10,000 characters
        assert form.value("ips") == ""
        assert notices.last == (
            "Not pasted: the field would hold 10,000 characters; it takes at most 180."
        )
        problem = await refused(pilot, ips="\n".join(f"host-{n}" for n in range(10, 30)))
        assert problem == (
            "'host-10', 'host-11', 'host-12' and 17 more are not IPv4 addresses; expected four"
            " numbers 0-255 such as 192.0.2.10 (no mask, no IPv6)"
        )
        dialog = form.query_one(".form-dialog").region
        assert app.screen.region.contains_region(dialog)
        assert dialog.contains_region(form.query_one("#form-problem").region), "it is seen"
    assert _puts(sim) == 0


async def test_control_characters_never_reach_a_field_nor_a_request(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WAITING)
        await pilot.press("2", "a")
        await fill(pilot, "192.0.2.\x0170\x7f\n\x9b2J192.0.2.71\x1b]52;c;b3duZWQ=\x07\n")
        assert app.screen.query_one("#ips").value == "192.0.2.70, 192.0.2.71"
        app.copy_to_clipboard(", 192.0.2.\x1b[31m72\x00")  # copied from elsewhere
        await pilot.press("end", "ctrl+v")
        assert app.screen.query_one("#ips").value == "192.0.2.70, 192.0.2.71, 192.0.2.72"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen), "the form to close")
    (sent,) = [e for e in sim.exchanges if e.method == "PUT" and e.path.endswith("/allowedIPs")]
    assert sent.body["ips"] == ["192.0.2.70", "192.0.2.71", "192.0.2.72"]


# Each form's fields, with the most characters OVHcloud takes in each.
FIELD_LIMITS = [
    ("2", "a", {"ips": 180}),
    ("3", "a", {"sender": 16, "description": 40, "reason": 250}),
    ("4", "e", {"threshold": 7, "pack": 5}),
    ("4", "t", {"target": 32, "credits": 12}),
    ("5", "slash", {"period": 26, "receiver": 25, "state": 9, "sender": 16}),
]


@pytest.mark.parametrize(
    ("tab", "key", "limits"),
    FIELD_LIMITS,
    ids=["add-ips", "sender-request", "recharge", "transfer", "history-filter"],
)
async def test_every_field_stops_at_what_ovhcloud_accepts(make_app, notices, tab, key, limits):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press(tab, key)
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen), "the form")
        form = app.screen
        for field, longest in limits.items():
            await fill(pilot, "9" * (longest + 1), field)
            assert form.value(field) == "", field
            assert notices.last == (
                f"Not pasted: the field would hold {longest + 1} characters; it takes at most"
                f" {longest}."
            )
            await fill(pilot, "9" * longest, field)
            form.query_one(f"#{field}").focus()
            await pilot.press("end", "9")  # typed: no further either
            assert form.value(field) == "9" * longest, field
