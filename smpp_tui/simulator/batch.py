"""`X-Ovh-Batch`: several objects in one GET, as OVHcloud's control panel asks for them.

The header names the separator of the ids packed into the route's last path piece,
`/sms/{serviceName}/outgoing/1,2,3` with `,`, `/sms/{serviceName}/senders/A%7CB` with `|`. The
answer is one item per id, in the order asked, `{"key", "value", "error"}`, with the error of an
id that fails in its own item: the panel reads each item's `value`. The item's exact shape is
our best reading of that code, not confirmed by OVHcloud's documentation.

Each id is a request of its own for the key's access rules: a key allowed `/sms/A` only reads
`A` of `A,B`, and gets `B`'s refusal in `B`'s item.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import quote, unquote

from smpp_tui.simulator import errors
from smpp_tui.simulator.access import rules_allow
from smpp_tui.simulator.router import Reply, Request, Route

# What a path piece may carry as is (RFC 3986 `pchar`): such a separator travels raw, and an
# encoded one (`%2C`) belongs to an id. Any other (`|`) is encoded by browsers, so it splits
# encoded too.
_RAW_IN_PATHS = frozenset("!$&'()*+,;=:@")


def answer(route: Route, request: Request, separator: str) -> list[dict[str, Any]]:
    """Run the route once per id; raises a 400 when the request cannot be a batch."""
    if len(separator) != 1 or separator.isalnum():
        raise errors.bad_request(f"Invalid X-Ovh-Batch {separator!r}: one separator, such as ,")
    if request.method != "GET":
        raise errors.bad_request("X-Ovh-Batch is honoured on GET only")
    last = route.parts[-1]
    if not last.startswith("{"):
        raise errors.bad_request(
            f"X-Ovh-Batch needs a route that ends with an id; {route.template} does not"
        )
    head, _, packed = request.path.rpartition("/")
    return [
        _item(route, request, last[1:-1], f"{head}/{piece}") for piece in _split(packed, separator)
    ]


def _split(packed: str, separator: str) -> list[str]:
    pieces = packed.split(separator)
    if separator in _RAW_IN_PATHS:
        return pieces
    encoded = quote(separator, safe="")
    return [
        piece for raw in pieces for piece in raw.replace(encoded.lower(), encoded).split(encoded)
    ]


def _item(route: Route, request: Request, name: str, path: str) -> dict[str, Any]:
    key = unquote(path.rpartition("/")[2])
    credential = request.credential
    if credential is not None and not rules_allow(credential.rules, request.method, path):
        return _failed(key, errors.not_granted_call())
    one = dataclasses.replace(request, path=path, params={**request.params, name: key})
    try:
        value = route.handler(one)
    except errors.ApiError as error:
        return _failed(key, error)
    return {"key": key, "value": value.body if isinstance(value, Reply) else value, "error": None}


def _failed(key: str, error: errors.ApiError) -> dict[str, Any]:
    message = error.body.get("message") if isinstance(error.body, dict) else None
    return {"key": key, "value": None, "error": message or str(error)}
