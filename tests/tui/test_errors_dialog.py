"""A confirmed write OVHcloud refuses: a dialog says what failed, OVHcloud's message and its
query id on its own line, stays until closed, and `c` copies message and query id."""

from __future__ import annotations

from smpp_tui.simulator import Fault
from smpp_tui.tui.screens.error import ErrorScreen
from tests.tui.conftest import SIZE, WORKING, open_account, rendered, shown_ips, wait_for

REFUSED = {"class": "Client::Forbidden", "message": "Operation [not] allowed: <b>ask support</b>"}


def said(dialog: ErrorScreen, part: str) -> str:
    return rendered(dialog.query_one(f"#error-{part}"))


async def failed(pilot) -> ErrorScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ErrorScreen), "the error dialog")
    assert isinstance(pilot.app.screen, ErrorScreen)
    return pilot.app.screen


async def test_a_refused_password_renewal_shows_the_message_and_query_id_to_copy(
    make_app, sim, notices
):
    sim.inject(Fault("status", 500, "POST", "/sms/*/smpp/password"))
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        dialog = await failed(pilot)
        (sent,) = [e for e in sim.exchanges if e.method == "POST"]
        assert said(dialog, "title") == f"No new password for {WORKING}"
        message = said(dialog, "message")
        assert message == "OVHcloud failed on its side (HTTP 500): Internal server error"
        assert said(dialog, "query-id") == f"OVHcloud query id: {sent.query_id}"
        assert not notices.saying("No new password"), "a dialog, not a toast"

        await pilot.press("c")
        assert app.clipboard == f"{message} (OVHcloud query id {sent.query_id})"
        assert notices.last == "Copied the error (OSC 52)"
        await pilot.press("escape")
        assert app.screen is screen
        assert sim.world.sms.outbox.mails == []


async def test_a_refused_ip_removal_shows_ovhcloud_s_words_as_text(make_app, sim):
    sim.inject(Fault("status", 403, "PUT", "/sms/*/smpp/allowedIPs", body=REFUSED))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await pilot.press("2")
        await wait_for(pilot, lambda: shown_ips(screen), "the allowed IPs")
        ip = shown_ips(screen)[0]
        await pilot.press("d", "y")
        dialog = await failed(pilot)
        assert said(dialog, "title") == f"{ip} is still allowed on {WORKING}"
        assert "Operation [not] allowed: <b>ask support</b>" in said(dialog, "message")
        (sent,) = [e for e in sim.exchanges if e.method == "PUT"]
        assert sent.query_id in said(dialog, "query-id")
        assert "c copies the message and its query id" in said(dialog, "hint")
        await pilot.press("enter")
        assert app.screen is screen
        assert ip in shown_ips(screen)
        assert ip in sim.world.sms.accounts[WORKING].allowed_ips
