"""The authentication gate every API request passes, in OVHcloud's order of checks.

Application key, then consumer key (its state and, when set, the client's IP), then the
timestamp window, then the signature, then the key's access rules.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from smpp_tui.simulator import errors
from smpp_tui.simulator.access import rules_allow
from smpp_tui.simulator.knobs import INVALID_CREDENTIAL, NOT_CREDENTIAL
from smpp_tui.simulator.signing import expected_signature, signature_matches
from smpp_tui.simulator.world import EXPIRED, PENDING, VALIDATED, Application, Credential, World


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
    url: str  # "http://" + Host + the raw request target
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


def authenticate(world: World, policy: GatePolicy, signed: Signed, api_path: str) -> Credential:
    """The credential a signed request acts with, or the `ApiError` OVHcloud would answer."""
    application = application_of(world, signed.application_key)
    credential = world.credentials.get(signed.consumer_key or "")
    if credential is None or credential.application is not application:
        raise errors.invalid_credential()
    _check_state(credential, world.now(), policy)
    _check_client_ip(credential, signed.client_ip)
    _check_timestamp(signed.timestamp, world.now(), policy.timestamp_window)
    expected = expected_signature(
        application.secret,
        credential.consumer_key,
        signed.method,
        signed.url,
        signed.body,
        signed.timestamp or "",
    )
    if not signature_matches(signed.signature or "", expected):
        raise errors.invalid_signature()
    if not rules_allow(credential.rules, signed.method, api_path):
        raise errors.not_granted_call()
    credential.last_use = world.now()
    return credential


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
