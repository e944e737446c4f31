"""Blocking work (a request, an action, a file written) off the app's event loop, on daemon
threads: quitting never waits for a request in flight, as a Textual thread worker would until
its timeout."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from smpp_tui.api.fanout import in_background

P = ParamSpec("P")
T = TypeVar("T")


def launch(job: Callable[[], Any], on_error: Callable[[Exception], None]) -> None:
    """Start `job` and forget it: it reports what it does itself (a poll, to the store), and
    a failure it did not expect (a bug) to `on_error`, never to the terminal."""

    def run() -> None:
        try:
            job()
        except Exception as error:
            on_error(error)

    in_background(run)


async def call(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(...)` on a daemon thread, awaited: its result, or its exception raised."""
    job = functools.partial(function, *args, **kwargs)
    return await asyncio.wrap_future(in_background(job))
