"""Running calls off the caller's thread, on daemon threads, so that quitting never waits.

`in_background` hands one call to a daemon thread and returns a `Future` the caller may simply
drop. `fan_out` runs one function over many items with at most `limit` calls in flight (the
connection bounds the requests in flight overall as well).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

MAX_IN_FLIGHT = 10

T = TypeVar("T")
R = TypeVar("R")


def in_background(function: Callable[..., R], *args: Any, name: str = "ovh-call") -> Future[R]:
    """Run `function(*args)` on a daemon thread; the future holds its result or error."""
    future: Future[R] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as error:
            future.set_exception(error)

    threading.Thread(target=run, name=name, daemon=True).start()
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
