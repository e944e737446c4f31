"""Shared fixtures: a clean environment, a running simulator, and `ovh` clients, gateways and
profiles bound to it; the clock tests move instead of sleeping, and a wait for a state that
another thread brings about.

Tests never see the user's real config, `ovh.conf`, `OVH_*` variables or proxies: HOME and the
working directory are temporary and the environment is scrubbed.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from collections.abc import Callable, Iterator

import ovh
import pytest

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.api.errors import InvalidInput
from smpp_tui.config import Profile
from smpp_tui.simulator import DemoKeys, Simulator, build_demo_world
from smpp_tui.simulator.demo import DemoCustomer

_ENDPOINT_NAMES = itertools.count(1)


@pytest.fixture(autouse=True)
def clean_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for name in list(os.environ):
        if name.startswith(("OVH_", "XDG_")) or name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    monkeypatch.delenv("SMPP_TUI_CONFIG", raising=False)
    monkeypatch.setenv("HOME", str(home))
    # The config, the audit log and anything else platformdirs places stay in the temp HOME.
    for variable, folder in [
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
    ]:
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.chdir(home)
    # Temporary files (a demo's audit log, the simulator's CA) stay in the test's folder, in
    # this process and in the commands it runs, not in the machine's /tmp.
    scratch = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    # Dates show in the user's time zone: one zone for all, so pictures do not move with it.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def eventually(condition: Callable[[], object], what: str, timeout: float = 5.0) -> None:
    """Wait until `condition()` holds, brought about by another thread (a poll, an action)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


class Clock:
    """A clock the test moves instead of sleeping: `clock()` reads it, `advance` moves it.

    It also makes the session's alarms (`Session.alarm`): moving the clock rings, on the
    mover's thread, those whose time has come.
    """

    def __init__(self, now: float) -> None:
        self.now = now
        self.alarms: list[ClockAlarm] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for alarm in list(self.alarms):
            alarm.ring_if_due()

    def alarm(self, ring: Callable[[], None], on_error: Callable[[Exception], None]) -> ClockAlarm:
        """The session's alarm (see `Session.alarm`), on this clock."""
        made = ClockAlarm(self, ring)
        self.alarms.append(made)
        return made


class ClockAlarm:
    def __init__(self, clock: Clock, ring: Callable[[], None]) -> None:
        self.clock, self.ring, self.at = clock, ring, None

    def set(self, delay: float | None) -> None:
        self.at = None if delay is None else self.clock.now + delay

    def close(self) -> None:
        self.clock.alarms.remove(self)

    def ring_if_due(self) -> None:
        if self.at is not None and self.at <= self.clock.now:
            self.at = None
            self.ring()


@pytest.fixture
def clock() -> Clock:
    """The app's clock: the poller's intervals, the budget's minute, the session's alarms."""
    return Clock(10_000.0)


@pytest.fixture
def world_clock() -> Callable[[], float]:
    """OVHcloud's clock, the simulator world's: the real one. A folder whose tests move it
    overrides this fixture with a `Clock` at the start time it needs."""
    return time.time


@pytest.fixture
def demo(world_clock) -> tuple:
    return build_demo_world(world_clock)


@pytest.fixture
def sim(demo) -> Iterator[Simulator]:
    world, _ = demo
    with Simulator(world) as simulator:
        yield simulator


@pytest.fixture
def customers(demo) -> list[DemoCustomer]:
    return demo[1]


@pytest.fixture
def keys(customers) -> DemoKeys:
    """The first demo customer's all-rights keys."""
    return customers[0].keys


def register_endpoint(sim: Simulator) -> str:
    """Register the simulator's URL with the unmodified `ovh` client, as a region name."""
    name = f"simulator-{next(_ENDPOINT_NAMES)}"
    ovh.client.ENDPOINTS[name] = sim.endpoint
    return name


ClientFactory = Callable[..., ovh.Client]


@pytest.fixture
def make_client(sim: Simulator, keys: DemoKeys) -> ClientFactory:
    """`make_client(**overrides)`: an `ovh.Client` on the simulator, demo keys by default."""
    endpoint = register_endpoint(sim)

    def make(**overrides) -> ovh.Client:
        options = {
            "endpoint": endpoint,
            "application_key": keys.application_key,
            "application_secret": keys.application_secret,
            "consumer_key": keys.consumer_key,
            "timeout": (2, 5),
        }
        options.update(overrides)
        return ovh.Client(**options)

    return make


@pytest.fixture
def client(make_client: ClientFactory) -> ovh.Client:
    return make_client()


def gateway_on(sim: Simulator, keys: DemoKeys, **options) -> Gateway:
    """A real gateway on the simulator, signing with `keys` (short timeouts unless given)."""
    options.setdefault("timeout", (1, 3))
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    return Gateway.connect(sim.endpoint, credentials, **options)


def profile_on(name: str, sim: Simulator, keys: DemoKeys, **options) -> Profile:
    """A profile named `name` with `keys`, on the simulator's endpoint."""
    return Profile(
        name,
        endpoint=sim.endpoint,
        application_key=keys.application_key,
        application_secret=keys.application_secret,
        consumer_key=keys.consumer_key,
        **options,
    )


def refusal(check: Callable[..., object], *args: object) -> str:
    """The message of the `InvalidInput` that `check(*args)` raises (it must raise one)."""
    with pytest.raises(InvalidInput) as raised:
        check(*args)
    return str(raised.value)
