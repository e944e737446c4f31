"""`GET /sms.json`, `/me.json` and `/auth.json`: OVHcloud's descriptions of the simulated
sections, and `GET /`, the list of them. No authentication, as on OVHcloud.

A description answers in OVHcloud's legacy format (`api_description`), or with `?format=openapi3`
as the vendored OpenAPI 3 document itself, both pointing at the URL the client used.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from smpp_tui.simulator.api_description import API_VERSION, legacy_description
from smpp_tui.simulator.router import Handler, Request, Router
from smpp_tui.simulator.sms.schema import vendored

router = Router()

# OVHcloud names its branch `/1.0` in descriptions, also when asked through its `/v1` alias.
_BRANCH = "/1.0"

# Each section: its vendored OpenAPI 3 file, and what the list of sections says of it. OVHcloud's
# words for the list are not known here: these are its descriptions of `/me` and `/sms` in their
# own files (`/auth` has none to borrow).
_DESCRIPTIONS = {
    "/auth": ("auth.json", "Auth token management"),
    "/me": ("me-subset.json", "Details about your OVH identifier"),
    "/sms": ("sms.json", "Operations about the VOIP service"),
}

# The vendored `/me` subset says in its `info` that it is one: the answer is OVHcloud's.
_INFO = {
    "title": "OVHcloud API specification",
    "description": "Specification for OVHcloud API",
    "version": API_VERSION,
    "contact": {"name": "OVH", "email": "api@ml.ovh.net"},
}


def _openapi(section: str) -> dict[str, Any]:
    return vendored(_DESCRIPTIONS[section][0])


@cache
def _legacy(section: str) -> dict[str, Any]:
    return legacy_description(_openapi(section), "", section)


def _describe(section: str) -> Handler:
    def describe(request: Request) -> dict[str, Any]:
        base_path = request.base_url + _BRANCH
        if request.arg("format") == "openapi3":
            servers = [{"url": base_path}]
            return {**_openapi(section), "info": _INFO, "servers": servers}
        return {**_legacy(section), "basePath": base_path}

    return describe


for _section in _DESCRIPTIONS:
    router.route("GET", f"{_section}.json", auth="none")(_describe(_section))


@router.route("GET", "/", auth="none")
def sections(request: Request) -> dict[str, Any]:
    return {
        "apis": [
            {"path": path, "schema": f"{path}.{{format}}", "format": ["json"], "description": text}
            for path, (_, text) in _DESCRIPTIONS.items()
        ],
        "basePath": request.base_url + _BRANCH,
    }
