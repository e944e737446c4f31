"""OVHcloud's clock: read once through the client's public `time_delta`, re-read on a refusal.

OVHcloud's clock is the simulator world's, and tests move it rather than ours. A re-sync builds
a fresh client, which replaces the connection's only when OVHcloud's clock really moved.
"""

from __future__ import annotations

import dataclasses
import time

import pytest

from smpp_tui.api import ApplicationKey, OAuth2Client, errors
from smpp_tui.api.transport import Connection
from smpp_tui.simulator import Fault
from tests.conftest import Clock

HOUR = 3600.0


@pytest.fixture
def world_clock() -> Clock:
    """OVHcloud's clock, at our time until a test moves it."""
    return Clock(time.time())


def _paths(sim, since: int = 0) -> list[str]:
    return [exchange.path for exchange in list(sim.exchanges)[since:]]


def test_a_clock_jump_swaps_in_a_fresh_client(sim, world_clock, gateway):
    gateway.me()
    before = gateway.connection.client
    world_clock.advance(HOUR)
    since = len(sim.exchanges)
    assert gateway.me().email
    assert _paths(sim, since) == ["/me", "/auth/time", "/me"]  # refused, re-synced, retried
    assert gateway.connection.client is not before
    assert gateway.connection.resyncs == 1
    since = len(sim.exchanges)
    assert gateway.me().email
    assert _paths(sim, since) == ["/me"]  # the fresh client keeps its delta


def test_a_wrong_secret_keeps_the_client(sim, keys, make_gateway):
    wrong = ApplicationKey(keys.application_key, "wrong-secret-value", keys.consumer_key)
    gateway = make_gateway(credentials=wrong)
    gateway.connection.sync_clock()
    before = gateway.connection.client
    with pytest.raises(errors.InvalidCredentials):
        gateway.me()
    assert gateway.connection.client is before  # the fresh client found the same clock
    assert _paths(sim) == ["/auth/time", "/me", "/auth/time"]


def test_every_request_is_counted_the_clock_included(sim, world_clock, gateway):
    counted = []
    gateway.connection.on_request = lambda: counted.append(1)
    gateway.me()
    world_clock.advance(-HOUR)
    gateway.me()
    assert _paths(sim) == ["/auth/time", "/me", "/me", "/auth/time", "/me"]
    assert len(counted) == len(sim.exchanges)


def test_sync_clock_reads_the_clock_once(sim, gateway):
    gateway.connection.sync_clock()
    gateway.connection.sync_clock()
    assert _paths(sim) == ["/auth/time"]
    gateway.me()
    assert _paths(sim) == ["/auth/time", "/me"]


def test_oauth2_has_no_clock_to_read():
    connection = Connection("ovh-eu", OAuth2Client("id", "secret"))
    counted = []
    connection.on_request = lambda: counted.append(1)
    connection.sync_clock()  # would need the network if it sent anything
    assert counted == []


# A broken `GET /auth/time`, and the app's error for it. The `ovh` client reads the JSON before
# the status, and does arithmetic on whatever it got: many become InvalidResponse.
TIME_FAULTS = [
    (Fault("status", 500), errors.ServerError),
    (Fault("status", 503), errors.ServerError),
    (Fault("drop"), errors.Unreachable),
    (Fault("latency", 2), errors.TimedOut),
    (Fault("html"), errors.InvalidResponse),
    (Fault("list"), errors.InvalidResponse),  # the client crashes with AttributeError
    (Fault("status", 200, body="noon"), errors.InvalidResponse),  # TypeError
    (Fault("status", 200, body=[1]), errors.InvalidResponse),  # TypeError
    (Fault("status", 200, body=1.7e9), errors.InvalidResponse),  # a float delta
]


def _on_time(fault: Fault) -> Fault:
    """A fresh copy of `fault` (the parameters are shared), on the next `GET /auth/time`."""
    return dataclasses.replace(fault, method="GET", path="/auth/time", times=1, hits=0)


@pytest.mark.parametrize(("fault", "app_error"), TIME_FAULTS)
def test_a_broken_first_time_fetch_is_an_app_error(sim, make_gateway, fault, app_error):
    gateway = make_gateway(timeout=(2, 0.3))
    sim.inject(_on_time(fault))
    with pytest.raises(app_error) as raised:
        gateway.me()
    assert str(raised.value)
    assert gateway.me().email  # the fault is spent: the next call reads the clock and passes


@pytest.mark.parametrize(("fault", "app_error"), TIME_FAULTS)
def test_a_broken_resync_is_an_app_error(sim, world_clock, make_gateway, fault, app_error):
    gateway = make_gateway(timeout=(2, 0.3))
    gateway.me()
    before = gateway.connection.client
    world_clock.advance(HOUR)
    sim.inject(_on_time(fault))
    with pytest.raises(app_error):
        gateway.me()
    assert gateway.connection.client is before  # a failed re-sync swaps nothing


def test_an_unusable_time_is_not_kept(sim, gateway):
    # A float would stay in the client as its delta and sign every request with "170….5".
    sim.inject(_on_time(Fault("status", 200, body=time.time() + 0.5)))
    with pytest.raises(errors.InvalidResponse, match="/auth/time"):
        gateway.me()
    assert gateway.me().email
    assert _paths(sim) == ["/auth/time", "/auth/time", "/me"]
