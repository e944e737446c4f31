"""How the app words what it shows: ages that change rarely, and when they change; statuses
that read apart without colour."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from smpp_tui.tui import words
from tests.tui.conftest import all_smpp_details, cell, loaded, table, wait_for


@pytest.mark.parametrize(
    ("seconds", "said", "changes_in"),
    [
        (0, "just now", 60),
        (59, "just now", 1),
        (61, "1 min ago", 59),
        (3599, "59 min ago", 1),
        (3600, "1 h ago", 3600),
        (5400, "1 h ago", 1800),
    ],
)
def test_an_age_and_when_its_words_change(seconds, said, changes_in):
    assert words.age(seconds) == said
    assert words.age_changes_in(seconds) == changes_in
    assert words.age(seconds + changes_in) != said


def test_each_smpp_status_has_its_own_one_cell_symbol_and_word():
    symbols = [symbol for symbol, _, _ in words.SMPP_STATUS.values()]
    said = [words.smpp_status_words(status) for status in words.SMPP_STATUS]
    assert len(set(symbols)) == len(symbols) == len(set(said)) == 6
    assert all(cell_len(symbol) == 1 for symbol in [*symbols, words.OTHER_STATUS])
    assert words.OTHER_STATUS not in symbols
    assert words.smpp_status("SUSPENDED").plain == f"{words.OTHER_STATUS} suspended"


# An account of the demo in each status: six SMPP statuses, and a disabled account.
EVERY_STATUS = {
    "smpp-dc12345-1": "✓ working",
    "smpp-dc12345-2": "○ no IP yet",
    "smpp-dc12345-3": "↻ applying",
    "smpp-dc12345-4": "✗ error",
    "smpp-dc12345-5": "? unknown",
    "smpp-dc12345-6": "⊘ deleted",
}


async def test_every_status_reads_apart_without_colour(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the app is made
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await all_smpp_details(app, pilot)
        shown = {name: cell(app, name, "smpp_status") for name in EVERY_STATUS}
        assert shown == EVERY_STATUS
        disabled = cell(app, "sms-dc12345-2", "status")
        assert (disabled, cell(app, "sms-dc12345-1", "status")) == ("- disabled", "✓ enabled")
        seven = [*shown.values(), disabled]
        accounts = table(app)
        assert len(set(seven)) == 7
        # As drawn: each one on its row, whatever colours there were.
        drawn = "\n".join(accounts.render_line(y).text for y in range(accounts.size.height))
        assert all(said in drawn for said in seven)


def test_an_account_status_reads_apart_and_one_not_known_yet_keeps_a_symbol():
    said = [words.account_status(s).plain for s in ("enable", "disable", "suspended")]
    assert said == ["✓ enabled", "- disabled", "● suspended"]


def test_no_status_is_drawn_dim_or_grey():
    # NO_COLOR keeps `dim`: grey on black, the unreadable status of the first hour.
    styles = [words.smpp_status(s).style for s in words.SMPP_STATUS]
    styles += [words.sender_status(s).style for s in words.SENDER_STATUS]
    styles += [words.account_status(s).style for s in words.ACCOUNT_STATUS]
    assert [s for s in styles if "dim" in str(s) or "bright_black" in str(s)] == []
