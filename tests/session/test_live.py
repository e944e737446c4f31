"""A live session against the simulator: its account list loads as it opens, before anyone
listens; what it is shown is polled on the session's clock and alarm, every request counted by
its budget, bugs in background jobs reported (those before anyone listened too), writes audited
in the session's log, and closing it stops everything."""

from __future__ import annotations

import json
import threading

import pytest

from smpp_tui.session import Live, Session
from smpp_tui.store import Backoff, Change, Health
from smpp_tui.store.resources import ACCOUNTS, ME, Intervals
from tests.conftest import eventually, gateway_on, profile_on


class Heard:
    """What the live session tells: its store's changes and the bugs of background jobs."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.errors: list[Exception] = []
        self.changed, self.failed = threading.Event(), threading.Event()

    def change(self, change: Change) -> None:
        self.changes.append(change)
        self.changed.set()

    def error(self, error: Exception) -> None:
        self.errors.append(error)
        self.failed.set()


class Closing:
    """The session's `on_close`: the thread it ran on, once it ran."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.thread: threading.Thread | None = None

    def __call__(self) -> None:
        self.thread = threading.current_thread()
        self.done.set()


@pytest.fixture
def closing() -> Closing:
    return Closing()


@pytest.fixture
def session(sim, keys, clock, closing) -> Session:
    """As the app's tests make it: the real gateway, the test's clock and its alarms; what
    seldom changes is polled every 20 s, within the budget's minute."""
    return Session(
        gateway_on(sim, keys),
        "demo",
        clock=clock,
        intervals=Intervals(rare=20),
        backoff=Backoff(5, 300),
        alarm=clock.alarm,
        on_close=closing,
    )


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def live(session, heard):
    made = Live(session)
    made.listen(heard.change, heard.error)
    yield made
    made.close()


def answered(live: Live) -> None:
    """Wait until what the poller fetches has answered and its news is told: a fetch leaves
    `in_flight` once it told the store, and the link's health."""
    eventually(lambda: not live.poller.in_flight, "the answers")


def test_the_account_list_loads_as_the_session_opens_with_no_one_listening(sim, session):
    live = Live(session)
    try:
        answered(live)
        accounts = live.store.snapshot.value(ACCOUNTS)
        assert {account.name for account in accounts} == set(sim.world.sms.names_of("dc12345-ovh"))
        assert live.poller.watched() == [ACCOUNTS], "polled until a screen shows something else"
    finally:
        live.close()


def test_a_bug_before_anyone_listens_is_reported_once_someone_does(session, heard):
    live = Live(session)
    raised = threading.Event()

    def bug(change: Change) -> None:
        raised.set()
        raise RuntimeError("a screen could not draw the change")

    try:
        answered(live)
        live.store.subscribe(bug)
        live.poller.show([live.resources.me()])
        assert raised.wait(5)
        live.listen(heard.change, heard.error)
        assert heard.failed.wait(5)
        assert [str(error) for error in heard.errors] == ["a screen could not draw the change"]
    finally:
        live.close()


def test_a_refusal_before_anyone_listens_is_told_once_someone_does(sim, keys, session, heard):
    sim.world.expire(sim.world.credentials[keys.consumer_key])
    live = Live(session)
    try:
        answered(live)
        live.listen(heard.change, heard.error)
        # Told, or its notice would be lost; the list's own error is in the snapshot.
        assert [(c.snapshot.health, c.health_changed) for c in heard.changes] == [
            (Health.REFUSED, True)
        ]
        assert "consumer key" in str(heard.changes[0].error)
    finally:
        live.close()


def test_what_is_shown_is_polled_and_every_request_counted(sim, live, heard, clock):
    answered(live)
    listed = len(sim.exchanges)
    live.poller.show([live.resources.me()])
    answered(live)
    assert heard.changes[-1].keys == {ME}
    assert live.store.snapshot.value(ME).nichandle == "dc12345-ovh"
    assert [e.path for e in sim.exchanges[listed:]] == ["/me"]
    assert live.budget.spent() == len(sim.exchanges)
    # Due again after its interval: the session's alarm rings on the session's clock.
    eventually(lambda: live.alarm.at is not None, "the alarm for the next poll")
    assert live.alarm.at == clock() + 20
    fetched = live.store.snapshot[ME].fetched_at
    clock.advance(20)
    eventually(lambda: live.store.snapshot[ME].fetched_at > fetched, "the second poll")
    assert [e.path for e in sim.exchanges[listed:]] == ["/me", "/me"]
    assert live.budget.spent() == listed + 2
    assert heard.errors == []


def test_a_bug_in_a_background_job_is_reported_not_raised(live, heard):
    def bug(change: Change) -> None:
        raise RuntimeError("a screen could not draw the change")

    answered(live)
    live.store.subscribe(bug)
    live.poller.show([live.resources.me()])
    assert heard.failed.wait(5)
    assert [str(error) for error in heard.errors] == ["a screen could not draw the change"]


def test_closing_stops_everything(session, heard, clock, closing):
    live = Live(session)
    live.listen(heard.change, heard.error)
    answered(live)
    assert live.alarm in clock.alarms
    live.close()
    assert live.poller.watched() == []
    assert live.alarm not in clock.alarms
    told = len(heard.changes)
    live.store.wrote(ME, "a value no one reads", clock())
    assert len(heard.changes) == told, "subscribers are not told any more"
    assert closing.done.wait(5)
    assert closing.thread is not threading.main_thread()
    assert closing.thread.daemon, "closing the session never holds up quitting"


def test_writes_are_recorded_in_the_sessions_audit_log(sim, session, heard, customers, tmp_path):
    session.audit_path = tmp_path / "audit.log"
    live = Live(session)
    try:
        live.actions.regenerate_password("smpp-dc12345-1")
        live.revoke_key(profile_on("jules", sim, customers[1].keys))
    finally:
        live.close()
    lines = [json.loads(line) for line in session.audit_path.read_text("utf-8").splitlines()]
    assert [
        (line["profile"], line["account"], line["action"], line["result"]) for line in lines
    ] == [
        ("demo", "smpp-dc12345-1", "regenerate the SMPP password", "ok"),
        ("demo", "", "revoke the API key of profile jules", "ok"),
    ]
    writes = [e for e in sim.exchanges if e.method == "POST"]
    assert [e.path for e in writes] == ["/sms/smpp-dc12345-1/smpp/password", "/auth/logout"]
    assert [line["query_id"] for line in lines] == [e.query_id for e in writes]
    assert sim.world.credentials[customers[1].keys.consumer_key].status == "expired"
