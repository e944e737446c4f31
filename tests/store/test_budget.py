"""The request budget: every request counts in the minute, background refreshes are paced."""

from __future__ import annotations

import itertools

import pytest

from smpp_tui.store import RequestBudget


@pytest.fixture
def budget(clock) -> RequestBudget:
    return RequestBudget(30, clock)


def start(budget: RequestBudget, cost: int = 1) -> None:
    """A background refresh of `cost` requests starts and sends them."""
    budget.draw(cost)
    for _ in range(cost):
        budget.record()


def test_the_minute_holds_every_request(budget, clock):
    for _ in range(30):
        budget.record()  # the user's, a first load's: whoever sent them
        clock.now += 1
    assert not budget.allows(1, paced=False)
    assert budget.room_in(1) == 30, "when the first of them leaves the minute"
    assert budget.room_in(3, pending=2) == 34, "requests under way count as spent"


def test_below_two_thirds_of_the_minute_refreshes_go_at_once(budget):
    for _ in range(20):
        assert budget.allows(1)
        start(budget)
    assert not budget.allows(1)


def test_past_two_thirds_a_request_every_two_seconds(budget, clock):
    for _ in range(20):
        budget.record()
    starts = []
    while clock.now < 10_060:
        if budget.allows(1):
            start(budget)
            starts.append(clock.now)
        clock.now += 0.5
    gaps = {later - earlier for earlier, later in itertools.pairwise(starts)}
    assert gaps == {2.0}


def test_a_refresh_of_several_requests_waits_until_the_pace_has_earned_them(budget, clock):
    for _ in range(20):
        budget.record()
    start(budget)
    assert budget.room_in(3) == 6, "the next request's turn in 2 s, and two more after it"
    clock.now += 6
    start(budget, 3)
    assert budget.room_in(1) == 2, "then the pace goes on: what it earned is spent"


def test_a_retry_is_not_paced(budget, clock):
    for _ in range(20):
        budget.record()
    start(budget)
    assert not budget.allows(1)
    assert budget.allows(1, paced=False), "after an outage, all is read again at once"
