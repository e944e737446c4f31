"""Templates sent to the moderator: the demo's, a new one reviewed on the clock, changes, a new
message sent again, deletes, bodies checked against the schema, and 404s."""

from __future__ import annotations

import pytest
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms.schema import enum
from tests.schema import validate_request
from tests.simulator.sms.conftest import MAIN

TEMPLATES = f"/sms/{MAIN}/templatesControl"
NEW = {
    "name": "welcome",
    "activity": "transactional",
    "message": "Welcome to #VALUE#, your account is ready.",
    "description": "Sign-up confirmation",
    "reason": "Sent once, when a customer signs up on our shop",
}


def test_the_demo_has_a_validated_template_and_one_waiting(api):
    statuses = {name: api.get(f"{TEMPLATES}/{name}")["status"] for name in api.get(TEMPLATES)}
    assert statuses == {"otp-code": "enable", "delivery-slot": "waitingValidation"}
    assert set(statuses.values()) <= set(enum("sms.StatusSenderEnum"))


def test_templates_expand(api):
    page, headers = api.page(TEMPLATES, 1, 2, TEMPLATES + "/{name}")
    assert [template["name"] for template in page] == api.get(TEMPLATES)[1:2]
    assert (headers["X-Pagination-Elements"], headers["X-Pagination-Total"]) == ("2", "2")


def test_a_new_template_waits_then_is_validated(api, world, world_clock):
    world.sms.behaviour.sender_review_delay = 120
    validate_request("POST", TEMPLATES, NEW)
    assert api.post(TEMPLATES, **NEW) is None
    assert "welcome" in api.get(TEMPLATES)
    template = api.get(f"{TEMPLATES}/welcome")
    assert (template["status"], template["comment"], template["activity"]) == (
        "waitingValidation",
        "",
        "transactional",
    )
    world_clock.advance(120)
    template = api.get(f"{TEMPLATES}/welcome")
    assert (template["status"], template["comment"]) == ("enable", "Validated by the moderator")


def test_a_duplicate_template_is_a_conflict(api):
    with pytest.raises(ovh_errors.ResourceConflictError):
        api.post(TEMPLATES, **{**NEW, "name": "otp-code"})


def test_a_change_of_message_goes_back_to_the_moderator(api):
    api.put(f"{TEMPLATES}/otp-code", description="Logins", status="disable")
    template = api.get(f"{TEMPLATES}/otp-code")
    assert (template["description"], template["status"]) == ("Logins", "disable")
    api.put(f"{TEMPLATES}/otp-code", status="enable", message="Code: #VALUE#")
    template = api.get(f"{TEMPLATES}/otp-code")
    assert (template["message"], template["status"]) == ("Code: #VALUE#", "waitingValidation")
    with pytest.raises(ovh_errors.BadParametersError, match="only an enabled template"):
        api.put(f"{TEMPLATES}/otp-code", status="enable")
    with pytest.raises(ovh_errors.BadParametersError, match="cannot be changed"):
        api.put(f"{TEMPLATES}/otp-code", name="otp")


def test_relaunching_validation_sends_the_new_message(api):
    body = {"description": "Delivery windows", "message": "Parcel #VALUE# arrives #VALUE#."}
    validate_request("POST", f"{TEMPLATES}/delivery-slot/relaunchValidation", body)
    assert api.post(f"{TEMPLATES}/delivery-slot/relaunchValidation", **body) is None
    template = api.get(f"{TEMPLATES}/delivery-slot")
    assert (template["description"], template["message"], template["status"]) == (
        "Delivery windows",
        "Parcel #VALUE# arrives #VALUE#.",
        "waitingValidation",
    )
    with pytest.raises(ovh_errors.BadParametersError, match="Missing description"):
        api.post(f"{TEMPLATES}/delivery-slot/relaunchValidation", message="Hello")


BAD_TEMPLATES = [
    (
        {"name": "x", "message": "Hi"},
        "Missing activity. Send an object with activity, message, name",
    ),
    (
        {**NEW, "activity": "marketing"},
        "Invalid activity 'marketing': one of alerting, authentification, transactional",
    ),
    ({**NEW, "message": 42}, "Invalid message 42: a text"),
    ({**NEW, "name": "  "}, "a template's name, not blank"),
]


def test_bad_template_bodies_are_400s_that_say_what_is_accepted(api):
    for body, says in BAD_TEMPLATES:
        with pytest.raises(ovh_errors.BadParametersError, match=says):
            api.post(TEMPLATES, **body)
    with pytest.raises(ovh_errors.BadParametersError, match="one of alerting"):
        api.put(f"{TEMPLATES}/otp-code", activity="spam")
    assert api.get(TEMPLATES) == ["otp-code", "delivery-slot"]


def test_a_deleted_template_is_gone(api):
    assert api.delete(f"{TEMPLATES}/otp-code") is None
    assert api.get(TEMPLATES) == ["delivery-slot"]
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{TEMPLATES}/otp-code")
    assert caught.value.response.json() == {
        "class": "Client::NotFound",
        "message": "The requested object (name = otp-code) does not exist",
    }
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.post(f"{TEMPLATES}/otp-code/relaunchValidation", description="d", message="m")


def test_another_customers_templates_do_not_exist(other_api):
    for path in (TEMPLATES, f"{TEMPLATES}/otp-code"):
        with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
            other_api.get(path)
        assert caught.value.response.json()["message"] == "This service does not exist"
