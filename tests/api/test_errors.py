"""Every failure becomes one of the app's errors, with a message a user understands."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import ovh
import ovh.exceptions
import pytest

from smpp_tui.api import errors
from smpp_tui.api.connection import ApplicationKey
from smpp_tui.simulator import NOT_CREDENTIAL, Fault, server
from smpp_tui.simulator.router import Reply

from .conftest import credentials

# The fault, the exception the unmodified `ovh` client raises for it, the app's error.
FAULTS = [
    (Fault("status", 400), ovh.exceptions.BadParametersError, errors.BadRequest),
    (Fault("status", 404), ovh.exceptions.ResourceNotFoundError, errors.NotFound),
    (Fault("status", 409), ovh.exceptions.ResourceConflictError, errors.Conflict),
    (Fault("status", 460), ovh.exceptions.ResourceExpiredError, errors.Expired),
    (Fault("status", 401), ovh.exceptions.APIError, errors.InvalidCredentials),
    (Fault("status", 429), ovh.exceptions.APIError, errors.RateLimited),
    (Fault("status", 500), ovh.exceptions.APIError, errors.ServerError),
    (Fault("status", 503), ovh.exceptions.APIError, errors.ServerError),
    (Fault("rate", 1.0), ovh.exceptions.APIError, errors.ServerError),
    (Fault("html"), ovh.exceptions.InvalidResponse, errors.ServerError),
    (Fault("drop"), ovh.exceptions.HTTPError, errors.Unreachable),
    (Fault("list"), AttributeError, errors.BadRequest),
]
AUTH_CODES = [
    ("NOT_GRANTED_CALL", ovh.exceptions.NotGrantedCall, errors.NotGranted),
    ("NOT_CREDENTIAL", ovh.exceptions.NotCredential, errors.InvalidCredentials),
    ("INVALID_KEY", ovh.exceptions.InvalidKey, errors.InvalidCredentials),
    ("INVALID_CREDENTIAL", ovh.exceptions.InvalidCredential, errors.InvalidCredentials),
    ("FORBIDDEN", ovh.exceptions.Forbidden, errors.Forbidden),
]


def _fault_on_me(sim, fault: Fault) -> None:
    fault.method, fault.path = "GET", "/me"
    sim.inject(fault)


@pytest.mark.parametrize(("fault", "ovh_error", "app_error"), FAULTS)
def test_each_fault_maps_to_an_app_error(sim, client, gateway, fault, ovh_error, app_error):
    client.get("/me")  # the ovh client's clock is fetched before the fault
    gateway.me()
    _fault_on_me(sim, fault)
    with pytest.raises(ovh_error):
        client.get("/me")
    with pytest.raises(app_error) as raised:
        gateway.me()
    error = raised.value
    assert isinstance(error, errors.ApiError)
    assert str(error)
    assert "Traceback" not in str(error)
    if fault.effect != "drop":
        assert error.query_id
        assert error.query_id.startswith("EU.sim-1.")


@pytest.mark.parametrize(("code", "ovh_error", "app_error"), AUTH_CODES)
def test_each_auth_code_maps_to_an_app_error(sim, client, gateway, code, ovh_error, app_error):
    client.get("/me")
    gateway.me()
    body = {"errorCode": code, "httpCode": "403 Forbidden", "message": "Refused"}
    _fault_on_me(sim, Fault("status", 403, body=body))
    with pytest.raises(ovh_error):
        client.get("/me")
    with pytest.raises(app_error) as raised:
        gateway.me()
    assert raised.value.code == code
    assert raised.value.status == 403


def test_not_granted_names_the_method_and_route(sim, customers, make_gateway):
    owner = customers[0]
    limited = sim.world.issue_credential(owner.application, [{"method": "GET", "path": "/me"}])
    gateway = make_gateway(
        credentials=ApplicationKey(
            owner.keys.application_key, owner.keys.application_secret, limited.consumer_key
        )
    )
    assert gateway.me().nichandle == owner.customer.nichandle
    with pytest.raises(errors.NotGranted) as raised:
        gateway.logout()
    assert str(raised.value) == "this API key may not call POST /auth/logout"
    assert (raised.value.method, raised.value.pattern) == ("POST", "/auth/logout")


def test_not_granted_pattern_hides_the_pieces(sim, gateway, sent):
    body = {"errorCode": "NOT_GRANTED_CALL", "httpCode": "403 Forbidden", "message": "no"}
    sim.inject(Fault("status", 403, body=body, path="/sms/*"))
    with pytest.raises(errors.NotGranted) as raised:
        gateway.add_allowed_ips("smpp-ab 12+/x", ["192.0.2.1"])
    assert str(raised.value) == "this API key may not call PUT /sms/*/smpp/allowedIPs"
    assert sent[-1] == (
        "PUT",
        "/sms/smpp-ab%2012%2B%2Fx/smpp/allowedIPs",
        {"action": "add", "ips": ["192.0.2.1"]},
    )


def _wrong_secret(keys, make_gateway):
    return make_gateway(
        credentials=ApplicationKey(keys.application_key, "wrong-secret-value", keys.consumer_key)
    )


# What the simulator received: it records each request before its answer leaves.
def _paths(sent, since: int = 0) -> list[str]:
    return [path for _, path, _ in sent[since:]]


def test_wrong_secret_is_not_retried_when_the_clock_has_not_moved(keys, make_gateway, sent):
    gateway = _wrong_secret(keys, make_gateway)
    with pytest.raises(errors.InvalidCredentials) as raised:
        gateway.me()
    assert raised.value.code == "INVALID_SIGNATURE"
    assert "application secret may be wrong" in str(raised.value)
    assert "wrong-secret-value" not in str(raised.value) + repr(raised.value)
    # The first delta, the call, one re-sync that finds the same clock, and no retry.
    assert _paths(sent) == ["/auth/time", "/me", "/auth/time"]
    since = len(sent)
    for _ in range(3):
        with pytest.raises(errors.InvalidCredentials):
            gateway.me()
    assert _paths(sent, since) == ["/me"] * 3  # no re-sync on every poll
    assert gateway.connection.resyncs == 1


def test_concurrent_refusals_resync_once(keys, make_gateway, sent):
    gateway = _wrong_secret(keys, make_gateway)
    start = threading.Barrier(8)

    def poll(_: int) -> type:
        start.wait()
        try:
            gateway.me()
        except errors.ApiError as error:
            return type(error)
        return type(None)

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(poll, range(8))) == {errors.InvalidCredentials}
    paths = _paths(sent)
    assert paths.count("/auth/time") == 2  # the first delta, then one forced re-sync
    assert paths.count("/me") == 8  # no retries
    assert gateway.connection.resyncs == 1


def test_pending_consumer_key_is_invalid_credentials(sim, customers, make_gateway):
    owner = customers[0]
    pending = sim.world.request_credential(owner.application, [{"method": "GET", "path": "/*"}])
    for policy in ("INVALID_CREDENTIAL", NOT_CREDENTIAL):
        sim.policy.pending_error = policy
        gateway = make_gateway(
            credentials=ApplicationKey(
                owner.keys.application_key, owner.keys.application_secret, pending.consumer_key
            )
        )
        with pytest.raises(errors.InvalidCredentials) as raised:
            gateway.me()
        assert raised.value.code == policy
        assert pending.consumer_key not in str(raised.value)


def test_timeout_says_the_seconds(sim, make_gateway):
    gateway = make_gateway(timeout=(2, 0.2))
    gateway.me()
    sim.inject(Fault("latency", 1, path="/me", times=1))
    with pytest.raises(errors.TimedOut) as raised:
        gateway.me()
    assert str(raised.value) == "OVHcloud did not answer in 0.2 s"
    assert raised.value.seconds == 0.2


def test_slow_answer_that_is_not_the_model_is_invalid(sim, gateway):
    gateway.me()
    sim.inject(Fault("slow", 0.2, path="/me"))
    with pytest.raises(errors.InvalidResponse, match="customer account has no nichandle"):
        gateway.me()


def test_unreachable_server(sim, keys):
    from smpp_tui.api import Gateway

    url = sim.endpoint
    sim.stop()
    gateway = Gateway.connect(url, credentials(keys), timeout=(0.5, 0.5))
    with pytest.raises(errors.Unreachable, match="OVHcloud could not be reached"):
        gateway.me()


def test_time_is_resynchronised_once_when_the_clock_jumps(sim, gateway, sent):
    gateway.me()
    sim.world.time_offset = 3600
    since = len(sent)
    assert gateway.me().email
    assert gateway.connection.resyncs == 1
    assert _paths(sent, since) == ["/me", "/auth/time", "/me"]  # refused, re-synced, retried
    since = len(sent)
    assert gateway.me().email
    assert _paths(sent, since) == ["/me"]


def test_concurrent_refusals_after_a_clock_jump_resync_once(sim, gateway, sent):
    gateway.me()
    sim.world.time_offset = 3600
    since = len(sent)
    start = threading.Barrier(8)

    def poll(_: int) -> str:
        start.wait()
        return gateway.me().email

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(poll, range(8)))
    assert _paths(sent, since).count("/auth/time") == 1  # the others retried with its delta
    assert gateway.connection.resyncs == 1


def test_clock_still_out_of_sync_after_the_retry(sim, gateway):
    gateway.me()
    sim.world.time_offset = 3600
    sim.inject(Fault("status", 200, path="/auth/time", body=0))  # a server clock gone wrong
    with pytest.raises(errors.ClockOutOfSync):
        gateway.me()


def test_server_time_not_a_number_is_invalid(sim, gateway):
    sim.inject(Fault("status", 200, path="/auth/time", body="noon"))
    with pytest.raises(errors.InvalidResponse, match="/auth/time"):
        gateway.me()


def test_read_only_refuses_writes_before_sending(sim, make_gateway):
    gateway = make_gateway(read_only=True)
    before = len(sim.exchanges)
    with pytest.raises(errors.ReadOnlyRefused, match="read-only"):
        gateway.add_allowed_ips("smpp-x", ["192.0.2.1"])
    with pytest.raises(errors.ReadOnlyRefused):
        gateway.regenerate_password("smpp-x")
    assert len(sim.exchanges) == before


def test_error_repr_and_messages_carry_no_secret(sim, keys, gateway):
    sim.inject(Fault("status", 500))
    with pytest.raises(errors.ServerError) as raised:
        gateway.me()
    text = str(raised.value) + repr(raised.value)
    for secret in (keys.application_secret, keys.consumer_key):
        assert secret not in text
    assert keys.application_secret not in repr(credentials(keys))
    assert keys.consumer_key not in repr(credentials(keys))


def test_proxy_html_page_is_a_server_error(sim, gateway):
    gateway.me()
    sim.inject(Fault("html", path="/me"))
    with pytest.raises(errors.ServerError, match="HTTP 502") as raised:
        gateway.me()
    assert raised.value.status == 502
    assert raised.value.query_id


def test_non_json_rate_limit_keeps_retry_after(sim, gateway, monkeypatch):
    def plain_429(fault: Fault) -> Reply:
        return Reply("Too Many Requests", 429, {"Retry-After": "7"}, content_type="text/plain")

    monkeypatch.setattr(server, "_fault_reply", plain_429)
    gateway.me()
    sim.inject(Fault("status", 429, path="/me"))
    with pytest.raises(errors.RateLimited) as raised:
        gateway.me()
    assert (raised.value.retry_after, raised.value.status) == (7.0, 429)


def test_non_json_success_is_still_invalid(sim, gateway, monkeypatch):
    def plain_200(fault: Fault) -> Reply:
        return Reply("<html>OK</html>", 200, content_type="text/html")

    monkeypatch.setattr(server, "_fault_reply", plain_200)
    gateway.me()
    sim.inject(Fault("status", 200, path="/me"))
    with pytest.raises(errors.InvalidResponse, match="cannot read"):
        gateway.me()
