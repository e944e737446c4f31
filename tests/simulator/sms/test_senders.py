"""Senders: the rules of a request, the moderator's review on the clock, changes, deletes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms import senders
from smpp_tui.simulator.sms.schema import enum
from tests.simulator.sms.conftest import MAIN

SENDERS = f"/sms/{MAIN}/senders"
REASON = "Order confirmations for our web shop customers"


def test_demo_senders_cover_every_state(api):
    states = {api.get(f"{SENDERS}/{quote(s, safe='')}")["status"] for s in api.get(SENDERS)}
    assert states == set(enum("sms.StatusSenderEnum"))
    assert {senders.WAITING, senders.ENABLE, senders.DISABLE, senders.REFUSED} == states


def test_a_new_sender_waits_then_is_enabled_with_a_comment(api, world, world_clock):
    world.sms.behaviour.sender_review_delay = 120
    assert api.post(SENDERS, sender="Acme Shop", reason=REASON, description="Shop") == "Acme Shop"
    sender = api.get(f"{SENDERS}/Acme%20Shop")
    assert (sender["status"], sender["type"], sender["comment"]) == (
        "waitingValidation",
        "alpha",
        None,
    )
    world_clock.advance(120)
    sender = api.get(f"{SENDERS}/Acme%20Shop")
    assert sender["status"] == "enable"
    assert sender["comment"]


def test_a_vague_request_is_refused_with_the_moderators_comment(api, world_clock):
    api.post(SENDERS, sender="+33700000001", reason="please")
    world_clock.advance(60)
    sender = api.get(f"{SENDERS}/%2B33700000001")
    assert (sender["status"], sender["type"]) == ("refused", "numeric")
    assert "explain" in sender["comment"]


BAD_REQUESTS = [
    ({"sender": "TooLongSender", "reason": REASON}, "1 to 11"),
    ({"sender": "Café", "reason": REASON}, "ASCII"),
    ({"sender": "Line\nBreak", "reason": REASON}, "ASCII"),
    ({"sender": "Ends\n", "reason": REASON}, "ASCII"),
    ({"sender": "+3361234567890123", "reason": REASON}, "15 digits"),
    ({"sender": "+33 6 12", "reason": REASON}, "15 digits"),
    ({"sender": "Acme"}, "reason"),
    ({"sender": "Acme", "reason": "  "}, "reason"),
    ({"sender": "Acme", "reason": "x" * 251}, "250"),
    ({"sender": "Acme", "reason": REASON, "description": "d" * 41}, "40"),
]


def test_bad_sender_requests_are_400s_that_say_why(api):
    for body, says in BAD_REQUESTS:
        with pytest.raises(ovh_errors.BadParametersError, match=says):
            api.post(SENDERS, **body)
    assert "Acme" not in api.get(SENDERS)


def test_a_duplicate_sender_is_a_conflict(api):
    with pytest.raises(ovh_errors.ResourceConflictError):
        api.post(SENDERS, sender="ExampleTel", reason=REASON)


def test_enable_and_disable_and_describe(api):
    api.put(f"{SENDERS}/ExampleTel", status="disable", description="Paused")
    assert api.get(f"{SENDERS}/ExampleTel")["status"] == "disable"
    api.put(f"{SENDERS}/ExampleTel", status="enable")
    assert api.get(f"{SENDERS}/ExampleTel")["description"] == "Paused"
    with pytest.raises(ovh_errors.BadParametersError, match="refused"):
        api.put(f"{SENDERS}/PROMO", status="enable")


def test_delete_deletes(api):
    assert api.delete(f"{SENDERS}/OldBrand") is None
    assert "OldBrand" not in api.get(SENDERS)
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"{SENDERS}/OldBrand")
