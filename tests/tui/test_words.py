"""How the app words what it shows: ages that change rarely, and when they change."""

from __future__ import annotations

import pytest

from smpp_tui.tui import words


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
