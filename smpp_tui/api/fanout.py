"""Running calls off the caller's thread, on daemon threads, so that quitting never waits.

`in_background` hands one call to a daemon thread and returns a `Future` the caller may simply
drop. The threads stay for the next calls, and a new one is started without waiting for it to
run: `threading.Thread.start` waits for that, a hand-over of the interpreter's lock that took
2 ms a call, and 2 to 14 ms a thread behind busy ones (25 to 40 ms of the app's own thread as
it asked for the first page of details at 1,009 accounts). `fan_out` runs one function over
many items with at most `limit` calls in flight (the connection bounds the requests in flight
overall as well).
"""

from __future__ import annotations

import _thread  # documented, low-level: its start does not wait for the thread to run
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

MAX_IN_FLIGHT = 10

T = TypeVar("T")
R = TypeVar("R")


class DaemonThreads:
    """Daemon threads that wait for calls once theirs is done; a new one starts only when
    none waits, the caller not waiting for it. Not `ThreadPoolExecutor`: its threads hold up
    the interpreter's exit, and it waits for each thread it starts."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._waiting = 0
        self._lock = threading.Lock()

    def run(self, call: Callable[[], None]) -> None:
        with self._lock:
            one_waits = self._waiting > 0
            if one_waits:
                self._waiting -= 1  # it is this call's
        self._calls.put(call)
        if not one_waits:
            # A daemon, as every thread `_thread` starts: never waited for at exit.
            _thread.start_new_thread(self._serve, ())

    def _serve(self) -> None:
        threading.current_thread().name = self._name  # in tracebacks and thread listings
        while True:
            self._calls.get()()  # the call catches what it raises (see `in_background`)
            with self._lock:
                self._waiting += 1


THREADS = DaemonThreads("ovh-call")


def in_background(function: Callable[..., R], *args: Any) -> Future[R]:
    """Run `function(*args)` on a daemon thread; the future holds its result or error."""
    future: Future[R] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as error:
            future.set_exception(error)

    THREADS.run(run)
    return future


def fan_out(function: Callable[[T], R], items: Sequence[T], limit: int = MAX_IN_FLIGHT) -> list[R]:
    """`[function(item) for item in items]`, at most `limit` at a time, in order.

    The first error stops the workers taking new items and is raised once they end.
    """
    if len(items) <= 1:
        return [function(item) for item in items]
    results: list[Any] = [None] * len(items)
    failures: list[BaseException] = []
    cursor = iter(range(len(items)))
    lock = threading.Lock()

    def work() -> None:
        while not failures:
            with lock:
                index = next(cursor, None)
            if index is None:
                return
            try:
                results[index] = function(items[index])
            except BaseException as error:
                failures.append(error)

    workers = [
        threading.Thread(target=work, name="ovh-fan-out", daemon=True)
        for _ in range(min(limit, len(items)))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
    return results
