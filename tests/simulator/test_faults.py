"""Fault injection, seen through an unmodified `ovh.Client` (and `requests` where the client
cannot show the raw answer)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator import Fault, parse_fault


def test_latency_delays_answers_past_a_short_timeout(sim, make_client):
    sim.inject(Fault("latency", 0.5, path="/me"))
    with pytest.raises(ovh_errors.HTTPError):
        make_client(timeout=(1, 0.1)).get("/me")
    assert make_client().get("/auth/currentCredential"), "other routes are not delayed"


def test_a_late_answer_tells_what_was_true_when_it_was_asked(sim, make_client):
    path = "/sms/smpp-dc12345-1/smpp/allowedIPs"
    sim.inject(Fault("late", 1.0, "GET", path, times=1))
    with ThreadPoolExecutor(1) as pool:
        asked = pool.submit(make_client().get, path)
        deadline = time.monotonic() + 5
        while not any(e.method == "GET" and e.path == path for e in sim.exchanges):
            assert time.monotonic() < deadline, "the GET was never handled"
            time.sleep(0.01)  # the server's thread: nothing of ours to wait on
        make_client().put(path, action="add", ips=["192.0.2.77"])
        assert "192.0.2.77" not in asked.result(timeout=5)
    assert "192.0.2.77" in make_client().get(path)


def test_a_status_on_a_route_with_the_ovhcloud_body(sim, client):
    sim.inject(Fault("status", 503, method="GET", path="/me"))
    with pytest.raises(ovh_errors.APIError) as raised:
        client.get("/me")
    assert raised.value.response.status_code == 503
    assert raised.value.response.json() == {
        "class": "Server::ServiceUnavailable",
        "message": "Service is temporarily unavailable",
    }
    assert raised.value.query_id
    assert client.get("/auth/currentCredential")["status"] == "validated"


def test_a_status_with_a_given_body(sim, client):
    body = {"errorCode": "NOT_GRANTED_CALL", "httpCode": "403 Forbidden", "message": "nope"}
    sim.inject(Fault("status", 403, path="/me", body=body))
    with pytest.raises(ovh_errors.NotGrantedCall, match="nope"):
        client.get("/me")


def test_times_limits_a_fault(sim, client):
    sim.inject(Fault("status", 500, path="/me", times=2))
    for _ in range(2):
        with pytest.raises(ovh_errors.APIError):
            client.get("/me")
    assert client.get("/me")["nichandle"] == "dc12345-ovh"
    assert sim.faults.active() == []


def test_429_says_when_to_retry(sim, client):
    sim.inject(Fault("status", 429))
    with pytest.raises(ovh_errors.APIError) as raised:
        client.get("/me")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "1"
    assert raised.value.response.json()["class"] == "Client::TooManyRequests"


@pytest.mark.parametrize(("rate", "failures"), [(0.0, 0), (1.0, 20)])
def test_an_error_rate_of_none_or_all(sim, client, rate, failures):
    sim.inject(Fault("rate", rate))
    statuses = []
    for _ in range(20):
        try:
            client.get("/me")
            statuses.append(200)
        except ovh_errors.APIError as error:
            statuses.append(error.response.status_code)
    assert statuses.count(500) == failures
    assert statuses.count(200) == 20 - failures


def test_an_error_rate_hits_a_share_of_requests(sim, client):
    sim.inject(Fault("rate", 0.5))
    outcomes = []
    for _ in range(60):
        try:
            client.get("/me")
            outcomes.append(True)
        except ovh_errors.APIError:
            outcomes.append(False)
    assert 10 < outcomes.count(False) < 50


def test_a_dropped_connection(sim, client):
    sim.inject(Fault("drop", path="/me", times=1))
    with pytest.raises(ovh_errors.HTTPError):
        client.get("/me")
    assert client.get("/me")["nichandle"] == "dc12345-ovh", "the next request goes through"


def test_a_slow_body_times_out_a_short_read_timeout(sim, make_client):
    sim.inject(Fault("slow", 1.0, path="/me"))
    with pytest.raises(ovh_errors.HTTPError):
        make_client(timeout=(1, 0.2)).get("/me")


def test_a_slow_body_arrives_whole_for_a_patient_client(sim, client):
    sim.inject(Fault("slow", 0.2, path="/me"))
    assert client.get("/me") == {"message": "slow answer"}


def test_a_non_json_body(sim, client):
    sim.inject(Fault("html"))
    with pytest.raises(ovh_errors.InvalidResponse):
        client.get("/me")


def test_a_json_list_as_error_body(sim, client):
    sim.inject(Fault("list", path="/me"))
    answer = requests.get(sim.endpoint + "/me", timeout=5)
    assert answer.status_code == 400
    assert isinstance(answer.json(), list)
    with pytest.raises(AttributeError):  # the pitfall REFERENCE.md warns of
        client.get("/me")


def test_nonsense_bodies_said_to_be_json(sim):
    sim.inject(Fault("nested", 3, path="/me", times=1))
    sim.inject(Fault("text", path="/me", body='{"nichandle": ', times=1))
    nested, cut = (requests.get(sim.endpoint + "/me", timeout=5) for _ in range(2))
    for answer in (nested, cut):
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith("application/json")
    assert nested.content == b"[[[]]]"
    assert cut.content == b'{"nichandle": '


def test_a_huge_body_arrives_whole_for_who_reads_it(sim):
    sim.inject(Fault("huge", 3, path="/me", times=1))
    answer = requests.get(sim.endpoint + "/me", timeout=5)
    assert answer.headers["Content-Length"] == str(3 * 2**20)
    assert len(answer.json()) == 3 * 2**20 - 2  # one JSON string, quotes aside


def test_faults_apply_to_both_prefixes(sim, client):
    sim.inject(Fault("status", 502, path="/me"))
    for path in ("/me", "/v1/me"):
        with pytest.raises(ovh_errors.APIError):
            client.get(path)


def test_faults_can_be_steered_over_http(sim, client):
    control = sim.url + "/_sim/faults"
    added = requests.post(control, json={"spec": "GET /me status=503 times=1"}, timeout=5)
    assert added.json() == {
        "method": "GET",
        "path": "/me",
        "effect": "status",
        "value": 503.0,
        "times": 1,
        "hits": 0,
    }
    assert len(requests.get(control, timeout=5).json()) == 1
    with pytest.raises(ovh_errors.APIError):
        client.get("/me")
    requests.post(control, json={"spec": "latency=0.01"}, timeout=5)
    assert requests.delete(control, timeout=5).json() is None
    assert requests.get(control, timeout=5).json() == []
    bad = requests.post(control, json={"spec": "explode"}, timeout=5)
    assert bad.status_code == 400
    assert "EFFECT one of" in bad.json()["message"]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("latency=0.04", Fault("latency", 0.04)),
        ("GET /sms/* late=1.5 times=1", Fault("late", 1.5, "GET", "/sms/*", times=1)),
        ("GET /sms/* status=503", Fault("status", 503, "GET", "/sms/*")),
        ("PUT /sms/*/smpp/ips status=403", Fault("status", 403, "PUT", "/sms/*/smpp/ips")),
        ("/me drop times=1", Fault("drop", path="/me", times=1)),
        ("rate=0.1", Fault("rate", 0.1)),
        ("slow=2", Fault("slow", 2)),
        ("html", Fault("html")),
        ("list", Fault("list")),
        ("GET /auth/* nested=100000", Fault("nested", 1e5, "GET", "/auth/*")),
        ("huge=21 times=1", Fault("huge", 21, times=1)),
    ],
)
def test_fault_specs(spec, expected):
    assert parse_fault(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "names no effect"),
        ("GET /me", "names no effect"),
        ("explode", "cannot read 'explode'"),
        ("status", "needs a value"),
        ("status=abc", "is not a number"),
        ("status=999", "between 100 and 599"),
        ("rate=2", "between 0 and 1"),
        ("latency=-1", "cannot be negative"),
        ("nested", "needs a value"),
        ("drop times=x", "is not a number"),
    ],
)
def test_bad_fault_specs_say_what_is_accepted(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_fault(spec)
