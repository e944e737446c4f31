"""The simulator's authentication, as OVHcloud does it: every auth error, through an unmodified
`ovh.Client` and through hand-signed requests.
"""

from __future__ import annotations

import dataclasses

import ovh
import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator import NOT_CREDENTIAL, DemoKeys, GatePolicy, Simulator, build_demo_world
from tests.handsigned import sign, signed

INVALID_SIGNATURE = {
    "errorCode": "INVALID_SIGNATURE",
    "httpCode": "400 Bad Request",
    "message": "Invalid signature",
}


def hand(sim, keys, method="GET", path="/me", **options):
    credentials = dataclasses.asdict(keys)
    credentials.update({k: options.pop(k) for k in list(options) if k in credentials})
    return signed(method, sim.endpoint + path, **credentials, **options)


def test_a_signed_request_reaches_me(sim, keys):
    response = hand(sim, keys)
    assert response.status_code == 200
    assert response.json()["email"] == "ops@example.com"


def test_the_unmodified_client_works_with_demo_keys(client):
    assert client.get("/me")["nichandle"] == "dc12345-ovh"
    assert client.get("/v1/me")["nichandle"] == "dc12345-ovh"


def test_each_customer_sees_only_itself(make_client, customers):
    second = customers[1].keys
    other = make_client(
        application_key=second.application_key,
        application_secret=second.application_secret,
        consumer_key=second.consumer_key,
    )
    assert other.get("/me")["email"] == "jules.martin@example.org"


def test_a_wrong_secret_gets_invalid_signature(sim, keys, make_client):
    with pytest.raises(ovh_errors.BadParametersError) as raised:
        make_client(application_secret="not-the-secret").get("/me")
    assert raised.value.response.status_code == 400
    assert raised.value.response.json() == INVALID_SIGNATURE
    assert hand(sim, keys, application_secret="nope").json() == INVALID_SIGNATURE


def test_the_signature_covers_the_raw_body(sim, keys):
    body, tampered = '{"reason":"rotation"}', '{"reason":"rotation" }'
    response = hand(sim, keys, "POST", "/auth/logout", body=body, sent_body=tampered)
    assert response.json() == INVALID_SIGNATURE
    response = hand(sim, keys, "POST", "/auth/logout", body=body)
    assert response.status_code == 200
    assert response.content == b"null", "a void operation answers null"


def test_the_signature_covers_the_query_string(sim, keys):
    timestamp = int(sim.world.now())
    url = sim.endpoint + "/me"
    headers = {
        "X-Ovh-Application": keys.application_key,
        "X-Ovh-Consumer": keys.consumer_key,
        "X-Ovh-Timestamp": str(timestamp),
        "X-Ovh-Signature": _signature(keys, "GET", url, timestamp),
    }
    assert requests.get(url, headers=headers, timeout=5).status_code == 200
    response = requests.get(url + "?x=1", headers=headers, timeout=5)
    assert response.json() == INVALID_SIGNATURE


def test_a_stale_timestamp_is_out_of_time(sim, keys):
    response = hand(sim, keys, timestamp=int(sim.world.now()) - 3600)
    assert response.status_code == 400
    assert response.json()["errorCode"] == "QUERY_TIME_OUT"


def test_the_client_follows_the_server_clock(sim, make_client):
    sim.world.time_offset = 7200  # the server's clock is two hours ahead of ours
    assert make_client().get("/me")["nichandle"] == "dc12345-ovh"


def test_an_unknown_application_key_is_invalid_key(make_client):
    with pytest.raises(ovh_errors.InvalidKey) as raised:
        make_client(application_key="unknownAppKey123").get("/me")
    assert raised.value.response.json() == {
        "errorCode": "INVALID_KEY",
        "httpCode": "403 Forbidden",
        "message": "This application key is invalid",
    }


def test_a_call_without_keys_must_log_in(sim):
    response = requests.get(sim.endpoint + "/me", timeout=5)
    assert response.status_code == 401
    assert response.json() == {"class": "Client::Unauthorized", "message": "You must login first"}


@pytest.mark.parametrize("state", ["unknown", "refused", "expired", "pending", "logged out"])
def test_unusable_consumer_keys_are_invalid_credential(sim, keys, make_client, state):
    consumer_key = _consumer_key_in_state(sim, keys, state, make_client)
    with pytest.raises(ovh_errors.InvalidCredential) as raised:
        make_client(consumer_key=consumer_key).get("/me")
    assert raised.value.response.json() == {
        "errorCode": "INVALID_CREDENTIAL",
        "httpCode": "403 Forbidden",
        "message": "This credential is not valid",
    }


def test_a_pending_key_can_answer_not_credential(keys):
    world, _ = build_demo_world()
    with Simulator(world, policy=GatePolicy(pending_error=NOT_CREDENTIAL)) as sim:
        pending = _fresh_keys(sim, validate=False)
        response = hand(sim, pending)
    assert response.status_code == 403
    assert response.json()["errorCode"] == "NOT_CREDENTIAL"


def test_a_key_of_another_application_is_invalid(sim, keys, customers):
    other = customers[1].keys
    response = hand(sim, keys, consumer_key=other.consumer_key)
    assert response.json()["errorCode"] == "INVALID_CREDENTIAL"


def test_a_key_limited_to_get_me_is_not_granted_elsewhere(sim, make_client):
    limited = _fresh_keys(sim, rules=[{"method": "GET", "path": "/me"}])
    client = make_client(**dataclasses.asdict(limited))
    assert client.get("/me")["nichandle"] == "dc12345-ovh"
    for call in (
        lambda: client.get("/auth/currentCredential"),
        lambda: client.get("/sms"),
        lambda: client.put("/sms/smpp-dc12345-1/smpp/allowedIPs", action="add", ips=["192.0.2.1"]),
        lambda: client.post("/auth/logout"),
    ):
        with pytest.raises(ovh_errors.NotGrantedCall) as raised:
            call()
        assert raised.value.response.json() == {
            "errorCode": "NOT_GRANTED_CALL",
            "httpCode": "403 Forbidden",
            "message": "This call has not been granted",
        }


def test_a_key_bound_to_other_ips_is_forbidden_here(sim, make_client):
    elsewhere = _fresh_keys(sim, allowed_ips=["192.0.2.0/24"])
    with pytest.raises(ovh_errors.Forbidden):
        make_client(**dataclasses.asdict(elsewhere)).get("/me")
    here = _fresh_keys(sim, allowed_ips=["127.0.0.0/8"])
    assert make_client(**dataclasses.asdict(here)).get("/me")


def test_the_validation_flow(sim, make_client):
    client = make_client(consumer_key=None)
    request = client.new_consumer_key_request()
    request.add_rules(ovh.API_READ_ONLY, "/me")
    request.add_rules(ovh.API_READ_ONLY, "/auth/currentCredential")
    request.add_recursive_rules(ovh.API_READ_WRITE, "/sms")
    answer = request.request(allowedIPs=["127.0.0.1/32"])
    assert answer["state"] == "pendingValidation"
    assert answer["validationUrl"].startswith(sim.url + "/auth/?credentialToken=")

    waiting = make_client(consumer_key=answer["consumerKey"])
    with pytest.raises(ovh_errors.InvalidCredential):
        waiting.get("/me")

    page = requests.get(answer["validationUrl"], timeout=5)
    assert page.status_code == 200
    assert "Credential validated" in page.text

    assert waiting.get("/me")["nichandle"] == "dc12345-ovh"
    credential = waiting.get("/auth/currentCredential")
    assert credential["status"] == "validated"
    assert credential["allowedIPs"] == ["127.0.0.1/32"]
    assert {"method": "PUT", "path": "/sms/*"} in credential["rules"]
    assert {"method": "GET", "path": "/sms"} in credential["rules"]
    assert credential["lastUse"] is not None


def test_an_unknown_validation_token_is_a_404_page(sim):
    page = requests.get(sim.url + "/auth/?credentialToken=nope", timeout=5)
    assert page.status_code == 404
    assert page.headers["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "accessRules is required"),
        ({"accessRules": [{"method": "FETCH", "path": "/me"}]}, "method must be one of"),
        ({"accessRules": [{"method": "GET", "path": "me"}]}, "path must be a string"),
        (
            {"accessRules": [{"method": "GET", "path": "/me"}], "allowedIPs": ["nope"]},
            "Invalid IP block",
        ),
    ],
)
def test_a_bad_credential_request_is_a_400(make_client, body, message):
    client = make_client(consumer_key=None)
    with pytest.raises(ovh_errors.BadParametersError, match=message):
        client.post("/auth/credential", _need_auth=False, **body)


def test_a_credential_request_needs_a_known_application(make_client):
    with pytest.raises(ovh_errors.InvalidKey):
        make_client(application_key="unknownAppKey123").request_consumerkey(
            [{"method": "GET", "path": "/me"}]
        )


def test_applications_can_be_registered_with_random_secrets(sim, customers):
    one = sim.world.register_application(customers[0].customer)
    two = sim.world.register_application(customers[0].customer)
    assert one.secret != two.secret
    assert len(one.secret) == 32
    assert len(one.key) == 16


def _signature(keys, method, url, timestamp, body=""):
    return sign(keys.application_secret, keys.consumer_key, method, url, body, timestamp)


def _fresh_keys(sim, rules=None, allowed_ips=None, validate=True) -> DemoKeys:
    """A new application and consumer key of the first demo customer."""
    customer = next(iter(sim.world.customers.values()))
    application = sim.world.register_application(customer)
    rules = rules or [{"method": m, "path": "/*"} for m in ("GET", "POST", "PUT", "DELETE")]
    credential = sim.world.request_credential(application, rules, allowed_ips)
    if validate:
        sim.world.validate(credential)
    return DemoKeys(application.key, application.secret, credential.consumer_key)


def _consumer_key_in_state(sim, keys, state, make_client):
    if state == "unknown":
        return "unknownConsumerKey00000000000000"
    application = sim.world.applications[keys.application_key]
    rules = [{"method": "GET", "path": "/*"}, {"method": "POST", "path": "/auth/logout"}]
    credential = sim.world.request_credential(application, rules)
    if state == "refused":
        sim.world.refuse(credential)
    elif state == "expired":
        sim.world.validate(credential, lifetime=60)
        sim.world.time_offset = 120
    elif state == "logged out":
        sim.world.validate(credential)
        make_client(consumer_key=credential.consumer_key).post("/auth/logout")
    return credential.consumer_key
