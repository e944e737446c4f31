"""The connect flow's calls, end to end on the simulator over HTTP: request a consumer key,
wait for its validation (opening the URL validates it there), save it, use it, revoke it."""

from __future__ import annotations

import pytest
import requests

from smpp_tui.api.errors import Forbidden, InvalidCredentials, ServerError
from smpp_tui.config import config_path, edit_config, load_config, with_profile
from smpp_tui.connect import (
    REGIONS,
    current_credential,
    poll_validation,
    request_credential,
    required_rules,
    revoke,
)
from smpp_tui.profiles import choose_profile, resolve
from smpp_tui.simulator import NOT_CREDENTIAL, parse_fault


@pytest.fixture
def application(customers):
    return customers[0].application


def ask(sim, application, **options):
    return request_credential(sim.endpoint, application.key, application.secret, **options)


def validate(request) -> None:
    assert requests.get(request.validation_url, timeout=5).status_code == 200


def test_a_new_key_is_saved_as_a_working_profile(sim, application):
    request = ask(sim, application)
    assert request.validation_url.startswith(sim.url)
    assert "secret" not in repr(request)
    assert request.consumer_key not in repr(request)
    assert poll_validation(request) is None  # 403 INVALID_CREDENTIAL: not yet
    validate(request)
    credential = poll_validation(request)
    assert credential.status == "validated"
    assert credential.rules == required_rules()
    path = config_path()
    edit_config(path, lambda config: with_profile(config, request.profile("work"), default=True))
    profile = choose_profile(load_config(path))
    assert profile.name == "work"
    gateway = resolve(profile).connect((2, 5))
    assert "smpp-dc12345-1" in gateway.account_names()
    assert current_credential(gateway).credential_id == credential.credential_id


def test_not_credential_also_means_not_yet(sim, application):
    sim.policy.pending_error = NOT_CREDENTIAL
    request = ask(sim, application)
    assert poll_validation(request) is None
    validate(request)
    assert poll_validation(request).status == "validated"


def test_other_errors_while_waiting_are_raised(sim, application):
    request = ask(sim, application)
    sim.inject(parse_fault("GET /auth/currentCredential status=503"))
    with pytest.raises(ServerError):
        poll_validation(request)


def test_a_key_bound_to_ip_blocks(sim, application):
    here = ask(sim, application, allowed_ips=["127.0.0.0/8"])
    validate(here)
    assert poll_validation(here).allowed_ips == ("127.0.0.0/8",)
    elsewhere = ask(sim, application, allowed_ips=["192.0.2.0/24"])
    validate(elsewhere)
    with pytest.raises(Forbidden):
        poll_validation(elsewhere)


def test_an_unknown_application_key_is_refused(sim):
    with pytest.raises(InvalidCredentials, match="does not know this application key"):
        request_credential(sim.endpoint, "nope", "nope")


def test_revoking_a_key_stops_it_at_once(sim, application):
    request = ask(sim, application)
    validate(request)
    gateway = resolve(request.profile("work")).connect((2, 5))
    revoke(gateway)
    with pytest.raises(InvalidCredentials):
        gateway.me()


def test_each_region_says_where_to_create_an_application():
    assert {region.endpoint: region.create_app_url for region in REGIONS} == {
        "ovh-eu": "https://eu.api.ovh.com/createApp/",
        "ovh-ca": "https://ca.api.ovh.com/createApp/",
        "ovh-us": "https://api.us.ovhcloud.com/createApp/",
    }
