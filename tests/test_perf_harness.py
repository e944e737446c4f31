"""The benchmark harness (tests/perf/) reads the screen a user sees: checked here, so that its
figures cannot come from a screen it misreads (its runs take minutes: not part of the tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.perf import in_terminal
from tests.perf.in_terminal import Customer, Runs


@pytest.fixture(scope="module")
def customer() -> Iterator[Customer]:
    made = Customer(scale=0)
    yield made
    made.stop()


def test_the_app_in_a_terminal_shows_its_rows_filled_and_moves_its_cursor(customer):
    names = customer.names()
    with Runs(customer).app() as terminal:
        cursor = in_terminal.ready(terminal, names, filled=True)
        assert names[0] in cursor.row()[1]
        assert in_terminal.cells_filled(terminal)
        terminal.send(in_terminal.DOWN)
        terminal.wait_for(lambda: names[1] in cursor.row()[1], timeout=10)
        assert terminal.bytes_read > 0
        assert terminal.cpu_seconds() > 0
    assert customer.answered() > 0  # the app's requests reach the harness's simulator


def test_the_bare_app_shows_the_same_rows_and_moves_its_cursor_too(customer):
    names = customer.names()
    with Runs(customer).bare() as terminal:
        cursor = in_terminal.ready(terminal, names, filled=False)
        assert in_terminal.cells_filled(terminal)  # its rows come whole
        assert all(name in terminal.text() for name in names)
        terminal.send(in_terminal.DOWN)
        terminal.wait_for(lambda: names[1] in cursor.row()[1], timeout=10)


def test_a_row_still_loading_is_not_filled(customer):
    """While its SMPP details are on their way, a row shows "…": not filled yet."""
    names = customer.names()
    customer.inject("GET /sms/*/smpp/settings latency=3")
    try:
        with Runs(customer).app() as terminal:
            in_terminal.ready(terminal, names, filled=False)
            assert not in_terminal.cells_filled(terminal)
    finally:
        customer.clear_faults()
