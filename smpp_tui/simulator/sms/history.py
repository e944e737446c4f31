"""One account's message history (outgoing or incoming), indexed for the API's filters.

Ids grow with time, so the id order is the time order: records sit in two parallel ascending
lists (ids, creation times) that `bisect` cuts by date, and each filterable field has a dict
index value -> ids (insertion-ordered dicts, so a bucket is in ascending id order too and a
delete is O(1) there). A query starts from the smallest candidate set and checks the others by
membership: no request scans the whole history. A field's index is built the first time it is
filtered on (most never are), then kept up to date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import Any


class History:
    def __init__(self, fields: Mapping[str, str]) -> None:
        """`fields` maps each API filter name to the record attribute it compares."""
        self._fields = dict(fields)
        self._ids: list[int] = []
        self._times: list[float] = []
        self._records: dict[int, Any] = {}
        self._index: dict[str, dict[Any, dict[int, None]]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, record: Any) -> None:
        if self._ids and (record.id <= self._ids[-1] or record.created < self._times[-1]):
            raise ValueError("history records must come in growing id and time order")
        self._ids.append(record.id)
        self._times.append(record.created)
        self._records[record.id] = record
        for name, index in self._index.items():
            index.setdefault(getattr(record, self._fields[name]), {})[record.id] = None

    def extend(self, records: Iterable[Any]) -> None:
        for record in records:
            self.add(record)

    def next_time(self, now: float) -> float:
        """A new record's time: not before the newest's (times only grow)."""
        return max(now, self._times[-1]) if self._times else now

    def __getitem__(self, record_id: int) -> Any:
        return self._records[record_id]

    def get(self, record_id: int) -> Any | None:
        return self._records.get(record_id)

    def delete(self, record_id: int) -> bool:
        record = self._records.pop(record_id, None)
        if record is None:
            return False
        position = bisect_left(self._ids, record_id)
        del self._ids[position]
        del self._times[position]
        for name, index in self._index.items():
            value = getattr(record, self._fields[name])
            del index[value][record_id]
            if not index[value]:
                del index[value]
        return True

    def _index_of(self, name: str) -> dict[Any, dict[int, None]]:
        index = self._index.get(name)
        if index is None:
            attribute = self._fields[name]
            index = {}
            for record_id, record in self._records.items():
                index.setdefault(getattr(record, attribute), {})[record_id] = None
            self._index[name] = index
        return index

    def query(
        self,
        equal: Mapping[str, Any] | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> list[int]:
        """Ids matching every equality and the closed date range, newest first."""
        low = 0 if since is None else bisect_left(self._times, since)
        high = len(self._times) if until is None else bisect_right(self._times, until)
        if low >= high:
            return []
        buckets = [self._index_of(name).get(value, {}) for name, value in (equal or {}).items()]
        if not buckets:
            return self._ids[low:high][::-1]
        buckets.sort(key=len)
        if high - low < len(buckets[0]):
            candidates: Iterator[int] = reversed(self._ids[low:high])
            return [i for i in candidates if all(i in bucket for bucket in buckets)]
        first, others = buckets[0], buckets[1:]
        return [
            i
            for i in reversed(first)
            if all(i in bucket for bucket in others) and _within(self._records[i], since, until)
        ]

    def records(self, ids: Iterable[int]) -> list[Any]:
        return [self._records[i] for i in ids]


def _within(record: Any, since: float | None, until: float | None) -> bool:
    return (since is None or record.created >= since) and (until is None or record.created <= until)
