"""The poller, with injected time, alarm and workers: no Textual, no threads, no sleeps."""

from __future__ import annotations

import itertools

import pytest

from smpp_tui.api import errors
from smpp_tui.store import Backoff, Health, Poller, RequestBudget, Watch
from tests.conftest import Clock
from tests.store.conftest import Workers


class Alarm:
    """The poller's alarm: the test moves the clock to it and rings it."""

    def __init__(self, clock: Clock) -> None:
        self.clock, self.at, self.rings = clock, None, 0

    def __call__(self, delay: float | None) -> None:
        assert delay is None or delay > 0, "a look due now is made at once, not by the alarm"
        self.at = None if delay is None else self.clock.now + delay

    @property
    def delay(self) -> float | None:
        return None if self.at is None else self.at - self.clock.now

    def run_for(self, poller: Poller, workers: Workers, seconds: float) -> None:
        """Let `seconds` pass, ringing the alarm when it is due; workers finish at once."""
        end = self.clock.now + seconds
        while self.at is not None and self.at <= end:
            self.clock.now = self.at
            self.rings += 1
            poller.tick()
            while workers.run_all():  # and what their ends start
                pass
        self.clock.now = end


class Source:
    """A fetch function that counts its calls and its requests, and can be made to fail."""

    def __init__(self, budget: RequestBudget, value="v", cost: int = 1) -> None:
        self.value, self.cost, self.calls, self.error = value, cost, 0, None
        self.budget = budget

    def __call__(self):
        self.calls += 1
        for _ in range(self.cost):
            self.budget.record()
        if self.error is not None:
            raise self.error
        return self.value


@pytest.fixture
def alarm(clock):
    return Alarm(clock)


@pytest.fixture
def poller(store, workers, clock, alarm):
    return Poller(
        store,
        workers,
        clock=clock,
        budget=RequestBudget(30, clock),
        backoff=Backoff(5, 300),
        alarm=alarm,
    )


@pytest.fixture
def source(poller):
    return Source(poller.budget)


def test_what_is_shown_is_fetched_at_once(poller, workers, store, source):
    poller.show([Watch(("a",), source, interval=30)])
    assert workers.run_all() == 1
    assert store.snapshot.value(("a",)) == "v"


def test_the_next_run_is_scheduled_when_the_last_ends(poller, workers, clock, source):
    poller.show([Watch(("a",), source, interval=30)])
    clock.now += 10  # the request took 10 s
    workers.run_all()
    clock.now += 25
    poller.tick()
    assert workers.queue == [], "35 s after the start, but only 25 s after the end"
    clock.now += 5
    poller.tick()
    assert len(workers.queue) == 1


def test_a_poll_never_overlaps_itself(poller, workers, clock, source):
    poller.show([Watch(("a",), source, interval=1)])
    for _ in range(5):
        clock.now += 10
        poller.tick()
        poller.refresh()
    assert len(workers.queue) == 1


def test_only_what_is_shown_is_polled(poller, workers, clock):
    a, b = Source(poller.budget, "a"), Source(poller.budget, "b")
    poller.show([Watch(("a",), a, interval=30)])
    workers.run_all()
    poller.show([Watch(("b",), b, interval=30)])
    for _ in range(4):
        clock.now += 31
        poller.tick()
        workers.run_all()
    assert a.calls == 1
    assert b.calls == 4
    assert poller.watched() == [("b",)]


def test_coming_back_to_fresh_data_does_not_refetch(poller, workers, clock, source):
    poller.show([Watch(("a",), source, interval=30)])
    workers.run_all()
    poller.show([])
    clock.now += 10
    poller.show([Watch(("a",), source, interval=30)])
    assert workers.queue == []
    clock.now += 20
    poller.tick()
    assert len(workers.queue) == 1


def test_failures_back_off_and_recover_by_themselves(poller, workers, clock, store, source, alarm):
    changes = []
    store.subscribe(changes.append)
    poller.show([Watch(("a",), source, interval=30)])
    workers.run_all()
    source.error = errors.Unreachable("OVHcloud could not be reached")
    delays = []
    for _ in range(9):
        clock.now += 1000
        poller.tick()
        workers.run_all()
        delays.append(alarm.delay)
    assert delays == [5, 10, 20, 40, 80, 160, 300, 300, 300]
    assert store.snapshot[("a",)].stale
    assert store.snapshot.value(("a",)) == "v", "the last good data is kept"
    assert store.snapshot.health is Health.UNREACHABLE
    source.error = None
    clock.now += 300
    poller.tick()
    workers.run_all()
    assert not store.snapshot[("a",)].stale
    assert store.snapshot.health is Health.OK
    health_changes = [c.snapshot.health for c in changes if c.health_changed]
    assert health_changes == [Health.UNREACHABLE, Health.OK], "one notice per change"


def test_retry_after_is_respected(poller, workers, source, alarm):
    poller.show([Watch(("a",), source, interval=30)])
    source.error = errors.RateLimited("slow down", retry_after=120)
    workers.run_all()
    assert alarm.delay == 120


def test_refused_credentials_set_the_health(poller, workers, store, source):
    source.error = errors.InvalidCredentials("This credential is not valid")
    poller.show([Watch(("a",), source)])
    workers.run_all()
    assert store.snapshot.health is Health.REFUSED


def test_any_exception_is_kept_as_an_error_not_raised(poller, workers, store, source):
    source.error = ValueError("unexpected shape")
    poller.show([Watch(("a",), source)])
    workers.run_all()
    assert isinstance(store.snapshot[("a",)].error, ValueError)
    assert store.snapshot.health is Health.OK, "a bug is not a connectivity problem"


def test_steady_state_stays_within_the_budget(poller, workers, clock, alarm):
    sources = [Source(poller.budget, i) for i in range(100)]
    poller.show([Watch((str(i),), s, interval=30) for i, s in enumerate(sources)])
    assert workers.run_until_idle() == 100  # the first load may burst...
    alarm.run_for(poller, workers, 60)
    sent_before = sum(s.calls for s in sources)
    for _ in range(600):  # ...but once it is a minute old, the budget holds
        alarm.run_for(poller, workers, 1)
        assert poller.budget.spent() <= 30
    per_minute = (sum(s.calls for s in sources) - sent_before) / 10
    assert 28 <= per_minute <= 30
    assert alarm.rings / 11 <= 31, "it wakes when a request fits, not every second"


# Timers, not ticks.


def test_the_alarm_is_set_for_the_next_due_and_nothing_when_idle(poller, workers, alarm, clock):
    a, b = Source(poller.budget, "a"), Source(poller.budget, "b")
    poller.show([Watch(("a",), a, interval=30), Watch(("b",), b, interval=600)])
    assert alarm.delay is None, "both in flight: their end looks again"
    workers.run_all()
    assert alarm.delay == 30
    alarm.run_for(poller, workers, 600)
    assert (a.calls, b.calls, alarm.rings) == (21, 2, 20), "one ring a due refresh, no more"
    poller.show([])
    assert alarm.delay is None


def test_a_refresh_held_for_the_budget_wakes_when_it_has_room(poller, workers, clock, alarm):
    source = Source(poller.budget)
    poller.show([Watch(("a",), source, interval=30)])
    workers.run_all()
    clock.now += 10
    for _ in range(29):
        poller.budget.record()  # with the first load's, 30 requests in the last minute
    clock.now += 20
    poller.tick()
    assert workers.queue == [], "due, but the budget is spent"
    assert alarm.delay == 30, "when the first load's request leaves the minute's window"
    alarm.run_for(poller, workers, 30)
    assert source.calls == 2


def test_a_manual_refresh_goes_first_and_ignores_the_budget(poller, workers, clock, source):
    for _ in range(30):
        poller.budget.record()
    poller.show([Watch(("a",), source, interval=30)])
    workers.run_all()
    clock.now += 31
    poller.tick()
    assert workers.queue == [], "the budget is spent"
    poller.refresh()
    assert workers.run_all() == 1


def test_a_refresh_asked_during_a_poll_runs_after_it(poller, workers, source):
    poller.show([Watch(("a",), source, interval=30)])
    poller.refresh()
    workers.run_all()
    poller.tick()
    assert len(workers.queue) == 1


def test_a_shorter_interval_applies_at_once(poller, workers, clock, source):
    poller.show([Watch(("a",), source, interval=30)])
    workers.run_all()
    clock.now += 6
    poller.show([Watch(("a",), source, interval=5)])
    assert len(workers.queue) == 1, "5 s after the last run, the 5 s interval is due"


def test_the_link_is_back_only_when_no_failing_resource_is_left(poller, workers, store, clock):
    budget = poller.budget
    a, b = Source(budget, "a"), Source(budget, "b")
    poller.show([Watch(("a",), a), Watch(("b",), b)])
    first, second = workers.queue
    workers.queue = []
    a.error = errors.Unreachable("down")
    first()  # fails: unreachable
    second()  # started before that failure was known: says nothing of the link
    assert store.snapshot.health is Health.UNREACHABLE

    clock.now += 1000
    poller.tick()
    workers.run_all()
    assert store.snapshot.health is Health.UNREACHABLE, "b works, but a still fails"
    a.error = None
    clock.now += 1000
    poller.tick()
    workers.run_all()
    assert store.snapshot.health is Health.OK


def test_one_failing_route_does_not_make_the_link_flap(poller, workers, store, clock):
    changes = []
    store.subscribe(changes.append)
    a, b = Source(poller.budget, "a"), Source(poller.budget, "b")
    a.error = errors.ServerError("OVHcloud is temporarily unavailable (HTTP 503)")
    poller.show([Watch(("a",), a, interval=5), Watch(("b",), b, interval=5)])
    for _ in range(20):
        clock.now += 400
        poller.tick()
        workers.run_all()
    assert [c.snapshot.health for c in changes if c.health_changed] == [Health.UNREACHABLE]
    assert isinstance(changes[-1].snapshot[("a",)].error, errors.ServerError)


def test_the_health_change_names_its_cause(poller, workers, store):
    changes = []
    store.subscribe(changes.append)
    a = Source(poller.budget)
    a.error = errors.TimedOut(20)
    poller.show([Watch(("a",), a)])
    workers.run_all()
    (health_change,) = [c for c in changes if c.health_changed]
    assert health_change.error is a.error


def test_a_resource_shown_again_while_in_flight_is_not_fetched_twice(poller, workers, source):
    poller.show([Watch(("a",), source)])
    poller.show([])
    poller.show([Watch(("a",), source)])
    assert len(workers.queue) == 1
    workers.run_all()
    assert source.calls == 1


def test_an_expensive_refresh_is_not_passed_over_by_cheaper_ones(poller, workers, alarm):
    big = Source(poller.budget, "big", cost=45)
    small = [Source(poller.budget, i) for i in range(20)]
    watches = [Watch(("big",), big, interval=30, cost=45)]
    watches += [Watch((str(i),), s, interval=30) for i, s in enumerate(small)]
    poller.show(watches)
    workers.run_all()  # the first load bursts
    alarm.run_for(poller, workers, 600)
    assert big.calls >= 5, "about once every two minutes: its cost fills the budget"


def test_r_during_a_failing_refresh_is_not_lost(poller, workers, clock, source):
    poller.show([Watch(("a",), source)])
    source.error = errors.Unreachable("down")
    poller.refresh()
    source.error = errors.Unreachable("down")
    workers.run_all()
    poller.tick()
    assert len(workers.queue) == 1, "r pressed during the run: tried again at once"


def test_a_first_load_is_never_held_behind_one_waiting_for_the_budget(poller, workers, clock):
    old = Source(poller.budget, "old")
    poller.show([Watch(("old",), old, interval=30)])
    workers.run_all()
    for _ in range(30):
        poller.budget.record()  # the minute's budget is spent
    clock.now += 31  # "old" is due, and waits for the budget
    new = Source(poller.budget, "new")
    poller.show([Watch(("old",), old, interval=30), Watch(("new",), new, interval=30)])
    assert workers.run_all() == 1
    assert (old.calls, new.calls) == (1, 1)


def test_a_poll_started_before_a_write_lands_in_nothing(poller, workers, store, clock):
    answers = iter([["old list"], ["fresh list"]])

    def fetch() -> list[str]:
        if store.snapshot.value(("ips",)) is None:  # the first request is out...
            store.wrote(("ips",), ["written list"], clock.now)  # ...when a write lands
        return next(answers)

    poller.show([Watch(("ips",), fetch, interval=30)])
    workers.run_all()
    assert store.snapshot.value(("ips",)) == ["written list"]
    poller.refresh()
    workers.run_all()
    assert store.snapshot.value(("ips",)) == ["fresh list"], "a poll started after it counts"


# Recovery: once OVHcloud answers again, nothing waits out the backoff of its silence.


def shown_in_phases(poller, workers, alarm, sources, intervals) -> list[Watch]:
    """Show `sources` one every 7 s, on `intervals` in turn: refreshes out of step, as on a
    screen used for a while (and kept apart further by the budget)."""
    watches: list[Watch] = []
    for i, source in enumerate(sources):
        watches.append(Watch((str(i),), source, interval=intervals[i % len(intervals)]))
        poller.show(watches)
        workers.run_all()
        alarm.run_for(poller, workers, 7)
    return watches


def run_outage(poller, workers, alarm, sources, seconds: float) -> None:
    """No answer to anything for `seconds`, then answers again."""
    for source in sources:
        source.error = errors.Unreachable("OVHcloud could not be reached")
    alarm.run_for(poller, workers, seconds)
    for source in sources:
        source.error = None


def run_until_answered(poller, workers, alarm, sources) -> None:
    """Let time pass until a refresh has succeeded (the first answer after an outage)."""
    calls = sum(source.calls for source in sources)
    while sum(source.calls for source in sources) == calls:
        alarm.run_for(poller, workers, 1)


@pytest.mark.parametrize("outage", [400, 45, 1000, 3000])
@pytest.mark.parametrize("start", [0, 13, 150])
def test_after_an_outage_all_is_fresh_within_one_interval_of_the_first_answer(
    poller, workers, store, clock, alarm, outage, start
):
    sources = [Source(poller.budget, i) for i in range(12)]
    watches = shown_in_phases(poller, workers, alarm, sources, intervals=[30, 30, 30, 5, 600])
    alarm.run_for(poller, workers, start)
    run_outage(poller, workers, alarm, sources, outage)
    assert any(store.snapshot[w.key].stale for w in watches)
    run_until_answered(poller, workers, alarm, sources)
    for _ in range(30):  # one interval
        alarm.run_for(poller, workers, 1)
        assert poller.budget.spent() <= 30
    assert [w.key for w in watches if store.snapshot[w.key].stale] == []
    assert store.snapshot.health is Health.OK


def test_a_recovery_keeps_to_the_budget(poller, workers, store, clock, alarm):
    sources = [Source(poller.budget, i) for i in range(45)]
    watches = shown_in_phases(poller, workers, alarm, sources, intervals=[30])
    run_outage(poller, workers, alarm, sources, 400)
    run_until_answered(poller, workers, alarm, sources)
    for _ in range(120):
        alarm.run_for(poller, workers, 1)
        assert poller.budget.spent() <= 30, "what failed comes back as the budget allows"
    assert [w.key for w in watches if store.snapshot[w.key].stale] == []


def test_a_route_failing_alone_is_tried_at_its_pace_no_faster(poller, workers, alarm):
    sources = [Source(poller.budget, i) for i in range(5)]
    broken = sources[0]
    shown_in_phases(poller, workers, alarm, sources, intervals=[30])  # an answer every 6 s
    broken.error = errors.ServerError("OVHcloud is temporarily unavailable (HTTP 503)")
    calls = broken.calls
    alarm.run_for(poller, workers, 600)
    # Backing off to 5 min while the others answer would try it 7 times; trying it again at
    # each of their answers, hundreds.
    assert 18 <= broken.calls - calls <= 23


def test_a_missing_right_keeps_its_backoff_while_others_answer(poller, workers, alarm):
    sources = [Source(poller.budget, i) for i in range(5)]
    refused = sources[0]
    shown_in_phases(poller, workers, alarm, sources, intervals=[30])
    refused.error = errors.NotGranted("GET", "/sms/*/smpp/allowedIPs")
    calls = refused.calls
    alarm.run_for(poller, workers, 600)
    assert refused.calls - calls <= 7, "5, 10, 20... up to 300 s: another answer changes nothing"


def test_a_recovery_still_waits_for_retry_after(poller, workers, clock, alarm):
    limited, other = Source(poller.budget, "limited"), Source(poller.budget, "other")
    poller.show([Watch(("limited",), limited, interval=30), Watch(("other",), other, interval=5)])
    workers.run_all()
    limited.error = errors.RateLimited("slow down", retry_after=120)
    alarm.run_for(poller, workers, 30)  # "limited" is refused, "other" answers meanwhile
    assert limited.calls == 2
    alarm.run_for(poller, workers, 119)
    assert limited.calls == 2, "OVHcloud asked for 120 s"
    alarm.run_for(poller, workers, 1)
    assert limited.calls == 3


# Sharing the budget: statuses first, details in rotation, one request every two seconds.


def show_rows(poller, workers, rows: int, list_cost: int = 3) -> dict[str, list[Source]]:
    """An accounts screen: each row's status, its IP count and the list's re-read (details)."""
    budget = poller.budget
    shown = {"statuses": [Source(budget, i) for i in range(rows)]}
    shown["details"] = [Source(budget, i) for i in range(rows)]
    shown["details"].append(Source(budget, "list", cost=list_cost))
    watches = [Watch(("accounts",), shown["details"][-1], cost=list_cost, detail=True)]
    for i in range(rows):
        watches.append(Watch(("settings", str(i)), shown["statuses"][i]))
        watches.append(Watch(("ips", str(i)), shown["details"][i], detail=True))
    poller.show(watches)
    workers.run_until_idle()  # the first load's burst
    return shown


def oldest_status(store, rows: int, now: float) -> float:
    return max(now - store.snapshot[("settings", str(i))].fetched_at for i in range(rows))


def test_when_the_budget_is_short_the_statuses_keep_within_a_minute_of_their_interval(
    poller, workers, store, clock, alarm
):
    shown = show_rows(poller, workers, rows=36)
    alarm.run_for(poller, workers, 240)  # the burst leaves the minute, the statuses catch up
    details = [source.calls for source in shown["details"]]
    for _ in range(900):
        alarm.run_for(poller, workers, 1)
        assert poller.budget.spent() <= 30
        assert oldest_status(store, 36, clock.now) <= 90
    refreshed = [s.calls - calls for s, calls in zip(shown["details"], details, strict=True)]
    assert min(refreshed) >= 1, "the details' turn comes, every one"
    assert sum(refreshed) <= 3 * 15, "one request in ten: 3 a minute"


def test_details_refused_for_good_wait_their_turn_behind_the_statuses(
    poller, workers, store, clock, alarm
):
    """A key without the right to read IPs: every row's IP count fails, saying nothing of the
    link. Retried at each backoff ahead of the rest, they took 9 requests a minute and let a
    status get 111 s old."""
    shown = show_rows(poller, workers, rows=36)
    for source in shown["details"][:-1]:
        source.error = errors.NotFound("gone")
    alarm.run_for(poller, workers, 600)
    for _ in range(900):
        alarm.run_for(poller, workers, 1)
        assert oldest_status(store, 36, clock.now) <= 90


def test_when_the_budget_has_room_the_details_come_at_their_interval(poller, workers, alarm):
    shown = show_rows(poller, workers, rows=3, list_cost=1)
    alarm.run_for(poller, workers, 600)
    calls = [source.calls for source in shown["statuses"] + shown["details"]]
    assert min(calls) >= 18, "every 30 s or so, each, details too"


def test_refreshes_are_paced_not_sent_in_trains(poller, workers, clock, alarm):
    sent: list[float] = []
    record = poller.budget.record
    poller.budget.record = lambda: (sent.append(clock.now), record())  # type: ignore[method-assign]
    sources = [Source(poller.budget, i) for i in range(40)]
    poller.show([Watch((str(i),), s) for i, s in enumerate(sources)])
    workers.run_until_idle()
    alarm.run_for(poller, workers, 600)
    steady = [at for at in sent if at > clock.now - 300]
    gaps = {later - earlier for earlier, later in itertools.pairwise(steady)}
    assert gaps == {2.0}, "one request every two seconds, not 30 at once then a minute's wait"


def test_what_failed_goes_before_what_is_merely_due(poller, workers, store, clock, alarm):
    shown = show_rows(poller, workers, rows=36)
    alarm.run_for(poller, workers, 300)
    broken = shown["details"][5]
    broken.error = errors.ServerError("OVHcloud is temporarily unavailable (HTTP 503)")
    poller.refresh([("ips", "5")])
    workers.run_all()
    assert store.snapshot[("ips", "5")].stale
    broken.error = None
    calls = broken.calls
    alarm.run_for(poller, workers, 40)
    assert broken.calls == calls + 1, "a detail, but marked on screen: retried first"
    assert not store.snapshot[("ips", "5")].stale


def test_r_fetches_the_whole_of_what_is_read_in_turn(poller, workers, alarm):
    part, whole = Source(poller.budget, "part"), Source(poller.budget, "whole")
    poller.show([Watch(("list",), part, whole=whole)])
    workers.run_all()
    alarm.run_for(poller, workers, 31)
    assert (part.calls, whole.calls) == (2, 0)
    poller.refresh()
    workers.run_all()
    assert (part.calls, whole.calls) == (2, 1)


# First loads: past the budget, once, ten at a time.


def test_first_loads_go_past_the_budget_ten_at_a_time(poller, workers, store):
    for _ in range(30):
        poller.budget.record()  # the minute's budget is spent
    sources = [Source(poller.budget, i) for i in range(45)]
    poller.show([Watch((str(i),), s) for i, s in enumerate(sources)])
    in_flight = []
    while workers.queue:
        in_flight.append(len(workers.queue))
        workers.queue.pop(0)()  # one ends: another starts
    assert max(in_flight) == 10
    assert all(store.snapshot[(str(i),)].loaded for i in range(45)), "no wait for the budget"


def test_a_first_load_that_failed_waits_for_the_budget(poller, workers, clock, source):
    source.error = errors.Unreachable("OVHcloud could not be reached")
    for _ in range(30):
        poller.budget.record()
    poller.show([Watch(("a",), source)])
    workers.run_all()
    assert source.calls == 1, "its first try goes past the budget"
    clock.now += 20  # past its backoff, within the minute
    poller.tick()
    assert workers.queue == [], "bursts once: the retry waits for room"


def test_first_loads_bring_the_statuses_before_the_details(poller, workers):
    order: list[str] = []

    def fetch(name: str):
        order.append(name)

    watches = [Watch(("ips", str(i)), lambda i=i: fetch(f"ips {i}"), detail=True) for i in range(8)]
    watches += [Watch(("settings", str(i)), lambda i=i: fetch(f"status {i}")) for i in range(8)]
    poller.show(watches)
    workers.run_until_idle()
    assert order[:8] == [f"status {i}" for i in range(8)]


def test_the_user_s_refresh_goes_before_the_first_loads(poller, workers, clock):
    old = Source(poller.budget, "old")
    poller.show([Watch(("old",), old)])
    workers.run_all()
    new = [Source(poller.budget, i) for i in range(30)]
    poller.show([Watch(("old",), old)] + [Watch((str(i),), s) for i, s in enumerate(new)])
    poller.refresh([("old",)])
    workers.queue.pop(0)()  # one first load ends: the user's refresh is next
    workers.queue.pop()()
    assert old.calls == 2
    assert sum(s.calls for s in new) == 1
