"""The session's alarm: one daemon thread that rings once the delay last set has passed.

What must not happen is checked by waiting a little (there is no event for "never rang").
"""

from __future__ import annotations

import threading

import pytest

from smpp_tui.session.alarm import DaemonAlarm


class Rings:
    def __init__(self, failures: int = 0) -> None:
        self.count, self.failures = 0, failures
        self.rang, self.failed = threading.Event(), threading.Event()
        self.errors: list[Exception] = []

    def ring(self) -> None:
        self.count += 1
        if self.count <= self.failures:
            raise RuntimeError("a bug in the poller")
        self.rang.set()

    def error(self, error: Exception) -> None:
        self.errors.append(error)
        self.failed.set()


@pytest.fixture
def rings():
    return Rings()


@pytest.fixture
def alarm(rings):
    made = DaemonAlarm(rings.ring, rings.error)
    yield made
    made.close()


def test_it_rings_once_when_the_delay_has_passed(alarm, rings):
    alarm.set(0.05)
    assert rings.rang.wait(5)
    rings.rang.clear()
    assert not rings.rang.wait(0.2), "once, not again"
    assert alarm.rings == rings.count == 1


def test_setting_it_again_moves_it_and_none_stops_it(alarm, rings):
    alarm.set(10)
    alarm.set(None)
    assert not rings.rang.wait(0.3)
    alarm.set(60)
    alarm.set(0.01)  # sooner: the sleeping thread wakes for the new deadline
    assert rings.rang.wait(5)


def test_a_failing_ring_is_reported_and_tried_again():
    rings = Rings(failures=1)
    alarm = DaemonAlarm(rings.ring, rings.error, after_a_failure=0.05)
    try:
        alarm.set(0)
        assert rings.failed.wait(5)
        assert rings.rang.wait(5), "it rang again after the failure, unasked"
        assert [str(error) for error in rings.errors] == ["a bug in the poller"]
    finally:
        alarm.close()


def test_a_closed_alarm_never_rings(alarm, rings):
    alarm.close()
    alarm.set(0)
    assert not rings.rang.wait(0.2)
