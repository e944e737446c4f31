"""Every write sent reaches the audit log, quitting included: a write OVHcloud has not answered
yet is awaited a few seconds (the screen says so), else logged as sent, outcome unknown; a log
that cannot be written is said once, and the writes go on."""

from __future__ import annotations

import json

from smpp_tui.simulator import Fault
from smpp_tui.tui import app as app_module
from tests.tui.conftest import SIZE, WORKING, fill, open_account, wait_for

PASSWORD = f"/sms/{WORKING}/smpp/password"
RENEWAL = "regenerate the SMPP password"
WAITING_NOTICE = "Waiting for OVHcloud to answer the password renewal… (q again quits now)"


def entries(log) -> list[dict]:
    return [json.loads(line) for line in log.read_text("utf-8").splitlines()]


def renewals(sim) -> list:
    return [e for e in sim.exchanges if (e.method, e.path) == ("POST", PASSWORD)]


async def renewal_under_way(app, pilot, sim, latency: float) -> None:
    """`R y` on a working account, whose answer takes `latency` seconds; back once OVHcloud
    has the request."""
    slow = sim.inject(Fault("latency", latency, "POST", "/sms/*/smpp/password", times=1))
    await open_account(app, pilot, WORKING)
    await pilot.press("R", "y")
    await wait_for(pilot, lambda: slow.hits == 1, "the renewal to reach OVHcloud")


async def test_quit_waits_for_a_renewal_under_way_and_logs_its_outcome(
    make_app, sim, notices, tmp_path
):
    log = tmp_path / "audit.log"
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await renewal_under_way(app, pilot, sim, latency=2.5)
        await pilot.press("q")
        assert app.is_running, "still waiting for the answer"
        assert notices.last == WAITING_NOTICE
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    (renewal,) = renewals(sim)
    (entry,) = entries(log)
    assert (entry["account"], entry["action"], entry["result"]) == (WORKING, RENEWAL, "ok")
    assert entry["query_id"] == renewal.query_id


async def test_an_answer_slower_than_the_wait_is_logged_sent_outcome_unknown(
    make_app, sim, notices, tmp_path, monkeypatch
):
    monkeypatch.setattr(app_module, "QUIT_WAIT", 0.3)  # 5 s in use: the same, sooner
    log = tmp_path / "audit.log"
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await renewal_under_way(app, pilot, sim, latency=3.0)
        await pilot.press("q")
        assert notices.last == WAITING_NOTICE
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    assert renewals(sim) == [], "quit before OVHcloud answered"
    (entry,) = entries(log)
    assert (entry["action"], entry["result"]) == (RENEWAL, "sent, outcome unknown")
    assert entry["query_id"] is None


async def test_quit_again_while_waiting_quits_at_once(make_app, sim, notices, tmp_path):
    log = tmp_path / "audit.log"
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await renewal_under_way(app, pilot, sim, latency=3.0)
        await pilot.press("q")
        assert notices.last == WAITING_NOTICE
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    (entry,) = entries(log)
    # Waiting the 5 s would have brought the answer (3 s): it quit without it.
    assert entry["result"] == "sent, outcome unknown"


async def test_quit_without_a_write_under_way_quits_at_once(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    assert not notices.saying("Waiting for OVHcloud")


async def test_an_unwritable_audit_log_is_said_once_and_the_writes_go_on(
    make_app, sim, notices, tmp_path
):
    log = tmp_path / "audit.log"
    log.mkdir()  # a directory where the log should be
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        await wait_for(pilot, lambda: notices.saying("requested for"), "the renewal")
        await pilot.press("2", "a")
        await fill(pilot, "192.0.2.99")
        await pilot.press("enter")
        await wait_for(pilot, lambda: notices.saying("192.0.2.99"), "the IP added")
    assert len(renewals(sim)) == 1
    assert "192.0.2.99" in sim.world.sms.accounts[WORKING].allowed_ips
    assert notices.saying("not being recorded") == [
        f"Writes are not being recorded: the audit log {log} cannot be written: Is a directory."
        " They still go to OVHcloud (said once)."
    ]
