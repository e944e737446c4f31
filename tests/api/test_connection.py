"""Building clients from explicit values only; endpoints, quoting, identity routes.

Everything is observed from outside the `ovh` client: what the simulator receives, the errors
raised, how long a call takes. One test names a private name of the client, `_session`, to
fail loudly the day a release renames it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import ovh
import ovh.exceptions
import pytest
import requests

from smpp_tui.api import ApplicationKey, Gateway, OAuth2Client, build_client, errors
from smpp_tui.api.connection import endpoint_key, is_loopback
from smpp_tui.api.errors import ConfigurationError
from smpp_tui.api.routes import query_string, route
from smpp_tui.simulator import parse_fault

from .conftest import credentials

DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens there


def test_every_endpoint_is_keyed_by_its_url():
    eu = endpoint_key("ovh-eu")
    assert eu == "https://eu.api.ovh.com/1.0" == endpoint_key("https://eu.api.ovh.com/1.0/")
    assert ovh.client.ENDPOINTS[eu] == eu
    # OAuth2 stays possible on a region's URL: the client allows it for these keys only.
    assert ovh.client.OAUTH2_TOKEN_URLS[eu] == ovh.client.OAUTH2_TOKEN_URLS["ovh-eu"]
    key = endpoint_key("http://127.0.0.1:9/")
    assert key == "http://127.0.0.1:9/1.0" == endpoint_key("http://127.0.0.1:9/1.0")
    assert ovh.client.ENDPOINTS[key] == key
    assert key not in ovh.client.OAUTH2_TOKEN_URLS
    with pytest.raises(ConfigurationError, match="ovh-eu, ovh-ca, ovh-us"):
        endpoint_key("mars-1")
    assert is_loopback("http://localhost:1/1.0")
    assert is_loopback("http://[::1]:1/1.0")
    assert not is_loopback("https://eu.api.ovh.com/1.0")


def test_registering_again_from_many_threads_changes_nothing():
    endpoint_key("ovh-ca")
    endpoint_key("http://127.0.0.1:10/1.0")
    before = (dict(ovh.client.ENDPOINTS), dict(ovh.client.OAUTH2_TOKEN_URLS))
    start = threading.Barrier(8)

    def register(_: int) -> None:
        start.wait()
        for endpoint in ("ovh-ca", "https://ca.api.ovh.com/1.0", "http://127.0.0.1:10"):
            endpoint_key(endpoint)

    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (dict(ovh.client.ENDPOINTS), dict(ovh.client.OAUTH2_TOKEN_URLS)) == before


def test_an_entry_registered_by_others_is_never_overwritten(monkeypatch):
    url = "http://192.0.2.1/1.0"
    monkeypatch.setitem(ovh.client.ENDPOINTS, url, "http://elsewhere.example/1.0")
    with pytest.raises(ConfigurationError, match="registered with ovh for another URL"):
        build_client(url, ApplicationKey("ak", "as", "ck"))
    assert ovh.client.ENDPOINTS[url] == "http://elsewhere.example/1.0"


def test_oauth2_only_on_ovh_regions():
    # Nothing is sent when a client is built: no network needed.
    assert isinstance(build_client("ovh-ca", OAuth2Client("id", "secret")), ovh.Client)
    ca_url = "https://ca.api.ovh.com/1.0"
    assert isinstance(build_client(ca_url, OAuth2Client("id", "secret")), ovh.Client)
    with pytest.raises(ConfigurationError, match="OAuth2"):
        build_client("http://127.0.0.1:9", OAuth2Client("id", "secret"))


def test_timeout_is_passed_on(sim, keys):
    client = build_client(sim.endpoint, credentials(keys), timeout=(2, 0.3))
    gateway = Gateway.connect(sim.endpoint, credentials(keys), timeout=(2, 0.3))
    sim.inject(parse_fault("GET /auth/time latency=2"))
    started = time.monotonic()
    with pytest.raises(ovh.exceptions.HTTPError):
        client.get("/me")
    with pytest.raises(errors.TimedOut) as raised:
        gateway.me()
    assert raised.value.seconds == 0.3
    assert time.monotonic() - started < 1.5  # two read timeouts, not two 2 s answers


def test_ambient_values_the_client_takes_silently_change_nothing(sim, keys, monkeypatch):
    # Values of the profile's own kind lose to the explicit ones, OVH_ENDPOINT to the endpoint,
    # and an empty OVH_CLIENT_SECRET is no OAuth2 configuration: none of them raises.
    for name in ("APPLICATION_KEY", "APPLICATION_SECRET", "CONSUMER_KEY"):
        monkeypatch.setenv(f"OVH_{name}", "hostile")
    monkeypatch.setenv("OVH_ENDPOINT", "ovh-ca")
    monkeypatch.setenv("OVH_CLIENT_SECRET", "")
    gateway = Gateway.connect(sim.endpoint, credentials(keys))
    # The simulator authenticated the profile's keys: a hostile one would be refused.
    assert gateway.me().email == "ops@example.com"
    assert [(e.path, e.status) for e in sim.exchanges] == [("/auth/time", 200), ("/me", 200)]
    # Even empty, a variable of the other kind is refused (and named, see below).
    monkeypatch.setenv("OVH_APPLICATION_KEY", "")
    monkeypatch.delenv("OVH_APPLICATION_SECRET")
    with pytest.raises(ConfigurationError, match="OVH_APPLICATION_KEY"):
        build_client("ovh-eu", OAuth2Client("id", "secret"))
    monkeypatch.delenv("OVH_APPLICATION_KEY")
    # An OAuth2 client takes OVH_CONSUMER_KEY, and never sends it: it signs with its token.
    assert isinstance(build_client("ovh-eu", OAuth2Client("id", "secret")), ovh.Client)


CONFLICTS = [
    (("OVH_CLIENT_ID", "OVH_CLIENT_SECRET"), None, "application key"),
    (("OVH_CLIENT_ID",), None, "application key"),
    (("OVH_CLIENT_SECRET",), None, "application key"),
    (("OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET"), "ovh-eu", "OAuth2 client id"),
    (("OVH_APPLICATION_KEY",), "ovh-ca", "OAuth2 client id"),
]


@pytest.mark.parametrize(("variables", "region", "kind"), CONFLICTS)
def test_credentials_of_the_other_kind_in_the_environment_are_named(
    sim, keys, monkeypatch, variables, region, kind
):
    for name in variables:
        monkeypatch.setenv(name, "s3cr3t-in-env")
    profile = credentials(keys) if region is None else OAuth2Client("id", "pw0")
    with pytest.raises(ConfigurationError) as raised:
        Gateway.connect(region or sim.endpoint, profile)
    message = str(raised.value)
    assert f"unset {' '.join(variables)}" in message
    assert f"beside this profile's {kind}" in message
    assert "s3cr3t-in-env" not in message + repr(raised.value)
    assert not sim.exchanges  # refused before anything was sent


_FILES_SCRIPT = """
import sys
import ovh, ovh.exceptions
from smpp_tui.api import ApplicationKey, Gateway, OAuth2Client, build_client

endpoint, application_key, application_secret, consumer_key = sys.argv[1:]
try:  # the control: on its region name, the client takes the files' values
    ovh.Client("ovh-eu", application_key="ak", application_secret="as", consumer_key="ck")
except ovh.exceptions.InvalidConfiguration:
    print("files read")
build_client("ovh-eu", ApplicationKey("ak", "as", "ck"))
build_client("ovh-eu", OAuth2Client("id", "secret"))
keys = ApplicationKey(application_key, application_secret, consumer_key)
print(Gateway.connect(endpoint, keys).me().email)
"""


def test_ovh_conf_region_sections_stay_out(sim, keys, tmp_path):
    # ovh resolves ~/.ovh.conf and ./ovh.conf when imported: import it in a process whose home
    # and working directory hold hostile ones, with values of both kinds for ovh-eu.
    both_kinds = (
        "[default]\nendpoint=ovh-ca\n[ovh-eu]\napplication_key=bad\napplication_secret=bad\n"
        "consumer_key=bad\nclient_id=bad\nclient_secret=bad\n"
    )
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (home / ".ovh.conf").write_text(both_kinds)
    (work / "ovh.conf").write_text(both_kinds)
    arguments = [keys.application_key, keys.application_secret, keys.consumer_key]
    done = subprocess.run(
        [sys.executable, "-c", _FILES_SCRIPT, sim.endpoint, *arguments],
        cwd=work,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout.split() == ["files", "read", "ops@example.com"], done.stderr


def test_the_ovh_client_still_keeps_its_session_in_session():
    # The one test naming a private name: `connection._session_of` sets the public `trust_env`
    # and `hooks` of `ovh.Client._session`, which no public API reaches.
    client = ovh.Client(endpoint_key("ovh-eu"), application_key="ak", application_secret="as")
    assert isinstance(client._session, requests.Session)


def test_a_proxy_in_the_environment_is_not_used_on_loopback(sim, keys, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, DEAD_PROXY)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    # The control: a default session goes through the proxy, and fails.
    with pytest.raises(requests.exceptions.ProxyError):
        requests.get(sim.endpoint + "/auth/time", timeout=2)
    gateway = Gateway.connect(sim.endpoint, credentials(keys))
    assert gateway.me().email == "ops@example.com"


def test_credentials_reprs_hide_secrets():
    text = repr(ApplicationKey("ak", "s3cr3t", "c0nsum3r")) + repr(OAuth2Client("id", "pw0"))
    assert "s3cr3t" not in text
    assert "c0nsum3r" not in text
    assert "pw0" not in text


def test_pieces_are_quoted_and_queries_encoded():
    assert route("/sms/{}/senders/{}", "sms-a b", "+33 6~é").path == (
        "/sms/sms-a%20b/senders/%2B33%206~%C3%A9"
    )
    assert route("/sms/{}/senders/{}", "a", "b").pattern == "/sms/*/senders/*"
    assert query_string({"a": True, "b": None, "c": 3}) == "a=true&c=3"


def test_identity_routes(gateway, customers):
    me = gateway.me()
    assert me.nichandle == customers[0].customer.nichandle
    credential = gateway.current_credential()
    assert credential.status == "validated"
    assert ("GET", "/*") in {(r.method, r.path) for r in credential.rules}
    gateway.logout()
    assert customers[0].credential.status == "expired"


def test_imports_neither_textual_nor_the_simulator():
    script = (
        "import sys, smpp_tui.api, smpp_tui.api.gateway\n"
        "bad = [m for m in sys.modules if m.startswith(('textual', 'smpp_tui.simulator'))]\n"
        "print(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
