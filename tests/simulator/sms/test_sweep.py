"""The schema sweep: every GET route of the vendored `/sms` schema is served, and answers a body
that validates against it, through an unmodified `ovh.Client`.

Each route is one test, named by its template. Path parameters are found as a client would
find them: from the list route that precedes them (`/sms/X/users` gives a `{login}`).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any
from urllib.parse import quote

import pytest

from smpp_tui.simulator.routes import api_router
from tests.simulator.sms.conftest import MAIN

# Values for required query arguments a list cannot give.
_QUERY = {"ptt": 0, "receiver": "+33612345678", "quantity": 1000}


def _schema() -> dict[str, Any]:
    text = resources.files("smpp_tui").joinpath("ovh_api", "sms.json").read_text("utf-8")
    return json.loads(text)


GET_TEMPLATES = sorted(path for path, ops in _schema()["paths"].items() if "get" in ops)


def _query(template: str) -> dict[str, Any]:
    schemas = _schema()["components"]["schemas"]
    query = {}
    for parameter in _schema()["paths"][template]["get"].get("parameters", []):
        if parameter["in"] != "query" or not parameter.get("required"):
            continue
        schema = parameter["schema"]
        if "$ref" in schema:
            query[parameter["name"]] = schemas[schema["$ref"].rsplit("/", 1)[1]]["enum"][0]
        else:
            query[parameter["name"]] = _QUERY[parameter["name"]]
    return query


def _concrete(api, template: str) -> str:
    """The template with each parameter taken from the list before it."""
    path = ""
    for piece in template.strip("/").split("/"):
        if not piece.startswith("{"):
            path += f"/{piece}"
            continue
        if piece == "{serviceName}":
            chosen: Any = MAIN
        else:
            listed = api.get(path)
            assert listed, f"the demo has something at {path} to fill {piece} of {template}"
            chosen = listed[0]["id"] if isinstance(listed[0], dict) else listed[0]
        path += "/" + quote(str(chosen), safe="")
    return path


def test_the_router_serves_every_get_route_of_the_schema():
    served = {route.template for route in api_router().routes if route.method == "GET"}
    missing = [template for template in GET_TEMPLATES if template not in served]
    assert not missing, f"{len(GET_TEMPLATES) - len(missing)}/{len(GET_TEMPLATES)} served"
    assert len(GET_TEMPLATES) == 69


@pytest.mark.parametrize("template", GET_TEMPLATES)
def test_get(api, template):
    """`api` validates the body against the template's response schema."""
    body = api.get(_concrete(api, template), **_query(template))
    assert body is not None
