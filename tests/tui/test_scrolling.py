"""Scrolling through many accounts: the rows passed are not fetched, the rows where the cursor
rests are, once."""

from __future__ import annotations

import pytest

from smpp_tui.simulator import build_demo_world
from smpp_tui.tui.screens.accounts import AccountsScreen
from tests.tui.conftest import loaded, table, wait_for


@pytest.fixture
def demo(world_clock) -> tuple:
    return build_demo_world(world_clock, scale=1)  # 209 accounts


def settings_asked(sim) -> set[str]:
    return {
        e.path.split("/")[2]
        for e in sim.exchanges
        if e.method == "GET" and e.path.endswith("/smpp/settings")
    }


async def test_rows_scrolled_past_are_not_fetched(make_app, sim, monkeypatch):
    # Longer than a key press ever takes here: every row passed is passed before it rests.
    monkeypatch.setattr(AccountsScreen, "REST", 2.0)
    app = make_app()
    async with app.run_test(size=(120, 20)) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        shown = lambda: set(table(app).visible_accounts())  # noqa: E731
        await wait_for(pilot, lambda: shown() and shown() <= settings_asked(sim), "a page")
        first, asked = shown(), settings_asked(sim)
        await pilot.press(*["j"] * 3 * len(first))  # three pages down
        last = shown()
        assert not last & first
        assert settings_asked(sim) == asked, "nothing asked while the rows move"
        await wait_for(pilot, lambda: last <= settings_asked(sim), "the page at rest")
        assert settings_asked(sim) == asked | last, "the pages passed: never"
