"""Bounded fan-out and calls that never hold up quitting."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import Future

import pytest

from smpp_tui.api.fanout import DaemonThreads, fan_out, in_background


def test_fan_out_keeps_order_and_bounds_the_calls_in_flight():
    lock, state = threading.Lock(), {"now": 0, "most": 0}
    gate = threading.Barrier(10, timeout=5)

    def work(item: int) -> int:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        if item < 10:
            gate.wait()  # the first ten really are in flight together
        with lock:
            state["now"] -= 1
        return item * 2

    assert fan_out(work, list(range(50))) == [i * 2 for i in range(50)]
    assert state["most"] == 10


def test_fan_out_raises_the_first_error():
    def work(item: int) -> int:
        if item == 3:
            raise ValueError("three")
        return item

    with pytest.raises(ValueError, match="three"):
        fan_out(work, list(range(20)))


def test_background_call_gives_a_future():
    assert in_background(lambda a, b: a + b, 2, 3).result(timeout=5) == 5
    with pytest.raises(ZeroDivisionError):
        in_background(lambda: 1 / 0).result(timeout=5)


def test_quitting_does_not_wait_for_a_call_in_flight(tmp_path):
    script = """
import threading
from smpp_tui.simulator import Simulator, build_demo_world, Fault
from smpp_tui.api import Gateway, ApplicationKey
from smpp_tui.api.fanout import in_background
world, customers = build_demo_world()
keys = customers[0].keys
sim = Simulator(world).start()
sim.inject(Fault("latency", 30, path="/me"))
gateway = Gateway.connect(
    sim.endpoint, ApplicationKey(keys.application_key, keys.application_secret,
    keys.consumer_key), timeout=(2, 60))
future = in_background(gateway.me)
print("quitting", flush=True)
"""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=20, cwd=tmp_path
    )
    assert done.stdout.strip() == "quitting", done.stderr
    assert time.monotonic() - started < 10


def test_background_calls_reuse_the_threads_that_wait():
    """One call after another: one thread or so, not one each. On a pool of its own: the app's
    keeps the threads other tests left waiting, and hands calls to each in turn."""
    pool = DaemonThreads("pool-test")
    threads = []
    for _ in range(20):
        future: Future[threading.Thread] = Future()
        pool.run(lambda future=future: future.set_result(threading.current_thread()))
        threads.append(future.result(timeout=5))
    # A thread may be given the next call before it counts itself waiting: one more starts.
    assert len({id(thread) for thread in threads}) < 5
    assert {thread.name for thread in threads} == {"pool-test"}


def test_calls_at_once_each_get_a_thread():
    gate = threading.Barrier(5, timeout=5)
    futures = [in_background(gate.wait) for _ in range(5)]  # each waits for the four others
    assert sorted(f.result(timeout=5) for f in futures) == [0, 1, 2, 3, 4]
