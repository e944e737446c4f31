"""What the user reads when OVHcloud fails, fault class by fault class: the status line and the
notice say what happened (asks to slow down, never reached, reached but too slow, refused this
call, answered nonsense), never "Lost contact" when there was none, never "showing the last
data" when there is none; and no answer, however broken, ends the app."""

from __future__ import annotations

import socket

import pytest

from smpp_tui.simulator import Fault
from smpp_tui.store.resources import ACCOUNTS
from tests.conftest import gateway_on
from tests.tui.conftest import SIZE, loaded, status, wait_for

SLOW = "OVHcloud was reached but is too slow: nothing came for 0.2 s"


@pytest.fixture
def impatient_app(make_app, sim, keys):
    """The app reading answers for 0.2 s at most: a fault of a second is too slow for it."""
    return lambda: make_app(gateway=gateway_on(sim, keys, timeout=(1, 0.2)))


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        pytest.param(
            Fault("status", 429, "GET", "/sms"),
            "OVHcloud asks to slow down (HTTP 429: too many requests, for 1 s)",
            id="rate-limited",
        ),
        pytest.param(Fault("latency", 1, "GET", "/sms"), SLOW, id="late-answer"),
        pytest.param(Fault("slow", 1, "GET", "/sms"), SLOW, id="stalled-body"),
    ],
)
async def test_a_first_load_that_fails_says_what_happened(
    make_app, impatient_app, sim, notices, fault, words
):
    sim.inject(fault)
    # Only a slow answer needs the short timeout: on a busy machine any request may take
    # 0.2 s, and a refusal would then read as slowness.
    app = make_app() if fault.effect == "status" else impatient_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: notices.said, "the notice")
        assert notices.said == [f"{words}. Retrying by itself."]
        assert status(app) == f"demo · {words}"


async def test_a_closed_port_was_never_reached(make_app, sim, notices):
    app = make_app()
    port = sim.port
    words = f"OVHcloud could not be reached at 127.0.0.1:{port}: connection refused"
    sim.stop()
    # Held, not listening: no other test's server (the SMSCs bind free ports) lands on it.
    with socket.socket() as held:
        held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past its TIME_WAITs
        held.bind(("127.0.0.1", port))
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            await wait_for(pilot, lambda: notices.said, "the notice")
            assert notices.said == [f"Never reached OVHcloud ({words}). Retrying by itself."]
            assert status(app) == f"demo · {words}"


async def test_a_rate_limit_after_data_keeps_it_shown_and_says_so(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        sim.inject(Fault("status", 429, "GET", "/sms"))
        await pilot.press("r")
        await wait_for(pilot, lambda: notices.said, "the notice")
        words = "OVHcloud asks to slow down (HTTP 429: too many requests, for 1 s)"
        assert notices.said == [f"{words}. Showing the last data; retrying by itself."]
        assert "⚠ data from" in status(app)
        assert status(app).endswith(words)


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        pytest.param(
            Fault(
                "status",
                403,
                "GET",
                "/sms",
                body={"errorCode": "NOT_GRANTED_CALL", "message": "This call has not been granted"},
            ),
            "OVHcloud refused this call: this API key may not call GET /sms",
            id="refused-this-call",
        ),
        pytest.param(
            Fault("nested", 100_000, "GET", "/sms"),  # once "maximum recursion depth exceeded"
            "OVHcloud answered nonsense to GET /sms: nested deeper than 64 levels"
            " (HTTP 200, application/json)",
            id="nested",
        ),
        pytest.param(
            Fault("huge", 21, "GET", "/sms"),
            "OVHcloud answered nonsense to GET /sms: larger than 20 MB"
            " (HTTP 200, application/json)",
            id="huge",
        ),
    ],
)
async def test_an_answer_that_says_nothing_of_the_link_is_on_the_status_line(
    make_app, sim, notices, fault, words
):
    sim.inject(fault)
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: app.store.snapshot[ACCOUNTS].error, "the failure")
        await pilot.pause()
        assert status(app) == f"demo · {words}"
        assert notices.said == [], "the link works: no notice of it"
        sim.faults.clear()
        await pilot.press("r")
        await wait_for(pilot, lambda: loaded(app), "the accounts, once OVHcloud makes sense")
