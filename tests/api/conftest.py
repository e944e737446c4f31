"""Gateways on the simulator, and a recorder that checks every request body against the schemas."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
import requests

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.simulator import DemoKeys, Simulator
from tests.schema import template_for, validate_request

GatewayFactory = Callable[..., Gateway]


def credentials(keys: DemoKeys) -> ApplicationKey:
    return ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)


@pytest.fixture
def sent() -> list[tuple[str, str, object]]:
    """(method, API path, JSON body) of every request the gateways of a test send."""
    return []


@pytest.fixture
def make_gateway(sim: Simulator, keys: DemoKeys, sent) -> Iterator[GatewayFactory]:
    def record(response: requests.Response, *args, **kwargs) -> None:
        request = response.request
        body = json.loads(request.body) if request.body else None
        path = urlsplit(request.url).path.removeprefix("/1.0")
        sent.append((request.method, path, body))

    def make(*, timeout=(2, 5), **options) -> Gateway:
        options.setdefault("credentials", credentials(keys))
        gateway = Gateway.connect(sim.endpoint, timeout=timeout, **options)
        gateway.connection.client._session.hooks["response"].append(record)
        return gateway

    yield make
    for method, path, body in sent:
        if not path.startswith("/auth"):
            template_for(path)  # every route the gateway calls is in the schemas
            validate_request(method, path, body)


@pytest.fixture
def gateway(make_gateway: GatewayFactory) -> Gateway:
    return make_gateway()
