"""The history index on its own: queries agree with a plain scan, before and after deletes."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from smpp_tui.simulator.sms.history import History


@dataclass
class Row:
    id: int
    created: float
    colour: str
    size: int


def _scan(rows, equal, since, until):
    return [
        r.id
        for r in reversed(rows)
        if all(getattr(r, k) == v for k, v in equal.items())
        and (since is None or r.created >= since)
        and (until is None or r.created <= until)
    ]


def test_queries_match_a_scan_through_deletes():
    rng = random.Random(1)
    rows = [Row(10 * i, float(i), rng.choice("rgb"), rng.randrange(3)) for i in range(500)]
    history = History({"colour": "colour", "size": "size"})
    history.extend(rows)
    queries = [
        ({}, None, None),
        ({"colour": "r"}, 100.0, 300.0),
        ({"colour": "g", "size": 1}, None, 50.0),
        ({"size": 2}, 490.0, None),
        ({"colour": "x"}, None, None),
        ({}, 250.0, 240.0),
    ]
    for _ in range(3):
        for equal, since, until in queries:
            assert history.query(equal, since, until) == _scan(rows, equal, since, until)
        for victim in rng.sample(rows, 50):
            assert history.delete(victim.id)
            rows.remove(victim)
    assert not history.delete(-1)
    assert len(history) == len(rows)


def test_records_must_come_in_time_order():
    history = History({})
    history.add(Row(2, 2.0, "r", 0))
    with pytest.raises(ValueError, match="growing"):
        history.add(Row(1, 3.0, "r", 0))
