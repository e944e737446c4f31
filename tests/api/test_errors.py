"""Every failure becomes one of the app's errors, with a message a user understands."""

from __future__ import annotations

import socket
import threading
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import ovh
import ovh.exceptions
import pytest

from smpp_tui.api import Gateway, errors
from smpp_tui.api.connection import ApplicationKey
from smpp_tui.api.routes import route
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
    assert str(raised.value) == (
        "OVHcloud refused this call: this API key may not call POST /auth/logout"
    )
    assert (raised.value.method, raised.value.pattern) == ("POST", "/auth/logout")


def test_not_granted_pattern_hides_the_pieces(sim, gateway, sent):
    body = {"errorCode": "NOT_GRANTED_CALL", "httpCode": "403 Forbidden", "message": "no"}
    sim.inject(Fault("status", 403, body=body, path="/sms/*"))
    with pytest.raises(errors.NotGranted) as raised:
        gateway.add_allowed_ips("smpp-ab 12+/x", ["192.0.2.1"])
    assert str(raised.value) == (
        "OVHcloud refused this call: this API key may not call PUT /sms/*/smpp/allowedIPs"
    )
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


@pytest.mark.parametrize("fault", [Fault("latency", 1), Fault("slow", 1)])
def test_reached_but_too_slow_says_the_seconds(sim, make_gateway, fault):
    # Late headers (a ReadTimeout) or a body that stalls (a ConnectionError for `requests`).
    gateway = make_gateway(timeout=(2, 0.2))
    gateway.me()
    sim.inject(replace(fault, path="/me", times=1))
    with pytest.raises(errors.TimedOut) as raised:
        gateway.me()
    assert str(raised.value) == "OVHcloud was reached but is too slow: nothing came for 0.2 s"
    assert raised.value.seconds == 0.2


def test_a_host_that_never_accepts_the_connection_was_never_reached(keys):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        host, port = listener.getsockname()
        # A full backlog: the next connection is never accepted (its SYN goes unanswered).
        waiting = [socket.socket() for _ in range(3)]
        for one in waiting:
            one.setblocking(False)
            one.connect_ex((host, port))
        gateway = Gateway.connect(f"http://{host}:{port}/1.0", credentials(keys), timeout=(0.3, 5))
        with pytest.raises(errors.Unreachable) as raised:
            gateway.me()
        for one in waiting:
            one.close()
    assert str(raised.value) == (
        f"OVHcloud could not be reached at {host}:{port}: no connection within 0.3 s"
    )


def test_slow_answer_that_is_not_the_model_is_invalid(sim, gateway):
    gateway.me()
    sim.inject(Fault("slow", 0.2, path="/me"))
    with pytest.raises(errors.InvalidResponse, match="customer account has no nichandle"):
        gateway.me()


def test_a_closed_port_was_never_reached(sim, keys):
    url, where = sim.endpoint, f"127.0.0.1:{sim.port}"
    sim.stop()
    gateway = Gateway.connect(url, credentials(keys), timeout=(0.5, 0.5))
    with pytest.raises(errors.Unreachable) as raised:
        gateway.me()
    assert str(raised.value) == f"OVHcloud could not be reached at {where}: connection refused"


def test_a_connection_closed_without_an_answer_says_so(sim, gateway):
    gateway.me()
    sim.inject(Fault("drop", path="/me", times=1))
    with pytest.raises(errors.Unreachable) as raised:
        gateway.me()
    assert str(raised.value) == (
        f"OVHcloud at 127.0.0.1:{sim.port} closed the connection without answering"
    )


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


@pytest.mark.parametrize(
    ("retry_after", "seconds", "words"),
    [
        ("7", 7.0, ", for 7 s"),
        ("1e308", 300.0, ", for 300 s"),
        ("nan", None, ""),
        ("soon", None, ""),
    ],
)
def test_a_rate_limit_says_to_slow_down(sim, gateway, monkeypatch, retry_after, seconds, words):
    def too_many(fault: Fault) -> Reply:
        return Reply({"message": "Too many"}, 429, {"Retry-After": retry_after})

    monkeypatch.setattr(server, "_fault_reply", too_many)
    gateway.me()
    sim.inject(Fault("status", 429, path="/me"))
    with pytest.raises(errors.RateLimited) as raised:
        gateway.me()
    assert str(raised.value) == f"OVHcloud asks to slow down (HTTP 429: too many requests{words})"
    assert raised.value.retry_after == seconds  # a wait too long to honour is cut to 5 min


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
    with pytest.raises(errors.InvalidResponse) as raised:
        gateway.me()
    assert str(raised.value) == (
        "OVHcloud answered nonsense to GET /me: not JSON (HTTP 200, text/html)"
    )


@pytest.mark.parametrize(
    ("fault", "why"),
    [
        (Fault("nested", 100_000), "nested deeper than 64 levels"),  # a RecursionError once
        (Fault("nested", 65), "nested deeper than 64 levels"),
        (Fault("text", body='{"nichandle": "dc1'), "not JSON"),
        (Fault("huge", 21), "larger than 20 MB"),
    ],
)
def test_nonsense_is_refused_in_words(sim, gateway, fault, why):
    gateway.me()
    sim.inject(replace(fault, path="/me", times=1))
    with pytest.raises(errors.InvalidResponse) as raised:
        gateway.me()
    assert str(raised.value) == (
        f"OVHcloud answered nonsense to GET /me: {why} (HTTP 200, application/json)"
    )
    assert (raised.value.status, raised.value.query_id[:9]) == (200, "EU.sim-1.")
    assert gateway.me().nichandle == "dc12345-ovh", "the next answer is read as usual"


def test_what_is_within_the_limits_is_read(sim, gateway):
    # 64 levels, and a list of 100,000 ids (the largest answer the app asks for) pass.
    gateway.me()
    sim.inject(Fault("nested", 64, path="/me", times=1))
    with pytest.raises(errors.InvalidResponse, match="sent list where customer account"):
        gateway.me()
    ids = list(range(10**9, 10**9 + 100_000))
    sim.inject(Fault("status", 200, path="/sms/*/outgoing", body=ids, times=1))
    assert len(gateway.connection.request("GET", route("/sms/{}/outgoing", "x")).body) == 100_000


def test_a_huge_answer_is_not_read_whole(sim, gateway):
    gateway.me()
    sim.inject(Fault("huge", 200, path="/me", times=1))
    tracemalloc.start()
    try:
        with pytest.raises(errors.InvalidResponse, match="larger than 20 MB"):
            gateway.me()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 2**20  # read up to the limit (and joined once), not 200 MB


def test_a_400_to_a_read_names_no_values_sent(sim, gateway):
    gateway.me()
    sim.inject(Fault("status", 400, body={"message": "Invalid path"}, times=2))
    with pytest.raises(errors.BadRequest) as read:
        gateway.me()
    with pytest.raises(errors.BadRequest) as written:
        gateway.add_allowed_ips("smpp-dc12345-1", ["192.0.2.1"])
    assert str(read.value) == "OVHcloud refused GET /me: Invalid path"
    assert str(written.value) == (
        "OVHcloud refused the values sent to PUT /sms/*/smpp/allowedIPs: Invalid path"
    )


def test_what_ovhcloud_says_is_quoted_clean_and_short(sim, gateway):
    gateway.me()
    said = "\x1b]52;c;aGk=\x07Bad\x1b[2J value\x85 " + "x" * 1000
    sim.inject(Fault("status", 404, path="/me", body={"message": said}, times=1))
    with pytest.raises(errors.NotFound) as raised:
        gateway.me()
    message = str(raised.value)
    assert message.startswith("OVHcloud found nothing at GET /me: Bad value\ufffd xxx")
    assert message.endswith("x…")
    assert len(message) == len("OVHcloud found nothing at GET /me: ") + 300
