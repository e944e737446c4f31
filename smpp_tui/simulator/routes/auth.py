"""`/auth`: server time, consumer-key requests, the current credential, logout."""

from __future__ import annotations

import ipaddress
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.access import rule_problem
from smpp_tui.simulator.gate import application_of
from smpp_tui.simulator.router import Request, Router

router = Router()


@router.route("GET", "/auth/time", auth="none")
def server_time(request: Request) -> int:
    return int(request.world.now())


@router.route("POST", "/auth/credential", auth="application")
def request_credential(request: Request) -> dict[str, Any]:
    body = request.body if isinstance(request.body, dict) else {}
    rules = body.get("accessRules")
    if not isinstance(rules, list) or not rules:
        raise errors.bad_request("accessRules is required: a list of {method, path}")
    for rule in rules:
        if problem := rule_problem(rule):
            raise errors.bad_request(f"Invalid accessRules: {problem}")
    allowed_ips = _ip_blocks(body.get("allowedIPs"))
    application = application_of(request.world, request.header("X-Ovh-Application"))
    credential = request.world.request_credential(application, rules, allowed_ips)
    return {
        "consumerKey": credential.consumer_key,
        "state": credential.status,
        "validationUrl": f"{request.base_url}/auth/?credentialToken={credential.validation_token}",
    }


def _ip_blocks(value: object) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise errors.bad_request("allowedIPs must be a list of IP blocks such as 192.0.2.0/24")
    for block in value:
        try:
            ipaddress.ip_network(str(block), strict=False)
        except ValueError:
            raise errors.bad_request(f"Invalid IP block in allowedIPs: {block!r}") from None
    return [str(block) for block in value]


@router.route("GET", "/auth/currentCredential")
def current_credential(request: Request) -> dict[str, Any]:
    assert request.credential is not None
    return request.credential.describe(request.world.now())


@router.route("POST", "/auth/logout")
def logout(request: Request) -> None:
    assert request.credential is not None
    request.world.expire(request.credential)
