"""What the store tests share: a store, a gateway on a simulator whose clock stands still, and
workers that hold the poller's jobs until the test runs them."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from smpp_tui.api import Gateway
from smpp_tui.simulator import DemoKeys, Simulator
from smpp_tui.store import Store
from tests.conftest import Clock, gateway_on


class Workers:
    """Jobs wait here until the test runs them, like thread workers still in flight."""

    def __init__(self) -> None:
        self.queue: list[Callable[[], None]] = []

    def __call__(self, job: Callable[[], None]) -> None:
        self.queue.append(job)

    def run_all(self) -> int:
        jobs, self.queue = self.queue, []
        for job in jobs:
            job()
        return len(jobs)

    def run_until_idle(self) -> int:
        """Run the jobs, and those their ends start, until none is left; how many ran."""
        ran = 0
        while self.queue:
            ran += self.run_all()
        return ran


@pytest.fixture
def workers() -> Workers:
    return Workers()


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def gateway(sim: Simulator, keys: DemoKeys) -> Gateway:
    """The first demo customer's."""
    return gateway_on(sim, keys)


@pytest.fixture
def world_clock() -> Clock:
    """OVHcloud's clock, stopped at our time: an IP change stays UPDATING_IP however slow the
    test runs."""
    return Clock(time.time())
