"""The address the connect flow asks the user to open: plain https from OVHcloud (http only on
this computer, the simulator's), never one that hides its target or drives the terminal."""

from __future__ import annotations

import pytest

from smpp_tui.api.credentials import request_credential
from smpp_tui.api.errors import InvalidResponse
from smpp_tui.api.models import AccessRule
from smpp_tui.simulator import Fault
from tests.hostile import controls_in

OVH = "https://www.ovh.com/auth/?credentialToken=abc123"
RULES = (AccessRule("GET", "/me"),)


def answered(sim, customers, url: str):
    """`request_credential` on a simulator whose POST /auth/credential gives `url`."""
    body = {"consumerKey": "ck", "validationUrl": url, "state": "pendingValidation"}
    sim.inject(Fault("status", 200, "POST", "/auth/credential", body=body))
    application = customers[0].application
    return request_credential(sim.endpoint, application.key, application.secret, RULES)


@pytest.mark.parametrize("url", [OVH, "http://127.0.0.1:8080/auth/?t=1", "http://localhost/a"])
def test_https_or_this_computer_is_offered(sim, customers, url):
    assert answered(sim, customers, url).validation_url == url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        pytest.param(
            f"\x1b]8;;http://evil.example/\x1b\\{OVH}\x1b]8;;\x1b\\", OVH, id="OSC 8 link"
        ),
        pytest.param(f"{OVH}\x1b]0;renamed\x07", OVH, id="OSC 0 title"),
        pytest.param("https://www.ovh.com\u202e/auth", "https://www.ovh.com/auth", id="bidi"),
        pytest.param(OVH.replace("https", "http"), "http://www.ovh.com/auth", id="plain http"),
        pytest.param("javascript:alert(1)", "javascript:alert(1)", id="not a web address"),
        pytest.param(f"{OVH} x", f"{OVH} x", id="a space"),
        pytest.param("https://www.ovh.com/" + "\x01a" * 5000, "ovh.com/␁a␁a", id="10,000"),
    ],
)
def test_any_other_address_is_refused_and_quoted_cleaned(sim, customers, url, shown):
    with pytest.raises(InvalidResponse) as refused:
        answered(sim, customers, url)
    message = str(refused.value)
    assert "not a plain https:// address" in message
    assert shown in message
    assert controls_in(message) == set()
    assert "evil" not in message
    assert "renamed" not in message
    assert len(message) < 200
    assert [e.path for e in sim.exchanges] == ["/auth/credential"]
