"""The simulator over HTTPS (`Simulator(tls=True)`, `smpp-tui simulator --tls`): the unmodified
`ovh` client trusting its CA, signatures over the URL as the client addressed it, and a TLS
handshake that holds no other client. Real sockets throughout."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import re
import signal
import socket
import ssl
import time
from pathlib import Path
from typing import Any

import ovh
import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator import DemoKeys, Simulator
from smpp_tui.simulator.certificates import Certificates
from smpp_tui.simulator.command import banner
from smpp_tui.simulator.smsc.server import Smsc
from tests.cli.conftest import KEYS, standalone_simulator
from tests.handsigned import sign

INVALID_SIGNATURE = {
    "errorCode": "INVALID_SIGNATURE",
    "httpCode": "400 Bad Request",
    "message": "Invalid signature",
}
ACCOUNT = "smpp-dc12345-1"  # SUCCESS: it takes an IP change
_NAMES = itertools.count(1)


@pytest.fixture
def tls_sim(demo):
    world, _ = demo
    with Simulator(world, tls=True) as simulator:
        yield simulator


def ovh_client(
    monkeypatch: pytest.MonkeyPatch, endpoint: str, keys: DemoKeys, **overrides: Any
) -> ovh.Client:
    """The unmodified client on `endpoint`, a full URL: `ovh` 1.2 takes it registered under a
    name of its own."""
    name = f"tls-simulator-{next(_NAMES)}"
    monkeypatch.setitem(ovh.client.ENDPOINTS, name, endpoint)
    options = {
        "application_key": keys.application_key,
        "application_secret": keys.application_secret,
        "consumer_key": keys.consumer_key,
        "timeout": (2, 5),
    }
    return ovh.Client(endpoint=name, **{**options, **overrides})


def hand_signed(
    connection: http.client.HTTPConnection,
    keys: DemoKeys,
    signed_url: str,
    target: str,
    host: str | None = None,
) -> tuple[int, Any]:
    """`GET target`, signed over `signed_url`; `host` replaces the Host header sent."""
    timestamp = int(time.time())
    signature = sign(keys.application_secret, keys.consumer_key, "GET", signed_url, "", timestamp)
    connection.putrequest("GET", target, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
    connection.putheader("X-Ovh-Application", keys.application_key)
    connection.putheader("X-Ovh-Consumer", keys.consumer_key)
    connection.putheader("X-Ovh-Timestamp", str(timestamp))
    connection.putheader("X-Ovh-Signature", signature)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def https_to(sim: Simulator) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cadata=sim.certificates.ca_pem)
    return http.client.HTTPSConnection("127.0.0.1", sim.port, context=context, timeout=5)


# the official client


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_ovh_client_works_over_https_trusting_the_ca(tls_sim, keys, monkeypatch, host):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls_sim.certificates.ca_path))
    client = ovh_client(monkeypatch, f"https://{host}:{tls_sim.port}/1.0", keys)
    assert client.get("/me")["nichandle"] == "dc12345-ovh"
    assert ACCOUNT in client.get("/sms")
    client.put(f"/sms/{ACCOUNT}/smpp/allowedIPs", action="add", ips=["198.51.100.7"])
    assert "198.51.100.7" in client.get(f"/sms/{ACCOUNT}/smpp/allowedIPs")


def test_urls_the_simulator_gives_are_https(tls_sim, keys, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls_sim.certificates.ca_path))
    assert re.fullmatch(r"https://127\.0\.0\.1:\d+/1\.0", tls_sim.endpoint)
    client = ovh_client(monkeypatch, tls_sim.endpoint, keys, consumer_key=None)
    request = client.new_consumer_key_request()
    request.add_rules(ovh.API_READ_ONLY, "/me")
    answer = request.request()
    assert answer["validationUrl"].startswith(tls_sim.url + "/auth/?credentialToken=")


def test_a_client_that_does_not_trust_the_ca_fails_its_handshake(tls_sim, keys, monkeypatch):
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(tls_sim.endpoint + "/auth/time", timeout=5)
    client = ovh_client(monkeypatch, tls_sim.endpoint, keys)
    with pytest.raises(ovh_errors.HTTPError) as raised:
        client.get("/me")
    assert isinstance(raised.value.args[1], requests.exceptions.SSLError)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls_sim.certificates.ca_path))
    assert client.get("/me")["nichandle"] == "dc12345-ovh", "the CA is what it lacked"


def test_the_standalone_simulator_serves_https_with_the_ca_it_prints(monkeypatch):
    with standalone_simulator("--tls") as (process, printed):
        assert re.fullmatch(r"https://127\.0\.0\.1:\d+/1\.0", printed["endpoint"])
        ca = printed["api_ca"]
        assert ca == printed["ca"], "one CA, the SMSC's too"
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca)
        keys = DemoKeys(*(printed[k] for k in KEYS))
        client = ovh_client(monkeypatch, printed["endpoint"], keys)
        assert client.get("/me")["nichandle"] == "dc12345-ovh"
        assert ACCOUNT in client.get("/sms")
        ips = f"/sms/{ACCOUNT}/smpp/allowedIPs"
        client.put(ips, action="add", ips=["203.0.113.44"])
        assert "203.0.113.44" in client.get(ips)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    assert not Path(ca).exists(), "the CA file goes with the simulator"


def test_the_banner_says_how_to_trust_the_ca_only_under_tls(demo, keys):
    world, _ = demo
    certificates = Certificates.for_host("127.0.0.1")
    with (
        contextlib.ExitStack() as owner,
        Smsc(world, certificates=certificates) as smsc,
        Simulator(world, certificates=certificates) as plain,
        Simulator(world, tls=True, certificates=certificates) as tls,
    ):
        owner.callback(certificates.remove)  # shared, so neither server removes its file
        ca = str(certificates.ca_path)
        assert "REQUESTS_CA_BUNDLE" not in banner(plain, smsc, keys)
        assert f"Try: curl {plain.endpoint}/auth/time" in banner(plain, smsc, keys)
        printed = banner(tls, smsc, keys)
        for variable in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS"):
            assert f"{variable}={ca} " in printed
        assert f"Try: curl --cacert {ca} {tls.endpoint}/auth/time" in printed
        assert f"its CA certificate  {ca}" in printed
        context = ssl.create_default_context(cadata=certificates.ca_pem)
        with (
            socket.create_connection(("127.0.0.1", smsc.tls_port), timeout=5) as raw,
            context.wrap_socket(raw, server_hostname="localhost"),
        ):
            pass  # the SMSC presents a certificate of the same CA


# signatures over the URL as the client addressed it

ACCEPTED = {
    "signed with the port sent": (None, "https://127.0.0.1:{port}/1.0/me"),
    "signed without the port": (None, "https://127.0.0.1/1.0/me"),
    "no port sent, none signed": ("127.0.0.1", "https://127.0.0.1/1.0/me"),
    "no port sent, 443 signed": ("127.0.0.1", "https://127.0.0.1:443/1.0/me"),
}


@pytest.mark.parametrize("case", ACCEPTED)
def test_https_accepts_the_url_as_addressed(tls_sim, keys, case):
    host, signed_url = ACCEPTED[case]
    connection = https_to(tls_sim)
    status, body = hand_signed(
        connection, keys, signed_url.format(port=tls_sim.port), "/1.0/me", host
    )
    assert (status, body["nichandle"]) == (200, "dc12345-ovh")


REFUSED = {
    "the other scheme": (None, "http://127.0.0.1:{port}/1.0/me", "/1.0/me"),
    "the other scheme, no port": (None, "http://127.0.0.1/1.0/me", "/1.0/me"),
    "the default port for another": (None, "https://127.0.0.1:443/1.0/me", "/1.0/me"),
    "no port sent, 80 signed": ("127.0.0.1", "https://127.0.0.1:80/1.0/me", "/1.0/me"),
    "another path": (None, "https://127.0.0.1:{port}/1.0/me", "/1.0/sms"),
    "a query added": (None, "https://127.0.0.1:{port}/1.0/me", "/1.0/me?x=1"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_https_refuses_another_url(tls_sim, keys, case):
    host, signed_url, target = REFUSED[case]
    connection = https_to(tls_sim)
    status, body = hand_signed(connection, keys, signed_url.format(port=tls_sim.port), target, host)
    assert (status, body) == (400, INVALID_SIGNATURE)


@pytest.mark.parametrize(
    ("signed_url", "host", "status"),
    [
        ("https://127.0.0.1:{port}/1.0/me", None, 400),
        ("https://127.0.0.1/1.0/me", None, 400),
        ("http://127.0.0.1/1.0/me", None, 200),
        ("http://127.0.0.1:80/1.0/me", "127.0.0.1", 200),
    ],
)
def test_plain_http_takes_http_signatures_only(sim, keys, signed_url, host, status):
    connection = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=5)
    answer = hand_signed(connection, keys, signed_url.format(port=sim.port), "/1.0/me", host)
    assert answer[0] == status
    if status == 400:
        assert answer[1] == INVALID_SIGNATURE


# the handshake


def test_a_client_that_says_nothing_holds_no_other(tls_sim):
    ca = str(tls_sim.certificates.ca_path)
    with socket.create_connection(("127.0.0.1", tls_sim.port), timeout=5):
        time.sleep(0.1)  # the silent connection accepted first
        response = requests.get(tls_sim.endpoint + "/auth/time", verify=ca, timeout=3)
        assert response.status_code == 200


def test_a_silent_client_is_let_go_after_the_handshake_time(tls_sim, monkeypatch):
    monkeypatch.setattr("smpp_tui.simulator.server.HANDSHAKE_SECONDS", 0.2)
    with socket.create_connection(("127.0.0.1", tls_sim.port), timeout=5) as silent:
        started = time.monotonic()
        assert silent.recv(1) == b"", "closed by the simulator"
        assert time.monotonic() - started < 3
