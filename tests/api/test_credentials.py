"""Consumer keys, end to end on the simulator over HTTP: request one, wait for its validation
(opening the URL validates it there), use it, revoke it."""

from __future__ import annotations

from dataclasses import replace

import pytest
import requests

from smpp_tui.api import Gateway
from smpp_tui.api.credentials import (
    REGIONS,
    poll_validation,
    request_credential,
    revoke,
)
from smpp_tui.api.errors import Forbidden, InvalidCredentials, InvalidResponse, ServerError
from smpp_tui.api.models import AccessRule
from smpp_tui.simulator import NOT_CREDENTIAL, Fault, parse_fault


@pytest.fixture
def application(customers):
    return customers[0].application


RULES = (
    AccessRule("GET", "/auth/currentCredential"),
    AccessRule("POST", "/auth/logout"),
    AccessRule("GET", "/sms"),
)


def ask(sim, application, **options):
    return request_credential(sim.endpoint, application.key, application.secret, RULES, **options)


def validate(request) -> None:
    assert requests.get(request.validation_url, timeout=5).status_code == 200


def connected(request) -> Gateway:
    return Gateway.connect(request.endpoint, request.credentials, timeout=(2, 5))


def test_a_new_key_works_once_validated_with_exactly_the_rights_asked(sim, application):
    request = ask(sim, application)
    assert request.validation_url.startswith(sim.url)
    assert "secret" not in repr(request)
    assert request.consumer_key not in repr(request)
    assert poll_validation(request) is False  # 403 INVALID_CREDENTIAL: not yet
    validate(request)
    assert poll_validation(request) is True
    credential = connected(request).current_credential()
    assert credential.status == "validated"
    assert credential.rules == RULES
    gateway = connected(request)
    assert "smpp-dc12345-1" in gateway.account_names()
    assert gateway.current_credential().credential_id == credential.credential_id


def test_not_credential_also_means_not_yet(sim, application):
    sim.policy.pending_error = NOT_CREDENTIAL
    request = ask(sim, application)
    assert poll_validation(request) is False
    validate(request)
    assert poll_validation(request) is True


def test_other_errors_while_waiting_are_raised(sim, application):
    request = ask(sim, application)
    sim.inject(parse_fault("GET /auth/currentCredential status=503"))
    with pytest.raises(ServerError):
        poll_validation(request)


def test_a_key_bound_to_ip_blocks(sim, application):
    here = ask(sim, application, allowed_ips=["127.0.0.0/8"])
    validate(here)
    assert poll_validation(here) is True
    assert connected(here).current_credential().allowed_ips == ("127.0.0.0/8",)
    elsewhere = ask(sim, application, allowed_ips=["192.0.2.0/24"])
    validate(elsewhere)
    with pytest.raises(Forbidden):
        poll_validation(elsewhere)


def test_an_unknown_application_key_is_refused(sim):
    with pytest.raises(InvalidCredentials, match="does not know this application key"):
        request_credential(sim.endpoint, "nope", "nope", RULES)


def test_an_answer_past_the_check_of_the_key_means_validated_even_unreadable(sim, application):
    request = ask(sim, application)
    validate(request)
    for nonsense in (Fault("nested", 100_000), Fault("text", body="{")):
        fault = sim.inject(replace(nonsense, path="/auth/currentCredential", times=1))
        assert poll_validation(request) is True
        assert fault.hits == 1


def test_nonsense_before_the_key_is_checked_is_no_validation(sim, application):
    request = ask(sim, application)
    validate(request)
    sim.inject(Fault("nested", 100_000, path="/auth/time"))  # unsigned: it proves nothing
    with pytest.raises(InvalidResponse, match="answered nonsense to GET /auth/time"):
        poll_validation(request)


def test_revoking_a_key_stops_it_at_once(sim, application):
    request = ask(sim, application)
    validate(request)
    revoke(request)
    assert sim.world.credentials[request.consumer_key].status == "expired"
    with pytest.raises(InvalidCredentials):
        connected(request).me()


def test_each_region_says_where_to_create_an_application():
    assert {region.endpoint: region.create_app_url for region in REGIONS} == {
        "ovh-eu": "https://eu.api.ovh.com/createApp/",
        "ovh-ca": "https://ca.api.ovh.com/createApp/",
        "ovh-us": "https://api.us.ovhcloud.com/createApp/",
    }
