"""`X-Ovh-Batch`: several objects in one GET, as OVHcloud's control panel asks for them.

The header names the separator (`,` or `|`) of the ids packed into the route's last path piece,
`/sms/{serviceName}/outgoing/1,2,3`. The answer is one item per id, in the order asked,
`{"key", "value", "error"}`, with the error of an id that fails in its own item: the panel
reads each item's `value`. The item's exact shape is our best reading of that code, not
confirmed by OVHcloud's documentation.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Reply, Request, Route


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
    name = last[1:-1]
    keys = request.params[name].split(separator)
    return [_item(route, request, name, key) for key in keys]


def _item(route: Route, request: Request, name: str, key: str) -> dict[str, Any]:
    one = dataclasses.replace(request, params={**request.params, name: key})
    try:
        value = route.handler(one)
    except errors.ApiError as error:
        message = error.body.get("message") if isinstance(error.body, dict) else None
        return {"key": key, "value": None, "error": message or str(error)}
    return {"key": key, "value": value.body if isinstance(value, Reply) else value, "error": None}
