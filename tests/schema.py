"""OVHcloud's contract, from the vendored schemas: validate bodies against a route's schema.

OpenAPI 3.0 is turned into JSON Schema 2020-12 once: `nullable` becomes a null alternative,
including beside `$ref`/`allOf`, where OVHcloud marks properties nullable and really returns
`null` (the quirk described in `smpp_tui/ovh_api/README.md`). Formats are checked (`ip` is
`format: ipv4`), so a malformed value fails.
"""

from __future__ import annotations

import ipaddress
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

SCHEMA_FILES = ("sms.json", "me-subset.json", "auth.json")

_formats = jsonschema.Draft202012Validator.FORMAT_CHECKER


@_formats.checks("ip-block", raises=ValueError)
@_formats.checks("ipv4-block", raises=ValueError)
def _is_block(value: object) -> bool:
    return not isinstance(value, str) or bool(ipaddress.ip_network(value, strict=False))


def _openapi_to_jsonschema(node: Any) -> Any:
    if isinstance(node, list):
        return [_openapi_to_jsonschema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _openapi_to_jsonschema(value) for key, value in node.items()}
    if not converted.pop("nullable", False):
        return converted
    if "type" in converted:
        converted["type"] = [converted["type"], "null"]
        if "enum" in converted:
            converted["enum"] = [*converted["enum"], None]
        return converted
    return {"anyOf": [converted, {"type": "null"}]}


@cache
def _documents() -> dict[str, dict[str, Any]]:
    """Path template -> its operations, with the components each file defines."""
    paths: dict[str, dict[str, Any]] = {}
    for name in SCHEMA_FILES:
        text = resources.files("smpp_tui").joinpath("ovh_api", name).read_text("utf-8")
        document = json.loads(text)
        components = _openapi_to_jsonschema(document["components"])
        for template, operations in document["paths"].items():
            paths[template] = {"operations": operations, "components": components}
    return paths


def templates() -> list[str]:
    return sorted(_documents())


def template_for(path: str) -> str:
    """The schema's template for a concrete path.

    `/sms/a/senders/b` gives `/sms/{serviceName}/senders/{sender}`; fixed pieces win.
    """
    pieces = path.strip("/").split("/")
    best, best_literals = None, -1
    for template in _documents():
        parts = template.strip("/").split("/")
        if len(parts) != len(pieces):
            continue
        if all(p.startswith("{") or p == q for p, q in zip(parts, pieces, strict=True)):
            literals = sum(not p.startswith("{") for p in parts)
            if literals > best_literals:
                best, best_literals = template, literals
    if best is None:
        raise KeyError(f"no route of the vendored schemas matches {path}")
    return best


def _validator(template: str, schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    root = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": _documents()[template]["components"],
        **_openapi_to_jsonschema(schema),
    }
    return jsonschema.Draft202012Validator(root, format_checker=_formats)


def _operation(method: str, template: str) -> dict[str, Any]:
    try:
        return _documents()[template]["operations"][method.lower()]
    except KeyError:
        raise KeyError(f"the schemas have no {method} {template}") from None


def response_schema(method: str, template: str) -> dict[str, Any] | None:
    responses = _operation(method, template)["responses"]
    content = responses.get("200", {}).get("content", {}).get("application/json")
    return content["schema"] if content else None


@cache
def _response_validator(method: str, template: str) -> jsonschema.Draft202012Validator | None:
    schema = response_schema(method, template)
    return None if schema is None else _validator(template, schema)


def validate_response(method: str, path: str, body: Any) -> None:
    """Raise `jsonschema.ValidationError` unless `body` is what the route may answer."""
    template = template_for(path) if not _is_template(path) else path
    validator = _response_validator(method, template)
    if validator is None:
        # A void operation: OVHcloud answers null.
        assert body is None, f"{method} {template} is void but answered {body!r}"
        return
    validator.validate(body)


def validate_request(method: str, path: str, body: Any) -> None:
    """Raise `jsonschema.ValidationError` unless `body` is a valid request body for the route."""
    template = template_for(path) if not _is_template(path) else path
    request_body = _operation(method, template).get("requestBody")
    if request_body is None:
        assert body is None, f"{method} {template} takes no body but got {body!r}"
        return
    _validator(template, request_body["content"]["application/json"]["schema"]).validate(body)


def _is_template(path: str) -> bool:
    return bool(re.search(r"\{\w+\}", path))
