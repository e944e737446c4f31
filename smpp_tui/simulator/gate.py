"""The authentication gate every API request passes, in OVHcloud's order of checks.

Application key, then consumer key (its state and, when set, the client's IP), then the
timestamp window, then the signature, then the key's access rules.

The signature may cover the URL as the client addressed it, not only as the Host header spells
it (see `addressed_urls`): the simulator's own leniency, as it is reached by many names and
ports where OVHcloud is only ever reached by its own.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from smpp_tui.simulator import errors
from smpp_tui.simulator.access import rules_allow
from smpp_tui.simulator.knobs import INVALID_CREDENTIAL, NOT_CREDENTIAL
from smpp_tui.simulator.signing import expected_signature, signature_matches
from smpp_tui.simulator.world import EXPIRED, PENDING, VALIDATED, Application, Credential, World

# A Host header: a name or an address, IPv6 in brackets, then maybe a port.
_HOST = re.compile(r"(?P<name>\[[^\]]*\]|[^:\[\]]+)(?::(?P<port>[0-9]+))?")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass
class GatePolicy:
    """The knobs of the gate that tests and demos turn."""

    timestamp_window: float = 300.0
    # What a consumer key still waiting for validation gets: both are seen in the wild.
    pending_error: str = INVALID_CREDENTIAL


@dataclass(frozen=True)
class Signed:
    """What the gate needs from the wire: the headers and the raw bytes as received."""

    method: str
    scheme: str  # the scheme served: "https" under TLS, else "http"
    host: str  # the Host header as received
    target: str  # the raw request target, its query string included
    body: bytes
    application_key: str | None
    consumer_key: str | None
    timestamp: str | None
    signature: str | None
    client_ip: str


def application_of(world: World, key: str | None) -> Application:
    if not key:
        raise errors.not_logged_in()
    application = world.applications.get(key)
    if application is None or application.status != "active":
        raise errors.invalid_key()
    return application


def authenticate(
    world: World, policy: GatePolicy, signed: Signed, api_path: str | None
) -> Credential:
    """The credential a signed request acts with, or the `ApiError` OVHcloud would answer.

    With no `api_path`, the access rules are the caller's to check, on each path it serves
    (the ids of a batch)."""
    application = application_of(world, signed.application_key)
    credential = world.credentials.get(signed.consumer_key or "")
    if credential is None or credential.application is not application:
        raise errors.invalid_credential()
    _check_state(credential, world.now(), policy)
    _check_client_ip(credential, signed.client_ip)
    _check_timestamp(signed.timestamp, world.now(), policy.timestamp_window)
    if not _signature_holds(application, credential, signed):
        raise errors.invalid_signature()
    if api_path is not None and not rules_allow(credential.rules, signed.method, api_path):
        raise errors.not_granted_call()
    credential.last_use = world.now()
    return credential


def addressed_urls(scheme: str, host: str, target: str) -> list[str]:
    """The URLs a client may have signed for a request to `host` (the Host header as sent):
    that header as sent; without its port, for a client that leaves the port out of what it
    signs; with the scheme's default port, when it had none. Always the scheme served and the
    request target as received, never re-encoded."""
    hosts = [host]
    parts = _HOST.fullmatch(host)
    if parts is not None:
        name, port = parts["name"], parts["port"]
        hosts.append(name if port else f"{name}:{_DEFAULT_PORTS[scheme]}")
    return [f"{scheme}://{each}{target}" for each in dict.fromkeys(hosts)]


def _signature_holds(application: Application, credential: Credential, signed: Signed) -> bool:
    expected = [
        expected_signature(
            application.secret,
            credential.consumer_key,
            signed.method,
            url,
            signed.body,
            signed.timestamp or "",
        )
        for url in addressed_urls(signed.scheme, signed.host, signed.target)
    ]
    # Every candidate compared, in constant time each: the answer takes as long whichever
    # one matched.
    given = signed.signature or ""
    matches = [signature_matches(given, each) for each in expected]
    return any(matches)


def _check_state(credential: Credential, now: float, policy: GatePolicy) -> None:
    state = credential.state_at(now)
    if state == PENDING and policy.pending_error == NOT_CREDENTIAL:
        raise errors.not_credential()
    if state != VALIDATED:
        if state == EXPIRED:
            credential.status = EXPIRED
        raise errors.invalid_credential()


def _check_client_ip(credential: Credential, client_ip: str) -> None:
    # A key bound to IP blocks refuses other callers. The exact body OVHcloud sends then is
    # unconfirmed; FORBIDDEN is the code its clients map to a plain "forbidden".
    if credential.allowed_ips is None:
        return
    address = ipaddress.ip_address(client_ip)
    blocks = (ipaddress.ip_network(block, strict=False) for block in credential.allowed_ips)
    if not any(address in block for block in blocks):
        raise errors.forbidden(f"This credential may not be used from {client_ip}")


def _check_timestamp(timestamp: str | None, now: float, window: float) -> None:
    try:
        stamp = int(timestamp or "")
    except ValueError:
        raise errors.query_time_out() from None
    if abs(stamp - now) > window:
        raise errors.query_time_out()
