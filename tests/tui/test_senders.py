"""The Senders tab (`3` on an account), driven with the keyboard: the senders as the simulator
has them, waiting ones first and the moderator's words in full; requesting one and watching
the moderator's verdict arrive by itself; deleting one; what is refused before anything is
sent, and what OVHcloud refuses; a classic SMS account's senders."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from smpp_tui.simulator import Fault
from smpp_tui.simulator.sms.senders import Sender
from smpp_tui.store.resources import senders_key
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.error import ErrorScreen
from smpp_tui.tui.screens.sender_form import RequestSenderScreen
from smpp_tui.tui.widgets.senders import SendersPane
from tests.tui.conftest import (
    SIZE,
    WORKING,
    fetched,
    fill,
    let_time_pass,
    open_account,
    refused,
    rendered,
    wait_for,
)

CLASSIC = "sms-dc12345-1"  # a classic SMS account: no SMPP, senders all the same
GENERIC = "Refused: a generic sender does not identify your organisation"
REASON = "Monitoring alerts to our own on-call engineers"


def pane(screen: AccountScreen) -> SendersPane:
    return screen.query_one(SendersPane)


def shown_senders(screen: AccountScreen) -> list[str]:
    return pane(screen).table.row_keys()


def sender_cell(screen: AccountScreen, sender: str, column: str) -> str:
    return pane(screen).table.get_cell(sender, column).plain


def verdict_line(screen: AccountScreen) -> str:
    return rendered(screen.query_one("#sender-verdict", Static))


def posts(sim) -> list:
    return [e for e in sim.exchanges if e.method == "POST" and e.path.endswith("/senders")]


async def on_senders(app, pilot) -> AccountScreen:
    screen = await open_account(app, pilot, WORKING)
    await pilot.press("3")
    await fetched(pilot, senders_key(WORKING), "the senders")
    return screen


async def to_row(pilot, screen: AccountScreen, sender: str) -> None:
    await pilot.press("g")
    for _ in shown_senders(screen):
        current = pane(screen).current
        if current is not None and current.sender == sender:
            return
        await pilot.press("j")
    raise AssertionError(f"no row {sender} in {shown_senders(screen)}")


async def request(
    pilot, sender: str, description: str, reason: str, send: bool = True
) -> RequestSenderScreen:
    """`a`, the three fields filled, and (`send`) `enter` in the reason field."""
    await pilot.press("a")
    form = pilot.app.screen
    assert isinstance(form, RequestSenderScreen)
    await fill(pilot, sender, "sender")
    await fill(pilot, description, "description")
    await fill(pilot, reason, "reason")
    await pilot.press("tab", "tab")
    assert pilot.app.focused.id == "reason"
    if send:
        await pilot.press("enter")
    return form


async def test_the_table_shows_the_senders_waiting_first_in_words(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        known = sim.world.sms.accounts[WORKING].senders
        rows = shown_senders(screen)
        assert sorted(rows) == sorted(known)
        assert rows[:2] == ["ALERTES", "PROMO"], "waiting, then refused"
        assert rows[-1] == "OldBrand", "disabled last"
        assert sender_cell(screen, "ALERTES", "status") == "○ waiting"
        assert sender_cell(screen, "PROMO", "status") == "✗ refused"
        assert sender_cell(screen, "ExampleTel", "status") == "✓ enabled"
        assert sender_cell(screen, "OldBrand", "status") == "- disabled"
        assert sender_cell(screen, "38200", "type") == "shortcode"
        heading = rendered(screen.query_one("#senders-heading", Static))
        assert heading == f"Senders {len(known)} · 1 waiting for the moderator"


async def test_the_line_under_the_table_and_enter_say_a_refusal_whole(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        assert sim.world.sms.accounts[WORKING].senders["PROMO"].comment == GENERIC
        await to_row(pilot, screen, "PROMO")
        assert sender_cell(screen, "PROMO", "comment").endswith("…"), "cut short in the table"
        assert verdict_line(screen) == f"PROMO: refused by the moderator: {GENERIC}"
        await pilot.press("enter")
        details = app.screen
        assert isinstance(details, DetailsScreen)
        said = rendered(details)
        assert "Sender PROMO" in said
        assert f"Moderator's comment {GENERIC}" in " ".join(said.split())
        assert "✗ refused" in said
        assert "Promotions" in said
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_waiting_sender_says_its_status_follows_by_itself(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        await to_row(pilot, screen, "ALERTES")
        assert "Waiting for OVHcloud's moderator" in verdict_line(screen)


@pytest.mark.parametrize(
    ("name", "status", "comment"),
    [
        ("ALERTS", "✓ enabled", "ALERTS: Validated by the moderator"),
        ("INFO", "✗ refused", f"INFO: refused by the moderator: {GENERIC}"),
    ],
)
async def test_request_a_sender_and_watch_the_moderator_decide(
    make_app, sim, clock, world_clock, notices, name, status, comment
):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_senders(app, pilot)
        await request(pilot, name, "On-call alerts", REASON)
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        account = sim.world.sms.accounts[WORKING]
        assert account.senders[name].status == "waitingValidation"
        assert account.senders[name].description == "On-call alerts"
        assert sender_cell(screen, name, "status") == "○ waiting", "shown at once"
        assert notices.saying(f"Sender {name} requested on {WORKING}")

        world_clock.advance(sim.world.sms.behaviour.sender_review_delay)
        await let_time_pass(pilot, clock, 30)  # the senders are followed every 30 s
        await wait_for(pilot, lambda: sender_cell(screen, name, "status") == status, status)
        await to_row(pilot, screen, name)
        assert verdict_line(screen) == comment


async def test_delete_a_sender_after_a_no(make_app, sim):
    sim.world.sms.accounts[WORKING].senders["ALERTS"] = Sender("ALERTS", "alpha", "enable")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        await to_row(pilot, screen, "ALERTS")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        assert rendered(app.screen.query_one("#confirm-title", Static)) == "Delete ALERTS?"
        assert "from ALERTS on" in rendered(app.screen.query_one("#confirm-body", Static))
        await pilot.press("n")
        assert app.screen is screen
        await pilot.press("d", "y")
        await wait_for(pilot, lambda: "ALERTS" not in shown_senders(screen), "the row to go")
        assert "ALERTS" not in sim.world.sms.accounts[WORKING].senders
        deletes = [e.path for e in sim.exchanges if e.method == "DELETE"]
        assert deletes == [f"/sms/{WORKING}/senders/ALERTS"], "once, after y"


async def test_a_deletion_ovhcloud_refuses_keeps_the_sender_and_says_why(make_app, sim, notices):
    body = {"class": "Client::Forbidden", "message": "This call has not been granted"}
    sim.inject(Fault("status", 403, "DELETE", "/sms/*/senders/*", body=body))
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_senders(app, pilot)
        await to_row(pilot, screen, "OldBrand")
        await pilot.press("d", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, ErrorScreen), "the failure")
        (sent,) = [e for e in sim.exchanges if e.method == "DELETE"]
        said = rendered(app.screen.query_one("#error"))
        assert f"OldBrand is still a sender of {WORKING}" in said
        assert "This call has not been granted" in said
        assert f"OVHcloud query id: {sent.query_id}" in said
        await pilot.press("escape")
        assert "OldBrand" in sim.world.sms.accounts[WORKING].senders
        assert "OldBrand" in shown_senders(screen)
        assert not notices.saying("deleted")


SENDERS_ACCEPTED = (
    "is not a sender: give up to 11 ASCII letters, digits, spaces or _ - . , & + (such as"
    " ACME), or an international number, + and up to 15 digits (such as +33612345678)"
)


BAD_REQUESTS = [
    ("sender", "", "", f"an empty sender {SENDERS_ACCEPTED}"),
    ("sender", "ABCDEFGHIJKL", "ABCDEFGHIJKL", f"'ABCDEFGHIJKL' {SENDERS_ACCEPTED}"),
    ("sender", "Café", "Café", f"'Café' {SENDERS_ACCEPTED}"),
    ("sender", "[bold]", "[bold]", f"'[bold]' {SENDERS_ACCEPTED}"),
    ("sender", "+ACME", "+ACME", f"'+ACME' {SENDERS_ACCEPTED}"),
    ("reason", "", "", "give the moderator a reason: who sends, to whom, and why"),
    ("sender", "ALERTES", "ALERTES", f"ALERTES is a sender of {WORKING} already; give a new"),
]


async def test_bad_sender_requests_are_refused_before_sending(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        await pilot.press("a")
        for field, typed, kept, problem in BAD_REQUESTS:
            fields = {"sender": "ALERTS", "description": "Alerts", "reason": REASON, field: typed}
            assert problem in await refused(pilot, **fields), typed
            assert app.screen.value(field) == kept, "kept as typed"
        assert posts(sim) == [], "nothing was sent"
        assert sorted(sim.world.sms.accounts[WORKING].senders) == sorted(shown_senders(screen))


async def test_a_pasted_paragraph_reaches_the_moderator_as_one_line(make_app, sim):
    """Its lines joined by a space, empty ones dropped: the field shows what is sent."""
    pasted = "Alerts to our engineers\n\non call, from our monitoring\n"
    one_line = "Alerts to our engineers on call, from our monitoring"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_senders(app, pilot)
        form = await request(pilot, "ALERTS", "", pasted, send=False)
        assert form.value("reason") == one_line
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        (sent,) = posts(sim)
        assert sent.body == {"sender": "ALERTS", "reason": one_line}


async def test_a_refusal_by_ovhcloud_keeps_the_text_and_says_the_query_id(make_app, sim, notices):
    body = {"class": "Client::Conflict", "message": "A request for this sender is pending"}
    sim.inject(Fault("status", 409, "POST", "/sms/*/senders", body=body))
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_senders(app, pilot)
        form = await request(pilot, "ALERTS", "On-call alerts", REASON)
        await wait_for(pilot, lambda: form.problem != "", "the refusal")
        (sent,) = posts(sim)
        assert sent.status == 409
        assert "A request for this sender is pending" in form.problem
        assert f"OVHcloud query id {sent.query_id}" in form.problem
        typed = [form.value(field) for field in ("sender", "description", "reason")]
        assert typed == ["ALERTS", "On-call alerts", REASON]
        await pilot.press("escape")
        assert app.screen is screen
        assert "ALERTS" not in shown_senders(screen)
        assert "ALERTS" not in sim.world.sms.accounts[WORKING].senders
        assert not notices.saying("requested")


async def test_a_classic_account_has_senders_too(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, CLASSIC)
        await pilot.press("3")
        await fetched(pilot, senders_key(CLASSIC), "the senders")
        assert shown_senders(screen) == sorted(sim.world.sms.accounts[CLASSIC].senders)
        assert sender_cell(screen, "ExampleTel", "status") == "✓ enabled"
        form = await request(pilot, "SHOPNEWS", "", REASON)
        await wait_for(pilot, lambda: app.screen is screen, lambda: form.problem or "the close")
        assert sim.world.sms.accounts[CLASSIC].senders["SHOPNEWS"].status == "waitingValidation"
        assert sender_cell(screen, "SHOPNEWS", "status") == "○ waiting"
