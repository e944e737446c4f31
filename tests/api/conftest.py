"""Gateways on the simulator, and a check of every request body sent against the schemas.

What was sent is read from the simulator's own record (`Simulator.exchanges`), never from the
client: the simulator records each request, with its JSON body, before its answer leaves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import pytest

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.simulator import DemoKeys, Simulator
from smpp_tui.simulator.control import CONTROL_PREFIX
from tests.schema import template_for, validate_request

GatewayFactory = Callable[..., Gateway]
Sent = tuple[str, str, Any]  # method, API path (pieces quoted), JSON body


def credentials(keys: DemoKeys) -> ApplicationKey:
    return ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)


class Received(Sequence[Sent]):
    """(method, API path, JSON body) of every request the simulator received, in order."""

    def __init__(self, sim: Simulator) -> None:
        self._sim = sim

    def _rows(self) -> list[Sent]:
        # Copying the deque runs in C without a thread switch: no append can interleave.
        return [(e.method, e.path, e.body) for e in list(self._sim.exchanges)]

    @overload
    def __getitem__(self, index: int) -> Sent: ...
    @overload
    def __getitem__(self, index: slice) -> list[Sent]: ...
    def __getitem__(self, index: int | slice) -> Sent | list[Sent]:
        return self._rows()[index]

    def __len__(self) -> int:
        return len(self._sim.exchanges)


@pytest.fixture
def sent(sim: Simulator) -> Iterator[Received]:
    """What the simulator received during the test; every API request body is then validated."""
    received = Received(sim)
    yield received
    for method, path, body in received:
        if path.startswith(CONTROL_PREFIX):
            continue  # the simulator's controls, not OVHcloud's
        template_for(path)  # every route the app calls is in the schemas
        validate_request(method, path, body)


@pytest.fixture
def make_gateway(sim: Simulator, keys: DemoKeys, sent: Received) -> GatewayFactory:
    def make(*, timeout=(2, 5), **options) -> Gateway:
        options.setdefault("credentials", credentials(keys))
        return Gateway.connect(sim.endpoint, timeout=timeout, **options)

    return make


@pytest.fixture
def gateway(make_gateway: GatewayFactory) -> Gateway:
    return make_gateway()
