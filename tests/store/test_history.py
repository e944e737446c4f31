"""The history browser against the simulator over HTTP: every filter keeps what the simulator
holds, read newest first slice by slice from one id list; what the reads cost; the tally; newer
SMS; a deleted SMS forgotten; and what a query accepts.

Expectations come from the simulator's own records, selected here by local day (the process's
zone rules, clock changes included), sender, receiver and delivery state."""

from __future__ import annotations

import os
import time as clock
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

import pytest

from smpp_tui.api.delivery import delivery_state
from smpp_tui.api.models import HistorySms, IncomingSms, OutgoingSms
from smpp_tui.simulator import Simulator
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.ptt import delivery_receipt
from smpp_tui.simulator.sms.traffic import Outgoing, operator_of
from smpp_tui.store.history import (
    FIRST_SLICE,
    PERIODS,
    SCAN_LIMIT,
    SLICE,
    STATE_CHOICES,
    HistoryBrowser,
    HistoryQuery,
)
from tests.conftest import refusal

SMALL = "smpp-dc12345-3"  # 300 SMS over 30 days: read to the end in a few requests
MEDIUM = "smpp-dc12345-7"  # 2,000 SMS over 60 days, 40 received
BIG = "smpp-dc12345-1"  # 20,000 SMS over 90 days from four senders, 400 received

# How far back each period starts and ends, in days before today (both days included).
SPANS = {"today": (0, 0), "yesterday": (1, 1), "7 days": (6, 0), "30 days": (29, 0)}


# the time zone


def _clock_change_three_days_ago(now: float) -> str:
    """A POSIX TZ: UTC-4 until noon three days ago, then UTC+4 for 200 days. The week, the 30
    days and dates around the change each start at another offset than today's; the 8-hour
    jump leaves SMS on both sides of a wrong bound."""
    start = datetime.fromtimestamp(now, UTC).date() - timedelta(days=3)
    end = start + timedelta(days=200)

    def day(moment: date) -> int:  # POSIX `n`: the zero-based day of the year, 29 Feb counted
        return moment.timetuple().tm_yday - 1

    return f"AAA+4BBB-4,{day(start)}/12,{day(end)}/12"


ZONES: dict[str, Callable[[float], str | None]] = {
    "process": lambda now: None,  # whatever the test process runs in
    "UTC+14": lambda now: "AAA-14",  # POSIX offsets count west: local days start 14 h early
    "UTC-11": lambda now: "AAA+11",
    "clock change": _clock_change_three_days_ago,
}


@pytest.fixture
def zone(request: pytest.FixtureRequest, world_clock: Callable[[], float]) -> Iterator[str]:
    """The process's local zone for one test (`indirect` parameter: a name of ZONES). POSIX
    strings need no zone database; `tzset` makes `astimezone()` and `fromtimestamp` read it."""
    spec = ZONES[request.param](world_clock())
    saved = os.environ.get("TZ")
    if spec is not None:
        os.environ["TZ"] = spec
        clock.tzset()
    yield request.param
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    clock.tzset()


# the simulator's side


def local_day(moment: float) -> date:
    # A naive `fromtimestamp` reads the zone's rules for that moment: its own offset.
    return datetime.fromtimestamp(moment).date()


def today_of(sim: Simulator) -> date:
    return local_day(sim.world.now())


def history_of(sim: Simulator, account: str, way: str = "outgoing") -> History:
    history: History = getattr(sim.world.sms.accounts[account].traffic, way)
    return history


def days_of(query: HistoryQuery, today: date) -> tuple[date, date] | None:
    if query.period in SPANS:
        back, to = SPANS[query.period]
        return today - timedelta(days=back), today - timedelta(days=to)
    if query.period == "dates":
        assert query.first is not None
        assert query.last is not None
        return query.first, query.last
    return None


def selects(query: HistoryQuery, record: Any, today: date) -> bool:
    """Whether `query` wants the simulator's `record`, from the record's own fields."""
    days = days_of(query, today)
    if days and not days[0] <= local_day(record.created) <= days[1]:
        return False
    if query.sender and record.sender != query.sender:
        return False
    if not query.outgoing:
        return True  # a received SMS has no receiver nor delivery state to filter on
    receiver = query.receiver
    if receiver.endswith("*") and not record.receiver.startswith(receiver[:-1]):
        return False
    if receiver and not receiver.endswith("*") and record.receiver != receiver:
        return False
    state = delivery_state(record.delivery_receipt, record.ptt).kind
    return query.state in ("any", state)


def selected(sim: Simulator, account: str, query: HistoryQuery) -> list[Any]:
    """The simulator's records `query` wants, newest first."""
    history = history_of(sim, account, query.way)
    today = today_of(sim)
    return [r for r in history.records(history.query()) if selects(query, r, today)]


def as_read(records: list[Any]) -> list[HistorySms]:
    """The records as the API describes them, read as the gateway reads them."""
    return [
        (OutgoingSms if isinstance(r, Outgoing) else IncomingSms).from_api(r.describe())
        for r in records
    ]


def send(sim: Simulator, account: str, sender: str, receiver: str, ptt: int) -> Outgoing:
    """An SMS sent now: the next id, at the world's time (ids and times only grow)."""
    history = history_of(sim, account)
    with sim.world.lock:
        newest = history[history.query()[0]]
        record = Outgoing(
            newest.id + 1,
            sim.world.now(),
            sender,
            receiver,
            "Sent while the history was open",
            ptt,
            delivery_receipt(ptt),
            1,
            1.0,
            "FR",
        )
        history.add(record)
    return record


def asked(sim: Simulator, since: int) -> list[str]:
    """The `/sms` paths requested since exchange `since` (the clock's sync left out)."""
    return [e.path for e in list(sim.exchanges)[since:] if e.path.startswith("/sms")]


# the browser's side


def browser(gateway: Any, sim: Simulator, account: str, query: HistoryQuery) -> HistoryBrowser:
    return HistoryBrowser(
        gateway, account, query, lambda: datetime.fromtimestamp(sim.world.now(), UTC)
    )


def read_all(history: HistoryBrowser) -> list[HistorySms]:
    history.open()
    for _ in range(500):
        if history.done:
            return history.rows
        before = history.scanned
        history.more()
        assert history.scanned > before, "more() read nothing: the reading would never end"
    raise AssertionError("the history never ended")


def kind_of(sms: HistorySms) -> str:
    if isinstance(sms, OutgoingSms):
        return delivery_state(sms.delivery_receipt, sms.ptt).kind
    return "delivered"


PERIOD_QUERIES: dict[str, Callable[[date], HistoryQuery]] = {
    "today": lambda day: HistoryQuery(period="today"),
    "yesterday": lambda day: HistoryQuery(period="yesterday"),
    "7 days": lambda day: HistoryQuery(period="7 days"),
    "30 days": lambda day: HistoryQuery(period="30 days"),
    # Around the clock change of the "clock change" zone, three days ago.
    "two dates": lambda day: HistoryQuery(
        period="dates", first=day - timedelta(days=4), last=day - timedelta(days=2)
    ),
    "one date": lambda day: HistoryQuery(
        period="dates", first=day - timedelta(days=3), last=day - timedelta(days=3)
    ),
}


# the filters


@pytest.mark.parametrize("zone", list(ZONES), indirect=True)
@pytest.mark.parametrize("period", ["today", "yesterday", "7 days", "30 days", "two dates"])
def test_a_period_keeps_the_sms_of_its_local_days(gateway, sim, zone, period):
    query = PERIOD_QUERIES[period](today_of(sim))
    rows = read_all(browser(gateway, sim, SMALL, query))
    wanted = selected(sim, SMALL, query)
    assert rows == as_read(wanted)
    if period != "today":  # today may have just begun; the other periods hold SMS
        assert rows


@pytest.mark.parametrize(
    ("account", "way"), [(SMALL, "outgoing"), (MEDIUM, "outgoing"), (MEDIUM, "incoming")]
)
def test_all_dates_is_the_whole_history(gateway, sim, account, way):
    query = HistoryQuery(way=way, period="all")
    rows = read_all(browser(gateway, sim, account, query))
    assert rows == as_read(selected(sim, account, query))
    assert len(rows) == len(history_of(sim, account, way))


@pytest.mark.parametrize("zone", ["clock change"], indirect=True)
@pytest.mark.parametrize("period", ["7 days", "30 days", "two dates"])
def test_the_bounds_of_a_period_follow_a_clock_change(gateway, sim, zone, period):
    # On the big history (~9 SMS an hour), a bound taken at today's offset instead of the
    # day's own would select hours of SMS too many or too few; the id list alone shows it.
    query = PERIOD_QUERIES[period](today_of(sim))
    days = days_of(query, today_of(sim))
    assert days is not None
    midnights = [datetime.combine(day, time.min).astimezone() for day in days]
    assert midnights[0].utcoffset() != midnights[1].utcoffset(), "the period spans the change"
    history = browser(gateway, sim, BIG, query)
    history.open()
    assert history.ids is not None
    assert list(history.ids.newest_first) == [r.id for r in selected(sim, BIG, query)]


@pytest.mark.parametrize(
    ("account", "query"),
    [
        pytest.param(BIG, HistoryQuery(period="7 days", sender="38200"), id="one of four"),
        pytest.param(BIG, HistoryQuery(period="yesterday", sender="dc12345-ovh"), id="nic"),
        pytest.param(SMALL, HistoryQuery(period="all", sender="ExampleTel"), id="the only one"),
        pytest.param(SMALL, HistoryQuery(period="all", sender="Nobody"), id="none"),
    ],
)
def test_a_sender_is_filtered_by_ovhcloud(gateway, sim, account, query):
    history = browser(gateway, sim, account, query)
    rows = read_all(history)
    wanted = selected(sim, account, query)
    assert rows == as_read(wanted)
    assert history.selected == len(wanted), "OVHcloud selected them: nothing read was dropped"
    if query.sender != "Nobody":
        assert rows


@pytest.mark.parametrize("state", ["any", "delivered", "failed"])
def test_a_full_receiver_is_filtered_by_ovhcloud(gateway, sim, state):
    # The most frequent receiver of the account: several SMS to one number.
    history = history_of(sim, MEDIUM)
    receivers = Counter(r.receiver for r in history.records(history.query()))
    receiver = receivers.most_common(1)[0][0]
    query = HistoryQuery(period="all", receiver=receiver, state=state)
    rows = read_all(browser(gateway, sim, MEDIUM, query))
    assert rows == as_read(selected(sim, MEDIUM, query))
    assert len(rows) >= (2 if state == "any" else 0)
    assert {sms.receiver for sms in rows} <= {receiver}


def test_a_receiver_nobody_was_sent_to_keeps_nothing(gateway, sim):
    history = browser(gateway, sim, MEDIUM, HistoryQuery(period="all", receiver="+33600000000"))
    assert read_all(history) == []
    assert history.selected == 0
    assert history.done


@pytest.mark.parametrize(
    ("account", "query"),
    [
        (SMALL, HistoryQuery(period="all", receiver="+336*")),
        (MEDIUM, HistoryQuery(period="30 days", receiver="+41*")),
        (MEDIUM, HistoryQuery(period="all", receiver="+3361*", state="delivered")),
        (MEDIUM, HistoryQuery(period="all", receiver="+44*", state="failed")),
        (SMALL, HistoryQuery(period="all", receiver="+*")),
    ],
    ids=lambda value: value if isinstance(value, str) else value.words(),
)
def test_a_receiver_prefix_is_ours(gateway, sim, account, query):
    assert query.ours
    history = browser(gateway, sim, account, query)
    rows = read_all(history)
    wanted = selected(sim, account, query)
    assert rows == as_read(wanted)
    assert rows, "the prefix matches some SMS"
    # OVHcloud selected more than kept (every receiver), all of which were read.
    assert history.selected == history.scanned >= len(rows)


@pytest.mark.parametrize("state", STATE_CHOICES)
def test_a_delivery_state_keeps_the_sms_in_that_state(gateway, sim, state):
    query = HistoryQuery(period="30 days", state=state)
    rows = read_all(browser(gateway, sim, MEDIUM, query))
    assert rows == as_read(selected(sim, MEDIUM, query))
    kinds = {delivery_state(sms.delivery_receipt, sms.ptt).kind for sms in rows}
    if state != "any":
        assert kinds == {state}, "each state has SMS in the last 30 days of the demo"
    else:
        assert len(kinds) >= 3


@pytest.mark.parametrize(("period", "by_sender"), [("30 days", False), ("all", True)])
def test_an_incoming_query_ignores_receiver_and_state(gateway, sim, period, by_sender):
    received = history_of(sim, BIG, "incoming")
    senders = Counter(r.sender for r in received.records(received.query()))
    sender = senders.most_common(1)[0][0] if by_sender else ""
    query = HistoryQuery(
        way="incoming", period=period, sender=sender, receiver="+336*", state="failed"
    )
    assert not query.ours
    history = browser(gateway, sim, BIG, query)
    rows = read_all(history)
    # Every SMS received in the period (from the sender), whatever the receiver and state say.
    assert rows == as_read(selected(sim, BIG, query))
    assert all(isinstance(sms, IncomingSms) for sms in rows)
    assert len(rows) >= (2 if by_sender else 100)
    assert history.selected == len(rows), "OVHcloud selected them all"


# what reading costs


def test_the_big_history_is_paged_newest_first_from_one_id_list(gateway, sim):
    newest_first = history_of(sim, BIG).query()
    history = browser(gateway, sim, BIG, HistoryQuery(period="all"))
    listing = f"/sms/{BIG}/outgoing"
    mark = len(sim.exchanges)
    first = history.open()
    assert [sms.id for sms in first] == newest_first[:FIRST_SLICE]
    assert history.selected == len(newest_first) == 20_000
    # The id list, then the one page of FIRST_SLICE objects that holds the first screenful.
    assert asked(sim, mark) == [listing, listing]
    for _ in range(6):
        mark = len(sim.exchanges)
        assert len(history.more()) == SLICE
        paths = asked(sim, mark)
        # A slice of SLICE straddles at most two pages of its size; the 20,000 ids asked
        # again would make a third request, and an SMS fetched on its own a path of its own.
        assert paths == [listing] * len(paths)
        assert 1 <= len(paths) <= 2
    ids = [sms.id for sms in history.rows]
    assert len(ids) == FIRST_SLICE + 6 * SLICE == len(set(ids)), "no SMS twice"
    assert ids == newest_first[: len(ids)], "no gap, newest first"
    assert history.scanned == len(ids)
    assert not history.done


@pytest.mark.parametrize(
    "query",
    [HistoryQuery(period="all"), HistoryQuery(period="all", receiver="+336*", state="failed")],
    ids=HistoryQuery.words,
)
def test_without_expanded_lists_each_sms_is_one_request(gateway, sim, query):
    sim.world.sms.behaviour.expanded_lists = False
    history = browser(gateway, sim, SMALL, query)
    listing = f"/sms/{SMALL}/outgoing"
    mark = len(sim.exchanges)
    history.open()
    opening = asked(sim, mark)
    # The ids, and at most one try of an expanded page that came back as ids.
    assert 1 <= opening.count(listing) <= 2
    assert len(opening) - opening.count(listing) == history.scanned
    while not history.done:
        mark, before = len(sim.exchanges), history.scanned
        history.more()
        paths = asked(sim, mark)
        assert listing not in paths, "the id list is not asked again"
        assert len(paths) == history.scanned - before, "one request per SMS read"
        assert all(path.startswith(listing + "/") for path in paths)
    assert history.rows == as_read(selected(sim, SMALL, query))


@pytest.mark.parametrize(
    ("wanted_state", "receiver"),
    [("failed", ""), ("failed", "+999*"), ("any", "+999*"), ("failed", "+41*")],
)
def test_a_filter_of_ours_reads_at_most_scan_limit_per_call(gateway, sim, wanted_state, receiver):
    query = HistoryQuery(period="all", state=wanted_state, receiver=receiver)
    history_ = history_of(sim, BIG)
    # What OVHcloud selects: the failed are among the SMS without a delivery receipt.
    api_ids = history_.query({"deliveryReceipt": 0} if wanted_state == "failed" else {})
    today = today_of(sim)
    history = browser(gateway, sim, BIG, query)
    limited = False
    for call, wanted in [(history.open, FIRST_SLICE), *[(history.more, SLICE)] * 2]:
        if history.done:
            break
        before = history.scanned
        kept = call()
        read = history.scanned - before
        assert 0 < read <= SCAN_LIMIT
        # It stops at the first of: enough rows kept, the end of the ids, the limit.
        assert len(kept) >= wanted or history.done or read == SCAN_LIMIT
        limited |= read == SCAN_LIMIT
        assert history.selected == len(api_ids)
        # The rows are what the filter keeps of the SMS read so far, as the screen says.
        scanned = history_.records(api_ids[: history.scanned])
        assert history.rows == as_read([r for r in scanned if selects(query, r, today)])
    if receiver == "+999*":
        assert history.rows == []
        assert limited, "nothing kept: each call stopped at the limit"


# the tally


@pytest.mark.parametrize("zone", ["process", "clock change"], indirect=True)
@pytest.mark.parametrize(
    ("period", "hourly"),
    [("today", True), ("yesterday", True), ("one date", True), ("two dates", False),
     ("30 days", False)],
)  # fmt: skip
def test_the_tally_counts_the_rows_per_state_and_per_local_day_or_hour(
    gateway, sim, zone, period, hourly
):
    query = PERIOD_QUERIES[period](today_of(sim))
    assert query.hourly is hourly
    history = browser(gateway, sim, MEDIUM, query)
    rows = read_all(history)
    tally = history.tally
    assert tally.hourly is hourly
    assert tally.states == Counter(kind_of(sms) for sms in rows)
    assert tally.total == len(rows)
    assert sum(tally.buckets.values(), Counter()) == tally.states
    # Each bucket is keyed by the moment its local day (hour) starts, one key per day (hour).
    for start in tally.buckets:
        assert start == datetime.combine(start.date(), time(start.hour)).astimezone()
        assert hourly or start.hour == 0
    keys = {(start.date(), start.hour): counts for start, counts in tally.buckets.items()}
    assert len(keys) == len(tally.buckets)
    expected: dict[tuple[date, int], Counter[str]] = {}
    for record in selected(sim, MEDIUM, query):
        moment = datetime.fromtimestamp(record.created)
        kind = delivery_state(record.delivery_receipt, record.ptt).kind
        expected.setdefault((moment.date(), moment.hour if hourly else 0), Counter())[kind] += 1
    assert keys == expected


# newer SMS


SENT = [  # sender, receiver, PTT
    ("ExampleTel", "+33611111111", 0),  # delivered
    ("38200", "+33622222222", 254),  # pending
    ("ExampleTel", "+33622222222", 801),  # expired
    ("+33612345678", "+4161234567", 0),  # delivered
]


@pytest.mark.parametrize(
    "query",
    [
        HistoryQuery(period="7 days"),
        HistoryQuery(period="today"),
        HistoryQuery(period="yesterday"),
        HistoryQuery(period="all", sender="ExampleTel"),
        HistoryQuery(period="all", receiver="+33622222222"),
        HistoryQuery(period="all", state="delivered"),
        HistoryQuery(period="all", state="pending"),
        HistoryQuery(period="all", state="expired"),
        HistoryQuery(period="all", receiver="+33600000000"),  # no row at first
    ],
    ids=HistoryQuery.words,
)
def test_newer_counts_the_sms_sent_since_that_the_query_selects(gateway, sim, query):
    history = browser(gateway, sim, SMALL, query)
    history.open()
    assert history.newer() == 0
    sent = [send(sim, SMALL, *one) for one in SENT]
    today = today_of(sim)
    assert history.newer() == sum(selects(query, record, today) for record in sent)
    assert not any(sms.id in {r.id for r in sent} for sms in history.rows), "not read: counted"


# forgetting a deleted SMS


@pytest.mark.parametrize("which", ["newest", "oldest", "first failed"])
def test_a_deleted_sms_is_forgotten_with_its_counts(gateway, sim, which):
    history = browser(gateway, sim, SMALL, HistoryQuery(period="all"))
    rows = list(read_all(history))
    failed = [sms for sms in rows if kind_of(sms) == "failed"]
    victim = {"newest": rows[0], "oldest": rows[-1], "first failed": failed[0]}[which]
    states = Counter(history.tally.states)
    bucket = history.tally.bucket(victim.created)
    in_bucket = Counter(history.tally.buckets[bucket])
    gateway.delete_sms(SMALL, "outgoing", victim.id)
    history.forget(victim.id)
    assert history.rows == [sms for sms in rows if sms.id != victim.id]
    assert history.tally.states == states - Counter({kind_of(victim): 1})
    assert history.tally.buckets[bucket] == in_bucket - Counter({kind_of(victim): 1})
    assert history.tally.total == len(history.rows)
    history.forget(victim.id)  # twice, or an id never read: nothing more goes
    history.forget(1)
    assert len(history.rows) == len(rows) - 1
    assert history.tally.total == len(history.rows)
    assert history.newer() == 0, "the deleted SMS is not a newer one"


def test_the_hlr_of_a_row_is_the_receivers_operator(gateway, sim):
    history = browser(gateway, sim, SMALL, HistoryQuery(period="all"))
    (sms, *_) = history.open()
    assert isinstance(sms, OutgoingSms)
    operator = operator_of(sms.receiver).describe()
    assert dict(history.hlr(sms).fields) == {name: str(value) for name, value in operator.items()}


def test_more_before_open_is_refused(gateway, sim):
    with pytest.raises(RuntimeError, match="open"):
        browser(gateway, sim, SMALL, HistoryQuery()).more()


# the query


@pytest.mark.parametrize(
    "receiver",
    ["abc", "+33 6", "+33 612345678", "+" + "3" * 16, "+" + "3" * 16 + "*", "+33*6", "**",
     "+33612345678 ", "+٣٣٦١٢٣٤٥٦٧٨", "0033-612345678"],
)  # fmt: skip
def test_a_receiver_is_a_full_number_or_a_start_and_a_star(receiver):
    said = refusal(partial(HistoryQuery, receiver=receiver))
    assert repr(receiver[:40]) in said
    assert "+33612345678" in said
    assert "+336*" in said


@pytest.mark.parametrize(
    "receiver", ["+33612345678", "+" + "3" * 15, "+336*", "+" + "3" * 15 + "*", "+*", ""]
)
def test_valid_receivers(receiver):
    assert HistoryQuery(receiver=receiver).receiver == receiver


@pytest.mark.parametrize(
    ("fields", "accepted"),
    [
        ({"period": "last week"}, PERIODS),
        ({"period": "Today"}, PERIODS),
        ({"state": "lost"}, STATE_CHOICES),
        ({"state": ""}, STATE_CHOICES),
        ({"period": "dates"}, ("both dates",)),
        ({"period": "dates", "first": date(2026, 11, 1)}, ("both dates",)),
        ({"period": "dates", "last": date(2026, 11, 1)}, ("both dates",)),
        (
            {"period": "dates", "first": date(2026, 11, 30), "last": date(2026, 11, 1)},
            ("2026-11-01", "2026-11-30"),
        ),
    ],
)
def test_a_query_says_what_it_accepts(fields, accepted):
    said = refusal(partial(HistoryQuery, **fields))
    assert all(word in said for word in accepted), said


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (HistoryQuery(), "outgoing · 7 days"),
        (
            HistoryQuery(period="yesterday", receiver="+336*", state="failed"),
            "outgoing · yesterday · to +336* · failed",
        ),
        (HistoryQuery(period="all", sender="ExampleTel"), "outgoing · all dates · from ExampleTel"),
        (
            HistoryQuery(period="dates", first=date(2026, 11, 1), last=date(2026, 11, 30)),
            "outgoing · 2026-11-01 to 2026-11-30",
        ),
        (
            HistoryQuery(way="incoming", period="today", sender="+33612345678",
                         receiver="+336*", state="failed"),
            "incoming · today · from +33612345678",
        ),
    ],
)  # fmt: skip
def test_words(query, words):
    assert query.words() == words


@pytest.mark.parametrize(
    ("query", "ours", "hourly"),
    [
        (HistoryQuery(), False, False),
        (HistoryQuery(receiver="+336*"), True, False),
        (HistoryQuery(receiver="+33612345678"), False, False),
        (HistoryQuery(state="failed"), True, False),
        (HistoryQuery(state="expired"), False, False),
        (HistoryQuery(way="incoming", receiver="+336*", state="failed"), False, False),
        (HistoryQuery(period="today"), False, True),
        (HistoryQuery(period="dates", first=date(2026, 1, 1), last=date(2026, 1, 1)), False, True),
        (HistoryQuery(period="dates", first=date(2026, 1, 1), last=date(2026, 1, 2)), False, False),
    ],
    ids=lambda value: value.words() if isinstance(value, HistoryQuery) else str(value),
)
def test_what_is_filtered_here_and_what_is_charted_by_hour(query, ours, hourly):
    assert (query.ours, query.hourly) == (ours, hourly)
