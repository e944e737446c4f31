"""Browsing one account's history: what the user asks for, split into what OVHcloud filters and
what is filtered here as the SMS arrive, and a browser that reads the SMS slice by slice.

The ids the filter selects are asked once; the SMS are then read newest first, a slice at a
time, as the user scrolls. Nothing here is polled: `newer` counts what arrived since.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from smpp_tui.api.delivery import delivery_state
from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.history import HistoryFilter, HistoryIds, Way
from smpp_tui.api.models import HistorySms, Hlr, OutgoingSms
from smpp_tui.store.ovhcloud import OvhCloud

PERIODS = ("today", "yesterday", "7 days", "30 days", "dates", "all")
STATE_CHOICES = ("any", "delivered", "failed", "pending", "expired")
FIRST_SLICE = 60  # a screenful, soon: the first answer is what the user waits for
SLICE = 200
SCAN_LIMIT = 2_000  # SMS read per call at most when the filter is ours: the screen says so
NEW_READ = 500  # newer SMS read at most to count those a filter of ours keeps

_FULL_NUMBER = re.compile(r"\+[0-9]{1,15}", re.ASCII)
_PREFIX = re.compile(r"\+?[0-9]{0,15}\*", re.ASCII)


def state_of(sms: HistorySms) -> str:
    """delivered, failed, pending or expired; a received SMS is delivered."""
    if not isinstance(sms, OutgoingSms):
        return "delivered"
    return delivery_state(sms.delivery_receipt, sms.ptt).kind


@dataclass(frozen=True)
class HistoryQuery:
    """What the user asks for; `receiver` is a full number (+33612345678) or a prefix
    ending with `*` (+336*). Dates are days of the user's time zone, both included."""

    way: Way = "outgoing"
    period: str = "7 days"
    first: date | None = None  # for "dates"
    last: date | None = None
    sender: str = ""
    receiver: str = ""
    state: str = "any"

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise InvalidInput(f"the period is one of {', '.join(PERIODS)}")
        if self.state not in STATE_CHOICES:
            raise InvalidInput(f"the delivery state is one of {', '.join(STATE_CHOICES)}")
        if self.period == "dates" and (self.first is None or self.last is None):
            raise InvalidInput("give both dates of the period, such as 2026-11-01 and 2026-11-30")
        if self.first and self.last and self.first > self.last:
            raise InvalidInput(
                f"the period ends ({self.last}) before it starts ({self.first}): give the first"
                " day, then the last, such as 2026-11-01 to 2026-11-30"
            )
        receiver = self.receiver
        if receiver and not (_FULL_NUMBER.fullmatch(receiver) or _PREFIX.fullmatch(receiver)):
            raise InvalidInput(
                f"{receiver[:40]!r} is not a receiver: give a full number such as +33612345678,"
                " or the start of one ending with * such as +336*"
            )

    @property
    def outgoing(self) -> bool:
        return self.way == "outgoing"

    @property
    def hourly(self) -> bool:
        """A day long: the chart counts per hour."""
        return self.period in ("today", "yesterday") or (
            self.period == "dates" and self.first == self.last
        )

    def days(self, today: date) -> tuple[date, date] | None:
        """The first and last day of the period (None: all of the history)."""
        spans = {"today": 0, "7 days": 6, "30 days": 29}
        if self.period in spans:
            return today - timedelta(days=spans[self.period]), today
        if self.period == "yesterday":
            return today - timedelta(days=1), today - timedelta(days=1)
        if self.period == "dates" and self.first and self.last:
            return self.first, self.last
        return None

    def api_filter(self, now: datetime) -> HistoryFilter:
        """What OVHcloud can filter: dates, sender, a full receiver, a state it has a code for."""
        days = self.days(now.date())
        since = until = None
        if days is not None:
            # Each bound at its own day's offset (naive: local time), not today's: a period
            # across a clock change would otherwise gain or lose an hour.
            since = datetime.combine(days[0], time.min).astimezone()
            until = datetime.combine(days[1], time.max).astimezone()
        if not self.outgoing:
            return HistoryFilter(sender=self.sender or None, since=since, until=until)
        codes = {"delivered": (1, None), "failed": (0, None), "pending": (None, 254)}
        receipt, ptt = codes.get(self.state, (None, 801 if self.state == "expired" else None))
        return HistoryFilter(
            sender=self.sender or None,
            receiver=self.receiver if _FULL_NUMBER.fullmatch(self.receiver) else None,
            ptt=ptt,
            delivery_receipt=receipt,
            since=since,
            until=until,
        )

    @property
    def ours(self) -> bool:
        """Whether part of the filter is applied here, as the SMS arrive."""
        return self.outgoing and (self.receiver.endswith("*") or self.state == "failed")

    def keeps(self, sms: HistorySms) -> bool:
        """The part OVHcloud cannot filter (a receiver's prefix, failed but not pending)."""
        if not isinstance(sms, OutgoingSms):
            return True
        if self.receiver.endswith("*") and not sms.receiver.startswith(self.receiver[:-1]):
            return False
        return self.state == "any" or state_of(sms) == self.state

    def words(self) -> str:
        """The filter in a line: `outgoing · yesterday · to +336* · failed`."""
        return f"{self.way} · {self.selection()}"

    def selection(self) -> str:
        """What the filter selects in a history: `yesterday · to +336* · failed`."""
        named = {"dates": f"{self.first} to {self.last}", "all": "all dates"}
        said = [named.get(self.period, self.period)]
        if self.sender:
            said.append(f"from {self.sender}")
        if self.outgoing and self.receiver:
            said.append(f"to {self.receiver}")
        if self.outgoing and self.state != "any":
            said.append(self.state)
        return " · ".join(said)


@dataclass
class Tally:
    """How many SMS of each state were read, in all and per day (or hour)."""

    hourly: bool
    states: Counter[str] = field(default_factory=Counter)
    buckets: dict[datetime, Counter[str]] = field(default_factory=dict)
    span: tuple[datetime, datetime] | None = None  # the first and last bucket of the period

    def add(self, sms: HistorySms, count: int = 1) -> None:
        """Count `sms` in (`count` -1: out)."""
        state = state_of(sms)
        self.states[state] += count
        if sms.created is not None:
            self.buckets.setdefault(self.bucket(sms.created), Counter())[state] += count

    def bucket(self, moment: datetime) -> datetime:
        """The start of the day (or hour) of `moment`, in the user's time zone."""
        start = moment.astimezone().replace(minute=0, second=0, microsecond=0)
        # A day starts at midnight's offset, which on a clock change is not the moment's.
        return start if self.hourly else start.replace(hour=0, tzinfo=None).astimezone()

    def copy(self) -> Tally:
        """A copy to draw from while the browser reads on."""
        buckets = {start: Counter(counts) for start, counts in self.buckets.items()}
        return Tally(self.hourly, Counter(self.states), buckets, self.span)

    def cover(self, days: tuple[date, date]) -> None:
        """Chart these days whole, those without SMS (yet) included."""
        last = time(23) if self.hourly else time.min
        self.span = (
            self.bucket(datetime.combine(days[0], time.min).astimezone()),
            self.bucket(datetime.combine(days[1], last).astimezone()),
        )

    @property
    def total(self) -> int:
        return sum(self.states.values())


class HistoryBrowser:
    """One account's history under one query. Its methods block: run them one at a time, off
    the event loop. `rows` holds the SMS kept so far, newest first."""

    def __init__(
        self, reader: OvhCloud, account: str, query: HistoryQuery, now: Callable[[], datetime]
    ) -> None:
        self.reader, self.account, self.query = reader, account, query
        self._now = now
        self.ids: HistoryIds | None = None
        self.rows: list[HistorySms] = []
        self.scanned = 0  # SMS read, kept or not
        self.tally = Tally(query.hourly)

    @property
    def selected(self) -> int | None:
        """How many SMS OVHcloud's part of the filter selects (None before it answered)."""
        return None if self.ids is None else len(self.ids)

    @property
    def done(self) -> bool:
        return self.ids is not None and self.scanned >= len(self.ids)

    def open(self) -> list[HistorySms]:
        """Ask for the ids, then read the first screenful."""
        now = self._now().astimezone()
        self.ids = self.reader.history_ids(self.account, self.query.way, self.query.api_filter(now))
        days = self.query.days(now.date())
        if days is not None:
            self.tally.cover(days)
        return self.more(FIRST_SLICE)

    def more(self, wanted: int = SLICE) -> list[HistorySms]:
        """Read on until `wanted` more SMS are kept, the ids end, or SCAN_LIMIT were read."""
        if self.ids is None:
            raise RuntimeError("open the browser first")
        kept: list[HistorySms] = []
        limit = self.scanned + max(SCAN_LIMIT, wanted)
        while len(kept) < wanted and not self.done and self.scanned < limit:
            count = wanted if not self.query.ours else SLICE
            read = self.reader.history_slice(self.ids, self.scanned, count)
            self.scanned += min(count, len(self.ids) - self.scanned)
            for sms in read:
                if self.query.keeps(sms):
                    kept.append(sms)
                    self.tally.add(sms)
        self.rows.extend(kept)
        return kept

    def newer(self) -> int:
        """How many SMS the query keeps that are newer than the newest row: one request, and
        when part of the filter is ours, a read of those (at most NEW_READ of them)."""
        now = self._now().astimezone()
        if not self.rows or self.rows[0].created is None:
            ids = self.reader.history_ids(self.account, self.query.way, self.query.api_filter(now))
            return len(ids) - (self.selected or 0)
        top = self.rows[0]
        filters = replace(self.query.api_filter(now), since=top.created)
        ids = self.reader.history_ids(self.account, self.query.way, filters)
        newer = tuple(one for one in ids.listed if one > top.id)
        if not (newer and self.query.ours):
            return len(newer)
        fresh = HistoryIds(self.account, self.query.way, filters, newer)
        read = self.reader.history_slice(fresh, 0, NEW_READ)
        return sum(1 for sms in read if self.query.keeps(sms))

    def hlr(self, sms: OutgoingSms) -> Hlr:
        """What the operator's register says of `sms`'s receiver."""
        return self.reader.hlr(self.account, sms.id)

    def forget(self, sms_id: int) -> None:
        """A deleted SMS leaves the rows and the counts."""
        for sms in [sms for sms in self.rows if sms.id == sms_id]:
            self.rows.remove(sms)
            self.tally.add(sms, -1)
