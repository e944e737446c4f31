"""The vendored OVHcloud schema (`smpp_tui/ovh_api/sms.json`), read once: its enums and the
models of its expanded lists.

Statuses, recharge packs and sender types come from OVHcloud's own description, so the simulator
cannot drift from the contract the app is checked against.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def vendored(name: str) -> dict[str, Any]:
    """One of the vendored OVHcloud schemas (`sms.json`, `me-subset.json`, `auth.json`),
    read once and shared: not to be changed."""
    return json.loads(resources.files("smpp_tui").joinpath("ovh_api", name).read_text("utf-8"))


def _document() -> dict[str, Any]:
    return vendored("sms.json")


def enum(name: str) -> tuple[Any, ...]:
    """The values of an enum model, for example `enum("sms.SettingsStatusEnum")`."""
    return tuple(_document()["components"]["schemas"][name]["enum"])


@cache
def expanded_fields(template: str) -> frozenset[str]:
    """The fields of the objects a list route expands to, dotted inside nested objects: for
    `/sms` `name`, `iam` and `iam.urn`...; none for a route that does not expand."""
    operation = _document()["paths"].get(template, {}).get("get", {})
    name = operation.get("x-expanded-response")
    if name is None:
        return frozenset()
    # The extension names `SmsSender` for the model `sms.Sender`.
    return frozenset(
        _fields(_document()["components"]["schemas"]["sms." + name.removeprefix("Sms")])
    )


def _fields(schema: dict[str, Any], prefix: str = "") -> list[str]:
    fields = []
    for name, spec in schema.get("properties", {}).items():
        fields.append(prefix + name)
        nested = _followed(spec)
        if nested.get("type", "object") == "object" and "properties" in nested:
            fields += _fields(nested, f"{prefix}{name}.")
    return fields


def _followed(spec: dict[str, Any]) -> dict[str, Any]:
    """A property's schema with its `$ref` (or `allOf` of one `$ref`) followed."""
    refs = [spec, *spec.get("allOf", [])]
    reference = next((item["$ref"] for item in refs if "$ref" in item), None)
    return model(reference) if reference else spec


def request_body(method: str, template: str) -> dict[str, Any]:
    """The schema of an operation's JSON body, as written (its `$ref`s not followed)."""
    operation = _document()["paths"][template][method.lower()]
    return operation["requestBody"]["content"]["application/json"]["schema"]


def model(reference: str) -> dict[str, Any]:
    """The model a `$ref` names, such as `#/components/schemas/sms.Phonebook`."""
    return _document()["components"]["schemas"][reference.rsplit("/", 1)[1]]
