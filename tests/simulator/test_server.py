"""The simulator's HTTP behaviour: prefixes, query ids, void answers, lifecycle."""

from __future__ import annotations

import threading

import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator import Simulator, World, server


def test_auth_time_needs_no_auth_and_is_the_server_clock(sim):
    sim.world.time_offset = 100
    answer = requests.get(sim.endpoint + "/auth/time", timeout=5)
    assert answer.status_code == 200
    assert isinstance(answer.json(), int)
    assert abs(answer.json() - sim.world.now()) <= 1


@pytest.mark.parametrize("prefix", ["/1.0", "/v1"])
def test_both_api_prefixes_are_served(sim, prefix):
    assert requests.get(f"{sim.url}{prefix}/auth/time", timeout=5).status_code == 200


@pytest.mark.parametrize("path", ["/2.0/auth/time", "/v2/auth/time", "/auth/time", "/", "/1.0x/me"])
def test_other_prefixes_are_an_ovhcloud_404(sim, path):
    answer = requests.get(sim.url + path, timeout=5)
    assert answer.status_code == 404
    assert answer.json() == {
        "class": "Client::NotFound",
        "message": "Got an invalid (or empty) URL",
    }


def test_an_unknown_route_is_an_ovhcloud_404(client):
    with pytest.raises(ovh_errors.ResourceNotFoundError, match="Got an invalid"):
        client.get("/no/such/route")


def test_a_wrong_method_is_a_405(sim):
    answer = requests.delete(sim.endpoint + "/auth/time", timeout=5)
    assert answer.status_code == 405
    assert answer.json()["class"] == "Client::MethodNotAllowed"


def test_every_answer_has_a_distinct_query_id(sim, client):
    answers = [
        requests.get(sim.endpoint + "/auth/time", timeout=5),
        requests.get(sim.endpoint + "/me", timeout=5),
        requests.get(sim.url + "/nowhere", timeout=5),
        requests.get(sim.url + "/auth/?credentialToken=x", timeout=5),
    ]
    ids = [answer.headers["X-Ovh-Queryid"] for answer in answers]
    assert all(qid.startswith("EU.sim-1.") for qid in ids)
    assert len(set(ids)) == len(ids)


def test_the_query_id_reaches_the_client_exceptions(make_client):
    with pytest.raises(ovh_errors.BadParametersError) as raised:
        make_client(application_secret="wrong").get("/me")
    assert raised.value.query_id.startswith("EU.sim-1.")
    assert raised.value.query_id == raised.value.response.headers["X-Ovh-Queryid"]


def test_a_body_that_is_not_json_is_a_400(sim, keys):
    from tests.handsigned import signed

    answer = signed(
        "POST",
        sim.endpoint + "/auth/logout",
        application_key=keys.application_key,
        application_secret=keys.application_secret,
        consumer_key=keys.consumer_key,
        body="{not json",
    )
    assert answer.status_code == 400
    assert answer.json() == {"class": "Client::BadRequest", "message": "Invalid JSON received"}


def test_exchanges_are_recorded(sim, client):
    client.get("/me")
    last = sim.exchanges[-1]
    assert (last.method, last.path, last.status) == ("GET", "/me", 200)


def test_stop_closes_kept_alive_connections_and_frees_the_port():
    sim = Simulator(World()).start()
    port = sim.port
    session = requests.Session()
    assert session.get(sim.endpoint + "/auth/time", timeout=5).ok  # a kept-alive connection
    before = {t.name for t in threading.enumerate()}
    sim.stop()
    assert not sim.running
    with pytest.raises(requests.ConnectionError):
        session.get(f"http://127.0.0.1:{port}/1.0/auth/time", timeout=2)
    leftovers = {t.name for t in threading.enumerate()} & before
    assert not any(name.startswith("ovh-simulator") for name in leftovers)
    with Simulator(World(), port=port) as again:  # the port can be taken again at once
        assert requests.get(again.endpoint + "/auth/time", timeout=5).ok


def test_several_simulators_run_side_by_side():
    with Simulator(World()) as one, Simulator(World()) as two:
        assert one.port != two.port
        assert requests.get(one.endpoint + "/auth/time", timeout=5).ok
        assert requests.get(two.endpoint + "/auth/time", timeout=5).ok


def test_the_requests_a_client_sent_are_counted_for_one_in_another_process(sim, client):
    count = sim.url + "/_sim/exchanges"
    client.get("/me")  # the client asks the clock first, once
    before = requests.get(count, timeout=5).json()["answered"]
    client.get("/me")
    client.get("/sms")
    requests.get(sim.url + "/_sim/outbox", timeout=5)  # the simulator's own: not counted
    assert requests.get(count, timeout=5).json() == {"answered": before + 2}


def test_the_count_goes_on_past_the_exchanges_kept(monkeypatch):
    monkeypatch.setattr(server, "EXCHANGES_KEPT", 3)
    with Simulator(World()) as small:
        for _ in range(5):
            requests.get(small.endpoint + "/auth/time", timeout=5)
        count = requests.get(small.url + "/_sim/exchanges", timeout=5).json()
        assert count == {"answered": 5}
        assert len(small.exchanges) == 3  # the newest: the last two clocks, then the count
