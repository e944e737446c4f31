"""Blocking work off the event loop: `call` awaits a function run on a daemon thread (its
result, or its exception), `launch` starts a job and forgets it, reporting a failure to
`on_error` and never raising it. That daemon threads never hold up quitting is shown once, in a
subprocess, for `in_background` which both use (tests/api/test_fanout.py)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from smpp_tui.session import threads


async def test_call_runs_the_function_on_another_thread_and_returns_its_result():
    def add(a: int, *, b: int) -> tuple[int, threading.Thread]:
        return a + b, threading.current_thread()

    total, ran_on = await threads.call(add, 2, b=3)
    assert total == 5
    assert ran_on is not threading.current_thread()
    assert ran_on.daemon


async def test_call_raises_the_exception_of_the_function():
    def refuse(account: str) -> None:
        raise LookupError(f"no account {account}")

    with pytest.raises(LookupError, match="no account smpp-xx1"):
        await threads.call(refuse, account="smpp-xx1")


async def test_the_event_loop_runs_while_a_call_blocks():
    released = threading.Event()
    waiting = asyncio.ensure_future(threads.call(released.wait, 5))
    await asyncio.sleep(0)  # the call starts; back here, the loop was not held
    assert not waiting.done()
    released.set()
    assert await waiting is True, "released while it waited, not after its timeout"


def test_launch_reports_a_failure_to_on_error_and_never_raises():
    reported: list[Exception] = []
    told = threading.Event()

    def on_error(error: Exception) -> None:
        reported.append(error)
        told.set()

    def bug() -> None:
        raise KeyError("settings")

    threads.launch(bug, on_error)  # returns at once: the failure is not the caller's
    assert told.wait(5)
    assert [type(error) for error in reported] == [KeyError]
    assert str(reported[0]) == "'settings'"


def test_a_launched_job_runs_on_a_daemon_thread_and_the_launch_does_not_wait():
    go, ran = threading.Event(), threading.Event()
    seen: list[threading.Thread] = []
    reported: list[Exception] = []

    def job() -> None:
        assert go.wait(5)
        seen.append(threading.current_thread())
        ran.set()

    threads.launch(job, reported.append)
    assert not ran.is_set(), "launch returned while the job still waited"
    go.set()
    assert ran.wait(5)
    assert seen[0] is not threading.current_thread()
    assert seen[0].daemon, "a launched job never keeps the interpreter from exiting"
    assert reported == []
