"""The store: immutable snapshots and change-only notifications."""

from __future__ import annotations

import pytest

from smpp_tui.api import errors
from smpp_tui.store import Health, Store

KEY = ("accounts",)


@pytest.fixture
def store():
    return Store()


@pytest.fixture
def changes(store):
    seen = []
    store.subscribe(seen.append)
    return seen


def fetched(store: Store, value, now: float) -> bool:
    """An answer to a fetch started now."""
    return store.fetched(KEY, value, now, store.ticket())


def failed(store: Store, error: Exception) -> bool:
    return store.failed(KEY, error, store.ticket())


def test_a_new_value_is_published(store, changes):
    assert fetched(store, ["a"], now=1.0)
    assert len(changes) == 1
    assert changes[0].keys == {KEY}
    assert changes[0].snapshot.value(KEY) == ["a"]
    assert store.snapshot[KEY].fetched_at == 1.0


def test_the_same_value_again_is_silent_but_fresh(store, changes):
    fetched(store, ["a"], now=1.0)
    assert not fetched(store, ["a"], now=31.0)
    assert len(changes) == 1
    assert store.snapshot[KEY].fetched_at == 31.0


def test_snapshots_are_immutable(store):
    fetched(store, ["a"], now=1.0)
    before = store.snapshot
    fetched(store, ["b"], now=2.0)
    assert before.value(KEY) == ["a"]
    assert store.snapshot.value(KEY) == ["b"]
    with pytest.raises(TypeError):
        before.entries[KEY] = None


def test_a_failure_keeps_the_last_good_value_marked_stale(store, changes):
    fetched(store, ["a"], now=1.0)
    error = errors.Unreachable("OVHcloud could not be reached")
    assert failed(store, error)
    entry = store.snapshot[KEY]
    assert entry.value == ["a"]
    assert entry.stale
    assert entry.error is error
    assert not failed(store, errors.Unreachable("OVHcloud could not be reached"))
    assert len(changes) == 2, "the same failure again is not news"


def test_success_after_failure_clears_the_error_even_with_the_same_value(store, changes):
    fetched(store, ["a"], now=1.0)
    failed(store, errors.TimedOut(20))
    assert fetched(store, ["a"], now=5.0)
    assert not store.snapshot[KEY].stale


def test_a_first_failure_is_an_error_without_a_value(store):
    failed(store, errors.InvalidCredentials("refused"))
    entry = store.snapshot[KEY]
    assert not entry.loaded
    assert not entry.stale
    assert isinstance(entry.error, errors.InvalidCredentials)


def test_health_changes_are_published_once(store, changes):
    assert not store.set_health(Health.OK)
    assert store.set_health(Health.UNREACHABLE)
    assert not store.set_health(Health.UNREACHABLE)
    assert [c.health_changed for c in changes] == [True]
    assert store.snapshot.health is Health.UNREACHABLE


def test_unsubscribe(store, changes):
    unsubscribe = store.subscribe(changes.append)
    fetched(store, 1, now=0)
    assert len(changes) == 2
    unsubscribe()
    fetched(store, 2, now=0)
    assert len(changes) == 3


# Newer never loses to older.


def test_of_two_overlapping_fetches_the_older_answer_is_dropped(store, changes):
    older, newer = store.ticket(), store.ticket()
    assert store.fetched(KEY, ["new"], 2.0, started=newer)
    assert not store.fetched(KEY, ["old"], 3.0, started=older)
    assert store.snapshot.value(KEY) == ["new"]
    assert store.snapshot[KEY].fetched_at == 2.0
    assert not store.failed(KEY, errors.TimedOut(20), started=older)
    assert not store.snapshot[KEY].stale
    assert len(changes) == 1


def test_a_write_stands_until_a_fetch_started_after_it_answers(store):
    before = store.ticket()
    store.wrote(KEY, ["written"], 1.0)
    assert not store.fetched(KEY, ["stale"], 2.0, started=before)
    assert not store.failed(KEY, errors.Unreachable("down"), started=before)
    assert store.snapshot.value(KEY) == ["written"]
    after = store.ticket()
    assert store.fetched(KEY, ["fresh"], 3.0, started=after)
    assert store.snapshot.value(KEY) == ["fresh"]


def test_a_write_that_changed_more_than_it_returned_drops_what_was_asked_before(store, changes):
    fetched(store, ["a"], now=1.0)
    before = store.ticket()
    store.outdated([KEY])
    assert not store.fetched(KEY, ["b"], 2.0, started=before)
    assert store.snapshot.value(KEY) == ["a"], "the last value shows until a fresh one comes"
    assert store.fetched(KEY, ["c"], 3.0, started=store.ticket())
    assert [change.snapshot.value(KEY) for change in changes] == [["a"], ["c"]]
