"""The request budget on the accounts screen, in the real app over HTTP, with OVHcloud's lists
of ids (each account read by its name): once the first load has passed, at most 30 requests a
minute at 9, 209 and 1,009 accounts, and every visible row's SMPP status no older than its
interval plus a minute."""

from __future__ import annotations

import itertools

import pytest

from smpp_tui.session import threads
from smpp_tui.simulator import build_demo_world
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.tui.app import SmppApp
from tests.tui.conftest import SIZE, loaded, table, wait_for

INTERVAL = 30.0  # the SMPP status's, by default


@pytest.fixture(params=[0, 1, 5], ids=["9 accounts", "209 accounts", "1,009 accounts"])
def demo(request, world_clock) -> tuple:
    world, customers = build_demo_world(world_clock, scale=request.param)
    world.sms.behaviour.expanded_lists = False  # a re-read of the list costs a request a row
    return world, customers


def visible_statuses(app: SmppApp) -> list[tuple[str, ...]]:
    smpp = {account.name for account in app.store.snapshot.value(ACCOUNTS, ()) if account.smpp}
    return [settings_key(name) for name in table(app).visible_accounts() if name in smpp]


class Watching:
    """The app's clock moved from one of its alarms to the next, each refresh answered before
    the clock moves on: the requests answered by the simulator at each moment, and the times
    each visible status was read."""

    def __init__(self, app, pilot, sim, clock) -> None:
        self.app, self.pilot, self.sim, self.clock = app, pilot, sim, clock
        self.sent: list[tuple[float, int]] = []  # (when, requests answered then)
        self.read: dict[tuple[str, ...], list[float]] = {key: [] for key in visible_statuses(app)}

    async def run_for(self, seconds: float) -> None:
        end = self.clock.now + seconds
        while self.clock.now < end:
            seen = len(self.sim.exchanges)
            rings = [alarm.at for alarm in self.clock.alarms if alarm.at is not None]
            self.clock.advance(max(0.0, min([*rings, end]) - self.clock.now))
            await self.answered()
            self.sent.append((self.clock.now, len(self.sim.exchanges) - seen))
            for key, times in self.read.items():
                fetched = self.app.store.snapshot[key].fetched_at
                if not times or times[-1] != fetched:
                    times.append(fetched)

    async def answered(self) -> None:
        """Wait for the refreshes under way (a few ms each on the loopback), and the screen
        to hear of them."""
        while self.app.poller.in_flight:
            await self.pilot.pause(0.002)
        await self.pilot.pause(0.001)

    def most_in_a_minute(self, since: float) -> int:
        return max(
            sum(count for when, count in self.sent if at - 60 < when <= at)
            for at, _ in self.sent
            if at >= since
        )

    def oldest_status(self, since: float) -> float:
        """The oldest a visible status was after `since`: the longest it went unread."""
        ages = []
        for times in self.read.values():
            gaps = itertools.pairwise([*times, self.clock.now])
            ages += [later - earlier for earlier, later in gaps if later > since]
        return max(ages)


class InFlight:
    """The most refreshes the poller had under way, counted as each one is launched."""

    def __init__(self, app: SmppApp, monkeypatch) -> None:
        self.most = 0
        launch = threads.launch

        def counting(job, on_error) -> None:
            # The list's first load starts as the session's `Live` is made, before the app has it.
            if app.live is not None:
                self.most = max(self.most, len(app.poller.in_flight))
            launch(job, on_error)

        monkeypatch.setattr(threads, "launch", counting)


async def first_load(app: SmppApp, pilot) -> None:
    """Wait for the accounts and the visible rows' statuses."""

    def shown() -> bool:
        keys = visible_statuses(app) if loaded(app) else []
        statuses = [app.store.snapshot[key].loaded for key in keys]
        return bool(statuses) and all(statuses) and not app.poller.in_flight

    await wait_for(pilot, shown, "the rows' statuses", timeout=30)


async def test_the_budget_holds_and_every_visible_status_stays_fresh(
    make_app, sim, clock, monkeypatch
):
    app = make_app()
    in_flight = InFlight(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await first_load(app, pilot)
        assert in_flight.most == 10, "a first load's burst, ten at a time"
        watching = Watching(app, pilot, sim, clock)
        loaded_at = clock.now
        await watching.run_for(420)
        # The burst leaves the minute after a minute; the statuses it read, all as old, are
        # read again at the budget's pace within the next three.
        assert watching.most_in_a_minute(since=loaded_at + 60) <= 30
        assert watching.oldest_status(since=loaded_at + 240) <= INTERVAL + 60


@pytest.mark.parametrize("demo", [1], indirect=True, ids=["209 accounts"])
async def test_r_reads_the_rows_again_at_once_whatever_the_budget(make_app, sim, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await first_load(app, pilot)
        clock.advance(5)
        assert not app.poller.budget.allows(1), "the first load's burst spent the minute"
        await pilot.press("r")
        keys = visible_statuses(app)
        read = lambda: all(app.store.snapshot[k].fetched_at == clock.now for k in keys)  # noqa: E731
        await wait_for(pilot, read, "every visible status read again")
