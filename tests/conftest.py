"""Shared fixtures: a clean environment, a running simulator, and `ovh` clients bound to it.

Tests never see the user's real config, `ovh.conf`, `OVH_*` variables or proxies: HOME and the
working directory are temporary and the environment is scrubbed.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

import ovh
import pytest

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


@pytest.fixture
def demo() -> tuple:
    return build_demo_world()


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
