"""Building clients from explicit values only; endpoints, quoting, identity routes."""

from __future__ import annotations

import os
import subprocess
import sys

import ovh
import pytest

from smpp_tui.api import ApplicationKey, Gateway, OAuth2Client, build_client
from smpp_tui.api.connection import endpoint_key, is_loopback
from smpp_tui.api.errors import ConfigurationError
from smpp_tui.api.routes import query_string, route

from .conftest import credentials


def test_regions_and_urls():
    assert endpoint_key("ovh-eu") == "ovh-eu"
    key = endpoint_key("http://127.0.0.1:9/")
    assert key == "http://127.0.0.1:9/1.0" == endpoint_key("http://127.0.0.1:9/1.0")
    assert ovh.client.ENDPOINTS[key] == key
    with pytest.raises(ConfigurationError, match="ovh-eu, ovh-ca, ovh-us"):
        endpoint_key("mars-1")
    assert is_loopback("http://localhost:1/1.0")
    assert is_loopback("http://[::1]:1/1.0")
    assert not is_loopback("https://eu.api.ovh.com/1.0")


def test_oauth2_only_on_ovh_regions():
    client = build_client("ovh-ca", OAuth2Client("id", "secret"))
    assert client._client_id == "id"
    assert client._application_key is None
    with pytest.raises(ConfigurationError, match="OAuth2"):
        build_client("http://127.0.0.1:9", OAuth2Client("id", "secret"))


def test_timeout_is_passed_on():
    client = build_client("ovh-eu", ApplicationKey("ak", "as", "ck"))
    assert client._timeout == (3.05, 20.0)


def test_hostile_environment_is_ignored(sim, keys, monkeypatch, tmp_path):
    # Every variable and file the ovh client would read, all wrong, and a proxy that goes nowhere.
    for name in ("APPLICATION_KEY", "APPLICATION_SECRET", "CONSUMER_KEY", "CLIENT_ID"):
        monkeypatch.setenv(f"OVH_{name}", "hostile")
    monkeypatch.setenv("OVH_CLIENT_SECRET", "hostile")
    monkeypatch.setenv("OVH_ENDPOINT", "ovh-ca")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    conf = "[default]\nendpoint=ovh-ca\n[{0}]\nclient_id=bad\nclient_secret=bad\n"
    (tmp_path / "ovh.conf").write_text(conf.format(endpoint_key(sim.endpoint)))
    monkeypatch.chdir(tmp_path)
    gateway = Gateway.connect(sim.endpoint, credentials(keys))
    assert gateway.me().email == "ops@example.com"
    client = gateway.connection.client
    assert client._client_id is None
    assert client._session.trust_env is False


def test_ovh_conf_in_working_directory_is_ignored_at_import(sim, keys, tmp_path):
    # ovh resolves ./ovh.conf when imported: import it in a directory that has a hostile one.
    (tmp_path / "ovh.conf").write_text("[default]\nendpoint=ovh-ca\n[ovh-eu]\nclient_id=x\n")
    script = (
        "from smpp_tui.api import build_client, ApplicationKey\n"
        "c = build_client('ovh-eu', ApplicationKey('ak', 'as', 'ck'))\n"
        "assert c._client_id is None, c._client_id\n"
        "print('clean')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVH_")}
    env["OVH_CLIENT_ID"] = "hostile"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip() == "clean", done.stderr


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
