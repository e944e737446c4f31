"""Request bodies read as the vendored schema describes them: the operation's required fields,
and each field's type, enum and phone-number format.

Read-only fields a client sends back (a whole object to a `PUT`) are ignored, as are fields the
schema does not name, so a 400 is only ever about a field the route takes; its message says
what the route accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms import schema
from smpp_tui.simulator.sms.senders import INTERNATIONAL

# OVHcloud's `internationalPhoneNumber` is `INTERNATIONAL`: E.164, the sender rule's numbers.
_PHONE_RULE = "an international number, + and 1 to 15 digits, such as +33612345678"
# A JSON type: how a message names it, and whether a value is one (a bool is no number).
_KINDS: dict[str, tuple[str, Callable[[object], bool]]] = {
    "string": ("a text", lambda value: isinstance(value, str)),
    "integer": ("a whole number", lambda value: type(value) is int),
    "number": ("a number", lambda value: type(value) in (int, float)),
    "boolean": ("true or false", lambda value: type(value) is bool),
    "object": ("an object", lambda value: isinstance(value, dict)),
}


def read_body(method: str, template: str, body: object) -> dict[str, Any]:
    """The writable fields `body` gives, each checked; a 400 for a missing or wrong one."""
    fields, required = _shape(method, template)
    absent = [name for name in required if not isinstance(body, dict) or name not in body]
    if not isinstance(body, dict) or absent:
        missing = f"Missing {', '.join(absent)}. " if absent else ""
        raise errors.bad_request(f"{missing}Send an object with {_summary(fields, required)}")
    return {
        name: _checked(name, fields[name], value) for name, value in body.items() if name in fields
    }


@cache
def _shape(method: str, template: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The writable fields of the operation's body, and those of them it requires."""
    body = _resolved(schema.request_body(method, template))
    resolved = {name: _resolved(spec) for name, spec in body.get("properties", {}).items()}
    fields = {name: spec for name, spec in resolved.items() if not spec.get("readOnly")}
    return fields, [name for name in body.get("required", ()) if name in fields]


def phone_number(name: str, value: object) -> str:
    """An international number, or a 400 that says what one is."""
    if isinstance(value, str) and INTERNATIONAL.fullmatch(value):
        return value
    problem = f"{name} is required" if value is None else f"Invalid {name} {value!r}"
    raise errors.bad_request(f"{problem}: {_PHONE_RULE}")


def _resolved(spec: dict[str, Any]) -> dict[str, Any]:
    """A property with the model it refers to (`$ref`, or `allOf` of one) merged under it."""
    references = [spec["$ref"]] if "$ref" in spec else []
    references += [part["$ref"] for part in spec.get("allOf", ())]
    merged: dict[str, Any] = {}
    for reference in references:
        merged |= _resolved(schema.model(reference))
    return merged | {key: value for key, value in spec.items() if key not in ("$ref", "allOf")}


def _summary(fields: dict[str, dict[str, Any]], required: list[str]) -> str:
    optional = ", ".join(name for name in fields if name not in required)
    if not required:
        return f"some of {optional}"
    return ", ".join(required) + (f"; optionally {optional}" if optional else "")


def _checked(name: str, spec: dict[str, Any], value: object) -> object:
    if (value is None and spec.get("nullable")) or _fits(spec, value):
        return value
    raise errors.bad_request(f"Invalid {name} {value!r}: {_expected(spec)}")


def _fits(spec: dict[str, Any], value: object) -> bool:
    if spec.get("type") == "array":
        items = _resolved(spec.get("items", {}))
        return isinstance(value, list) and all(_fits(items, item) for item in value)
    if not _KINDS[spec.get("type", "object")][1](value):
        return False
    if "enum" in spec:
        return value in spec["enum"]
    return spec.get("format") != "phone-number" or INTERNATIONAL.fullmatch(str(value)) is not None


def _expected(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        text = f"one of {', '.join(map(str, spec['enum']))}"
    elif spec.get("format") == "phone-number":
        text = _PHONE_RULE
    elif spec.get("type") == "array":
        text = f"a list, each {_expected(_resolved(spec.get('items', {})))}"
    else:
        text = _KINDS[spec.get("type", "object")][0]
    return text + (", or null" if spec.get("nullable") else "")
