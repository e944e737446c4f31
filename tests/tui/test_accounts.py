"""The accounts screen, driven with the keyboard against the simulator."""

from __future__ import annotations

import pytest
from textual import events

from smpp_tui.simulator import Fault, Simulator
from smpp_tui.store import Health
from smpp_tui.store.resources import ACCOUNTS, settings_key
from smpp_tui.tui import words
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from smpp_tui.tui.widgets.account_rows import description_width
from tests.tui.conftest import (
    SIZE,
    WAITING,
    WORKING,
    all_smpp_details,
    cell,
    fill,
    footer_keys,
    let_time_pass,
    loaded,
    open_account,
    shown_names,
    status,
    table,
    wait_for,
)

LOW = 100  # the default [ui] low_credits: under it, an account without recharge runs out


def simulator_names(sim, customer) -> list[str]:
    return sim.world.sms.names_of(customer.nichandle)


async def test_the_list_matches_the_simulator(make_app, sim, customers):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        names = shown_names(app)
        assert sorted(names) == simulator_names(sim, customers[0].customer)
        smpp = [sim.world.sms.accounts[n].smpp for n in names]
        assert smpp == sorted(smpp, reverse=True), "SMPP accounts come first"
        await all_smpp_details(app, pilot)
        width = description_width(SIZE[0])
        for name in names:
            account = sim.world.sms.accounts[name]
            assert cell(app, name, "description") == words.plain(account.description, width).plain
            low = "⚠ " if account.credits_left < LOW and account.recredit_amount is None else ""
            assert cell(app, name, "credits") == f"{low}{account.credits_left:,.2f}"
            if account.smpp:
                assert cell(app, name, "ips") == f"{len(account.allowed_ips)}/10"
                assert cell(app, name, "smpp") == "SMPP"
        assert status(app).startswith(f"demo · {len(names)} accounts · ⚠ ")


async def test_statuses_are_words_not_only_colours(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        statuses = {cell(app, name, "smpp_status") for name in shown_names(app)}
        assert "✓ working" in statuses
        assert "○ no IP yet" in statuses
        assert "—" in statuses, "classic accounts have no SMPP status"


async def test_markup_in_api_text_is_shown_as_text(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        descriptions = [cell(app, name, "description") for name in shown_names(app)]
        assert any("[/]" in text for text in descriptions)


async def test_a_user_finds_an_account_by_typing_a_filter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        total = len(shown_names(app))
        await pilot.press("slash", *"otp", "enter")  # the one test that types in the filter
        assert shown_names(app) == ["smpp-dc12345-7"]
        assert status(app).startswith(f"demo · 1 of {total} accounts · filter: otp")
        assert app.focused is table(app), "enter hands the keys back to the table"
        await pilot.press("escape")
        assert len(shown_names(app)) == total


async def test_keys_that_come_in_one_burst_after_the_slash_are_the_filters(make_app):
    """Over SSH keys come in bursts: those after `/` go to the field, not to the table (where
    `t` would open a transfer)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        for key, character in (("slash", "/"), ("o", "o"), ("t", "t"), ("p", "p")):
            app.post_message(events.Key(key, character))  # all sent before any is handled
        await wait_for(pilot, lambda: "filter: otp" in status(app), lambda: status(app))
        assert isinstance(app.screen, AccountsScreen)
        assert shown_names(app) == ["smpp-dc12345-7"]


async def test_a_slash_typed_in_the_filter_is_text(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("slash", "left_square_bracket", "slash", "right_square_bracket")
        assert "filter: [/]" in status(app)
        assert shown_names(app) == [WAITING]  # "Staging [/] do not use"


async def test_the_filter_matches_descriptions_in_any_case(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("slash")
        await fill(pilot, "KANNEL")
        assert shown_names(app) == ["smpp-dc12345-1"]


async def test_s_shows_only_smpp_accounts(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await wait_for(pilot, lambda: "s SMPP only" in footer_keys(app.screen), "the footer")
        await pilot.press("s")
        assert all(sim.world.sms.accounts[n].smpp for n in shown_names(app))
        assert "SMPP only" in status(app)
        await wait_for(pilot, lambda: "s All accounts" in footer_keys(app.screen), "the label")
        await pilot.press("s")
        assert not all(sim.world.sms.accounts[n].smpp for n in shown_names(app))
        await wait_for(pilot, lambda: "s SMPP only" in footer_keys(app.screen), "the label")


FRESH = " · up to date"


async def time_passes(pilot, clock, world_clock, seconds: float) -> None:
    world_clock.advance(seconds)
    await let_time_pass(pilot, clock, seconds)


async def test_a_list_that_comes_late_brings_the_tables_keys_to_the_footer(make_app, sim):
    """Textual leaves a loading widget's keys out: they come back when the rows do."""
    sim.inject(Fault("latency", 1.0, "GET", "/sms", times=1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        loading = lambda: isinstance(app.screen, AccountsScreen) and table(app).loading  # noqa: E731
        await wait_for(pilot, loading, "the accounts loading")
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        opens = lambda: "⏎ Open" in footer_keys(app.screen)  # noqa: E731
        await wait_for(pilot, opens, lambda: f"⏎ Open in {footer_keys(app.screen)}")


async def test_r_says_it_is_refreshing_until_the_answer(make_app, sim, clock, world_clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await wait_for(pilot, lambda: status(app).endswith(FRESH), lambda: status(app))
        await time_passes(pilot, clock, world_clock, 10)
        sim.inject(Fault("latency", 0.5, "GET", "/sms", times=1))
        await pilot.press("r")
        assert status(app).endswith(" · refreshing…")
        # The same accounts come back: the store tells no one, the status line still knows.
        await wait_for(pilot, lambda: status(app).endswith(FRESH), lambda: status(app))


async def test_up_to_date_ends_as_soon_as_ovhcloud_stops_answering(make_app, sim, clock):
    """Rows go ⚠ at their next poll; the list itself may be polled minutes later (a detail):
    the status line does not wait for it to stop saying the data is up to date."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        traffic = Traffic(app, pilot, sim, clock)
        await traffic.run_for(120)
        assert status(app).endswith(FRESH)
        sim.inject(Fault("status", 503))
        while app.store.snapshot.health is Health.OK:
            await traffic.run_for(5)
        assert not status(app).endswith(FRESH)
        assert "data from" in status(app)


async def test_a_poll_that_brings_the_same_data_back_changes_no_word_on_screen(
    make_app, sim, clock, world_clock
):
    """No clock of the last poll: an app left alone sends nothing to the terminal."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)  # its settings never change by themselves
        await wait_for(pilot, lambda: status(app).endswith(FRESH), lambda: status(app))
        await wait_for(pilot, lambda: not app.poller.in_flight, "the first loads")
        said, asked = status(app), len(sim.exchanges)
        for _ in range(5):  # past the minute the line once looked again at the poll's time
            await time_passes(pilot, clock, world_clock, 31)
            await wait_for(pilot, lambda: not app.poller.in_flight, "the poll")
            assert status(app) == said
        polled = [e.path for e in list(sim.exchanges)[asked:] if e.path.endswith("/settings")]
        assert len(polled) >= 3, polled


async def test_keys_move_the_cursor(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        names = shown_names(app)
        await pilot.press("j", "j")
        assert table(app).current_account == names[2]
        await pilot.press("k")
        assert table(app).current_account == names[1]
        await pilot.press("G")
        assert table(app).current_account == names[-1]
        await pilot.press("g")
        assert table(app).current_account == names[0]


async def test_the_cursor_stays_on_its_account_across_a_refresh(make_app, sim, customers, client):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("j", "j", "j")
        chosen = table(app).current_account
        client.put(f"/sms/{chosen}", description="Renamed from the web panel")
        _add_account(sim, customers[0].customer.nichandle, "smpp-aa00000-1")
        await pilot.press("r")
        await wait_for(pilot, lambda: "smpp-aa00000-1" in shown_names(app), "the new account")
        assert shown_names(app)[0] == "smpp-aa00000-1"
        assert table(app).current_account == chosen
        assert cell(app, chosen, "description") == "Renamed from the web panel"


async def test_only_changed_cells_are_touched(make_app, client):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        touched = []
        original = table(app).update_cell
        table(app).update_cell = lambda *a, **k: (touched.append(a[:2]), original(*a, **k))
        name = shown_names(app)[0]
        client.put(f"/sms/{name}", description="Only this changed")
        await pilot.press("r")
        await wait_for(pilot, lambda: touched, "the update")
        await pilot.pause(0.1)
        assert touched == [(name, "description")]


async def test_the_simulator_dying_never_kills_the_app(make_app, sim, clock, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        names = shown_names(app)
        port = sim.port
        sim.stop()
        await pilot.press("r")
        await wait_for(pilot, lambda: app.store.snapshot.health is Health.UNREACHABLE, "offline")
        await wait_for(pilot, lambda: "⚠ data from" in status(app), "the stale mark")
        assert "could not be reached" in status(app)
        assert shown_names(app) == names, "the last good data is kept"
        await wait_for(pilot, lambda: notices.saying("Lost contact"), "the notice")
        await let_time_pass(pilot, clock, 90)
        await wait_for(pilot, lambda: "data from 1 min ago" in status(app), "the age to move")
        with Simulator(sim.world, port=port):
            await let_time_pass(pilot, clock, 300)  # past the longest backoff; no key pressed
            await wait_for(pilot, lambda: app.store.snapshot.health is Health.OK, "recovery")
            await wait_for(pilot, lambda: "⚠ data from" not in status(app), "fresh data")
            await wait_for(pilot, lambda: notices.saying("again"), "the notice of recovery")
        assert len(notices.saying("Lost contact")) == 1, "one notice per change, not per poll"


async def test_stale_data_ages_on_any_screen_in_front(make_app, sim, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        sim.stop()
        await pilot.press("r")
        await wait_for(pilot, lambda: "⚠ data from" in status(app), "the stale mark")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen), "the profiles")
        clock.advance(61)  # the status line's age would change now: the profiles have none
        await pilot.pause(0.1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "data from 1 min ago" in status(app), "the age")


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (Fault("status", 500, "GET", "/sms"), "OVHcloud"),
        (
            Fault(
                "status",
                403,
                "GET",
                "/sms",
                body={
                    "errorCode": "NOT_GRANTED_CALL",
                    "httpCode": "403 Forbidden",
                    "message": "This call has not been granted",
                },
            ),
            "may not call GET /sms",
        ),
    ],
)
async def test_a_failing_list_says_why(make_app, sim, fault, words):
    sim.inject(fault)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.store.snapshot[ACCOUNTS].error, "the error")
        await pilot.pause(0.05)
        assert words in status(app)
        assert not table(app).loading
        sim.faults.clear()
        await pilot.press("r")
        await wait_for(pilot, lambda: loaded(app), "the accounts after the fault")


async def test_refused_credentials_are_said_once(make_app, sim, keys, notices):
    sim.world.expire(sim.world.credentials[keys.consumer_key])
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: notices.saying("refused the credentials"), "the notice")
        await wait_for(pilot, lambda: "consumer key" in status(app), "the reason")
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.poller.in_flight, "the refresh")
        await pilot.pause(0.05)  # its answer, if it were news, would be told by now
        assert len(notices.saying("refused the credentials")) == 1


def _add_account(sim, owner: str, name: str) -> None:
    from smpp_tui.simulator.sms.account import SmsAccount

    sim.world.sms.add(SmsAccount(name, owner, smpp=True, created=sim.world.now()))


async def test_steady_state_polling_stays_within_the_budget(make_app, sim, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        clock.advance(60)  # the first load may burst; then the budget holds
        await pilot.pause(0.1)
        before = len(sim.exchanges)
        for _ in range(120):  # two simulated minutes
            clock.advance(1)
            await pilot.pause(0.01)
        await wait_for(pilot, lambda: not app.poller.in_flight, "the last polls")
        per_minute = (len(sim.exchanges) - before) / 2
        assert 10 <= per_minute <= 30


async def test_a_loading_indicator_shows_until_the_first_answer(make_app, sim):
    sim.inject(Fault("latency", 0.3, "GET", "/sms"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.05)
        assert table(app).loading
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        assert not table(app).loading


async def test_a_row_whose_status_cannot_be_read_says_so(make_app, sim):
    sim.inject(Fault("status", 503, "GET", "/sms/smpp-dc12345-2/smpp/settings"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        row = "smpp-dc12345-2"
        both = (row, "smpp-dc12345-1")
        read = lambda: all(cell(app, r, "smpp_status") != "…" for r in both)  # noqa: E731
        await wait_for(pilot, read, "the statuses")  # in either order, ten at a time
        assert cell(app, row, "smpp_status") == "⚠ not known"
        assert cell(app, "smpp-dc12345-1", "smpp_status") == "✓ working"


# After an outage.


class Traffic:
    """What the simulator answered, by the app's clock: the test moves the clock from one of the
    app's alarms to the next, each refresh answered and drawn before the clock moves on."""

    def __init__(self, app, pilot, sim, clock) -> None:
        self.app, self.pilot, self.sim, self.clock = app, pilot, sim, clock
        self.sent: list[tuple[float, int]] = []  # (when, HTTP status)
        self._seen = len(sim.exchanges)

    async def settle(self) -> None:
        """Wait until what was sent is answered and drawn, and note it."""
        await wait_for(self.pilot, lambda: not self.app.poller.in_flight, "the refreshes")
        await self.pilot.pause()
        new = list(self.sim.exchanges)[self._seen :]
        self._seen += len(new)
        self.sent += [(self.clock.now, exchange.status) for exchange in new]

    async def _step(self, until: float) -> None:
        await self.settle()
        rings = [alarm.at for alarm in self.clock.alarms if alarm.at is not None]
        self.clock.advance(max(0.0, min([*rings, until]) - self.clock.now))

    async def run_for(self, seconds: float) -> None:
        end = self.clock.now + seconds
        while self.clock.now < end:
            await self._step(end)
        await self.settle()

    async def run_until(self, condition, what: str, limit: float = 600) -> float:
        """Let time pass until `condition()` holds; when it first did."""
        end = self.clock.now + limit
        while not condition():
            assert self.clock.now < end, f"{what} after {limit} s"
            await self._step(end)
            await self.settle()
        return self.clock.now

    def answered_since(self, moment: float) -> bool:
        return any(at >= moment and code == 200 for at, code in self.sent)

    def most_in_a_minute(self, since: float) -> int:
        times = [at for at, _ in self.sent if at >= since]
        return max((sum(1 for t in times if at - 60 < t <= at) for at in times), default=0)


def fresh(app) -> bool:
    """Nothing on screen is marked as old: not the list, not a row."""
    cells = [cell(app, n, c) for n in shown_names(app) for c in ("smpp_status", "ips")]
    return "data from" not in status(app) and not any("⚠" in text for text in cells)


@pytest.mark.parametrize("fault", [Fault("status", 503), Fault("drop")], ids=["503", "closed"])
async def test_after_an_outage_the_screen_is_fresh_within_one_interval(make_app, sim, clock, fault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        traffic = Traffic(app, pilot, sim, clock)
        steady = clock.now + 60  # the first load may burst; then the budget holds
        await traffic.run_for(120)  # polled a while: refreshes out of step, as the budget holds
        sim.inject(fault)
        await traffic.run_for(400)
        reason = str(app.store.snapshot[ACCOUNTS].error)
        # 6 or 7 min: the list is re-read between the rows' statuses, as the budget allows.
        listed = clock.now - app.store.snapshot[ACCOUNTS].fetched_at
        assert f"⚠ data from {words.age(listed)}" in status(app)
        assert listed >= 400
        assert status(app).count(reason) == 1, "the rows' failure is the list's: said once"
        assert cell(app, WORKING, "smpp_status").startswith("⚠")
        sim.faults.clear()
        back = clock.now
        answered = await traffic.run_until(lambda: traffic.answered_since(back), "an answer")
        shown = await traffic.run_until(lambda: fresh(app), "fresh data")
        assert shown - answered <= 30, "fresh within one interval of the first answer"
        assert traffic.most_in_a_minute(since=steady) <= 30, "within the budget"
        assert app.store.snapshot.health is Health.OK


# A row that cannot be refreshed.

NOT_GRANTED = {
    "errorCode": "NOT_GRANTED_CALL",
    "httpCode": "403 Forbidden",
    "message": "This call has not been granted",
}


@pytest.mark.parametrize(
    ("route", "fault", "what"),
    [
        ("allowedIPs", Fault("status", 403, body=NOT_GRANTED), "allowed IPs"),
        ("settings", Fault("status", 500), "SMPP status"),
    ],
    ids=["missing-right", "server-error"],
)
async def test_a_row_that_cannot_be_refreshed_is_marked_and_says_why(
    make_app, sim, route, fault, what
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        before = {name: cell(app, name, "ips") for name in shown_names(app)}
        path = f"/sms/{WAITING}/smpp/{route}"
        sim.inject(Fault(fault.effect, fault.value, "GET", path, body=fault.body))
        await pilot.press("r")
        failing = lambda: cell(app, WAITING, "smpp_status").startswith("⚠")  # noqa: E731
        await wait_for(pilot, failing, "the mark")
        marked = [n for n in shown_names(app) if cell(app, n, "smpp_status").startswith("⚠")]
        assert marked == [WAITING], "only the row that failed"
        assert cell(app, WAITING, "smpp_status") == "⚠ no IP yet", "what was read stays"
        assert {name: cell(app, name, "ips") for name in shown_names(app)} == before
        assert [e.status for e in sim.exchanges if e.path == path][-1] == fault.value
        assert "could not be read" not in status(app), "said when the row is selected"

        await pilot.press("j")
        assert table(app).current_account == WAITING
        key = ("ips" if route == "allowedIPs" else "settings", WAITING)
        reason = str(app.store.snapshot[key].error)
        assert f"⚠ {WAITING}: {what} could not be read: {reason}" in status(app)
        if fault.value == 403:
            assert "may not call GET /sms/*/smpp/allowedIPs" in status(app), "the right named"
        await pilot.press("j")
        assert "could not be read" not in status(app)

        await pilot.press("k")
        sim.faults.clear()
        await pilot.press("r")
        await wait_for(pilot, lambda: not failing(), "the mark to clear")
        assert cell(app, WAITING, "smpp_status") == "○ no IP yet"
        assert "could not be read" not in status(app)


async def test_a_row_whose_ips_are_being_applied_is_followed_closely(
    make_app, sim, clock, world_clock, client
):
    app = make_app()
    key = settings_key(WORKING)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        client.put(f"/sms/{WORKING}/smpp/allowedIPs", action="add", ips=["192.0.2.60"])  # a script
        await let_time_pass(pilot, clock, 30)  # the row's turn
        await wait_for(pilot, lambda: "applying" in cell(app, WORKING, "smpp_status"), "applying")
        # As the control panel does, within the budget: declared once the row is drawn.
        await wait_for(pilot, lambda: app.poller.interval(key) == 5, "the close pace")
        world_clock.advance(sim.world.sms.behaviour.ip_settle_delay)
        for _ in range(12):  # a minute at most: the budget paces it at 9 accounts
            if "working" in cell(app, WORKING, "smpp_status"):
                break
            await let_time_pass(pilot, clock, 5)
            await pilot.pause(0.05)
        await wait_for(pilot, lambda: "working" in cell(app, WORKING, "smpp_status"), "working")
        await wait_for(pilot, lambda: app.poller.interval(key) == 30, "the usual pace again")
