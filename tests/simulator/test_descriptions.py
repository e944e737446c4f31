"""The simulator serves OVHcloud's API descriptions: `/1.0/sms.json`, `/me.json`, `/auth.json`
in OVHcloud's legacy format or, with `?format=openapi3`, as the vendored OpenAPI 3, and `/1.0/`,
the list of sections; all without authentication."""

from __future__ import annotations

import json
import socket
from importlib import resources
from typing import Any
from urllib.parse import quote

import ovh
import pytest
import requests

from smpp_tui.simulator.api_description import type_name
from smpp_tui.simulator.routes import api_router
from tests.schema import validate_request, validate_response

PREFIXES = ["/1.0", "/v1"]
FILES = {"/sms": "sms.json", "/me": "me-subset.json", "/auth": "auth.json"}


def vendored(section: str) -> dict[str, Any]:
    text = resources.files("smpp_tui").joinpath("ovh_api", FILES[section]).read_text("utf-8")
    return json.loads(text)


def fetch(sim, path: str, **params: str) -> dict[str, Any]:
    answer = requests.get(sim.url + path, params=params, timeout=5)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.headers["X-Ovh-Queryid"].startswith("EU.sim-1.")
    return answer.json()


def operation(description: dict[str, Any], method: str, template: str) -> dict[str, Any]:
    (api,) = [api for api in description["apis"] if api["path"] == template]
    (found,) = [op for op in api["operations"] if op["httpMethod"] == method]
    return found


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("section", FILES)
def test_each_description_answers_without_credentials(sim, prefix, section):
    description = fetch(sim, f"{prefix}{section}.json")
    assert description["resourcePath"] == section
    assert description["apiVersion"] == "1.0"
    assert description["basePath"] == sim.url + "/1.0"
    assert description["apis"]
    assert description["models"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_list_of_sections_leads_to_each_description(sim, prefix):
    listing = fetch(sim, prefix + "/")
    assert [api["path"] for api in listing["apis"]] == ["/auth", "/me", "/sms"]
    for api in listing["apis"]:
        assert api["schema"] == api["path"] + ".{format}"
        url = listing["basePath"] + api["schema"].format(format="json")
        assert requests.get(url, timeout=5).json()["resourcePath"] == api["path"]


def test_sms_json_lists_every_path_operation_and_model_of_the_schema(sim):
    schema = vendored("/sms")
    description = fetch(sim, "/1.0/sms.json")
    expected = {
        (template, method.upper()) for template, item in schema["paths"].items() for method in item
    }
    listed = {
        (api["path"], op["httpMethod"]) for api in description["apis"] for op in api["operations"]
    }
    assert listed == expected
    assert len(description["apis"]) == 78
    assert len(listed) == 124
    named = {name for name in schema["components"]["schemas"] if "." in name}
    assert set(description["models"]) == named
    assert len(named) == 90


def test_sms_json_writes_types_as_ovhcloud_does(sim):
    sms = fetch(sim, "/1.0/sms.json")
    models = sms["models"]
    assert operation(sms, "GET", "/sms")["responseType"] == "string[]"
    assert operation(sms, "POST", "/sms/{serviceName}/smpp/password")["responseType"] == "void"
    assert operation(sms, "GET", "/sms/{serviceName}/smpp/allowedIPs")["responseType"] == "ip[]"
    assert operation(sms, "GET", "/sms/{serviceName}/outgoing")["responseType"] == "long[]"
    settings = operation(sms, "GET", "/sms/{serviceName}/smpp/settings")
    assert settings["responseType"] == "sms.Settings"
    assert settings["iamActions"] == [{"name": "sms:apiovh:smpp/settings/get", "required": True}]
    assert settings["noAuthentication"] is False
    assert settings["apiStatus"] == {
        "value": "PRODUCTION",
        "description": "Stable production version",
    }
    assert operation(sms, "GET", "/sms/rates/packs")["noAuthentication"] is True

    credits_left = models["sms.Account"]["properties"]["creditsLeft"]
    assert credits_left == {
        "type": "double",
        "fullType": "double",
        "canBeNull": False,
        "readOnly": True,
        "required": False,
    }
    assert models["sms.Outgoing"]["properties"]["creationDatetime"]["type"] == "datetime"
    assert models["sms.Account"]["properties"]["automaticRecreditAmount"]["canBeNull"] is True
    assert models["sms.AccountWithIAM"]["id"] == "Account"
    assert models["sms.Settings"]["properties"]["endpoints"]["type"] == "sms.SettingsEndpoints[]"

    status = models["sms.SettingsStatusEnum"]
    assert status["enumType"] == "string"
    assert status["enum"] == ["DELETED", "ERROR", "SUCCESS", "UNKNOWN", "UPDATING_IP", "WAITING_IP"]
    recredit = models["sms.PackQuantityAutomaticRecreditEnum"]
    assert recredit["enumType"] == "long"
    assert recredit["enum"][:2] == ["100", "200"]


def test_sms_json_lists_parameters_one_by_one(sim):
    sms = fetch(sim, "/1.0/sms.json")
    create = operation(sms, "POST", "/sms/{serviceName}/senders")["parameters"]
    assert [(p.get("name"), p["paramType"], p["required"]) for p in create] == [
        ("description", "body", False),
        ("reason", "body", False),
        ("sender", "body", True),
        ("serviceName", "path", True),
    ]
    (whole,) = [
        p
        for p in operation(sms, "PUT", "/sms/{serviceName}")["parameters"]
        if p["paramType"] == "body"
    ]
    assert whole == {
        "dataType": "sms.Account",
        "paramType": "body",
        "fullType": "sms.Account",
        "required": True,
        "description": "New object properties",
    }
    history = operation(sms, "GET", "/sms/{serviceName}/outgoing")["parameters"]
    since = next(p for p in history if p["name"] == "creationDatetime.from")
    assert (since["dataType"], since["paramType"], since["required"]) == (
        "datetime",
        "query",
        False,
    )
    tags = next(p for p in operation(sms, "GET", "/sms")["parameters"] if p["name"] == "iamTags")
    assert tags["dataType"] == "map[string][]iam.resource.TagFilter"
    assert "fullType" not in tags


@pytest.mark.parametrize("prefix", PREFIXES)
def test_openapi3_is_the_vendored_document_on_the_url_used(sim, prefix):
    document = fetch(sim, f"{prefix}/sms.json", format="openapi3")
    assert document == {**vendored("/sms"), "servers": [{"url": sim.url + "/1.0"}]}


@pytest.mark.parametrize("fmt", ["legacy", "openapi3"])
def test_me_json_describes_the_simulated_me_routes_as_ovhcloud_would(sim, fmt):
    me = fetch(sim, "/1.0/me.json", **({"format": fmt} if fmt == "openapi3" else {}))
    paths = set(me["paths"]) if fmt == "openapi3" else {api["path"] for api in me["apis"]}
    assert paths == {"/me", "/me/document", "/me/document/{id}"}
    assert "subset" not in json.dumps(me).lower()


def test_auth_json_describes_the_auth_routes_the_simulator_serves(sim):
    described = {
        (api["path"], op["httpMethod"]): op["noAuthentication"]
        for api in fetch(sim, "/1.0/auth.json")["apis"]
        for op in api["operations"]
    }
    served = {
        (route.template, route.method): route.auth != "signed"
        for route in api_router().routes
        if route.template.startswith("/auth/")
    }
    assert described == served
    auth = fetch(sim, "/1.0/auth.json")
    assert operation(auth, "GET", "/auth/time")["responseType"] == "long"
    assert operation(auth, "GET", "/auth/currentCredential")["responseType"] == "auth.ApiCredential"
    key = auth["models"]["auth.ApiCredentialRequest"]["properties"]["consumerKey"]
    assert key["type"] == "password"


def test_the_auth_routes_answer_what_auth_json_says(client):
    validate_response("GET", "/auth/time", client.get("/auth/time", _need_auth=False))
    body = {"accessRules": [{"method": "GET", "path": "/sms/*"}], "allowedIPs": ["192.0.2.0/24"]}
    validate_request("POST", "/auth/credential", body)
    requested = client.post("/auth/credential", _need_auth=False, **body)
    validate_response("POST", "/auth/credential", requested)
    validate_response("GET", "/auth/currentCredential", client.get("/auth/currentCredential"))
    validate_response("POST", "/auth/logout", client.post("/auth/logout"))


def test_a_client_that_reads_the_description_calls_the_api(sim, make_client, monkeypatch):
    """What an SDK generator does: find the operation, fill its path from the description's
    parameters, call basePath + path signed, expect the model the description names."""
    description = fetch(sim, "/1.0/sms.json")
    template = "/sms/{serviceName}/smpp/settings"
    found = operation(description, "GET", template)
    monkeypatch.setitem(ovh.client.ENDPOINTS, "described", description["basePath"])
    client = make_client(endpoint="described")
    account = next(name for name in client.get("/sms") if name.startswith("smpp-"))
    path = template
    for parameter in found["parameters"]:
        assert (parameter["paramType"], parameter["required"]) == ("path", True)
        path = path.replace("{" + parameter["name"] + "}", quote(account, safe=""))

    answer = client.get(path)

    model = description["models"][found["responseType"]]
    assert set(model["properties"]) <= set(answer)
    for name, field in model["properties"].items():
        assert _conforms(answer[name], field, description["models"]), (name, answer[name])


def _conforms(value: Any, field: dict[str, Any], models: dict[str, Any]) -> bool:
    """Whether a value is of the legacy type the description gives."""
    if value is None:
        return bool(field["canBeNull"])
    kind = field["type"]
    if kind.endswith("[]"):
        item = {"type": kind[:-2], "canBeNull": False}
        return isinstance(value, list) and all(_conforms(v, item, models) for v in value)
    if kind in models and "enum" in models[kind]:
        return str(value) in models[kind]["enum"]
    if kind in models:
        return isinstance(value, dict) and set(models[kind]["properties"]) <= set(value)
    scalars = {"long": int, "double": (int, float), "boolean": bool}
    return isinstance(value, scalars.get(kind, str))


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "integer"}, "long"),
        ({"type": "number"}, "double"),
        ({"type": "string", "format": "date-time"}, "datetime"),
        ({"type": "string", "format": "uuid"}, "uuid"),
        ({"type": "array", "items": {"$ref": "#/components/schemas/ip"}}, "ip[]"),
        (
            {"allOf": [{"$ref": "#/components/schemas/sms.StatusAccountEnum"}]},
            "sms.StatusAccountEnum",
        ),
        (
            {"$ref": "#/components/schemas/complexType.SafeKeyValue_string"},
            "complexType.SafeKeyValue<string>",
        ),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "map[string]string"),
    ],
)
def test_type_names(schema, expected):
    assert type_name(schema) == expected


def test_a_request_without_host_is_told_the_simulators_own_address(sim):
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as connection:
        connection.sendall(b"GET /1.0/sms.json HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    body = json.loads(answer.partition(b"\r\n\r\n")[2])
    assert body["basePath"] == f"http://127.0.0.1:{sim.port}/1.0"
