"""The footer at any width: the screen's own keys first, then `?` (always there) and quit, then
the rest; whole keys left out when they do not fit, never a label cut in half."""

from __future__ import annotations

import itertools

import pytest

from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.widgets.footer import KeysFooter
from tests.tui.conftest import WORKING, footer_keys, loaded, open_account, wait_for

ACCOUNTS_KEYS = ["⏎ Open", "/ Filter", "s SMPP only", "t Transfer", "? Keys", "q Quit"]


def fits(screen) -> bool:
    """Every key shown lies whole inside the footer, none over another."""
    footer = screen.query_one(KeysFooter)
    keys = sorted(screen.query("FooterKey"), key=lambda key: key.region.x)
    inside = all(key.region.right <= footer.region.right for key in keys)
    apart = all(one.region.right <= two.region.x for one, two in itertools.pairwise(keys))
    return inside and apart


async def footer_settled(pilot, screen, width: int) -> list[str]:
    await pilot.resize_terminal(width, 24)
    footer = screen.query_one(KeysFooter)

    def chosen() -> bool:
        keys = screen.query("FooterKey")
        return footer.fitted_to == width and all(key.region.width for key in keys)

    await wait_for(pilot, chosen, "the keys chosen for the new width")
    return footer_keys(screen)


@pytest.mark.parametrize("width", [120, 80, 60, 30])
async def test_the_accounts_footer_fits_with_the_screens_keys_first(make_app, width):
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        shown = await footer_settled(pilot, app.screen, width)
        assert fits(app.screen), shown
        assert "? Keys" in shown, "the key to every key always stays"
        expected = [key for key in ACCOUNTS_KEYS if key in shown]
        assert shown[: len(expected)] == expected, "most important first"
        if width == 120:
            assert shown[: len(ACCOUNTS_KEYS)] == ACCOUNTS_KEYS
            assert shown[-1] == "^p Commands", "the palette's key, when there is room"
        if width == 80:
            assert shown[:6] == ACCOUNTS_KEYS, "nothing of the screen's own left out at 80"


async def test_the_footer_is_chosen_again_on_resize(make_app):
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await open_account(app, pilot, WORKING)
        screen = app.screen
        wide = await footer_settled(pilot, screen, 120)
        narrow = await footer_settled(pilot, screen, 50)
        assert fits(screen), narrow
        assert narrow[:3] == ["c Copy", "v Reveal", "R New password"]
        assert "? Keys" in narrow
        assert "esc Back" not in narrow
        assert {"esc Back", "^p Commands"} <= set(wide)
        assert await footer_settled(pilot, screen, 120) == wide


async def test_keys_always_stays_even_when_nothing_else_fits(make_app):
    app = make_app()
    async with app.run_test(size=(12, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        assert await footer_settled(pilot, app.screen, 12) == ["? Keys"]


async def test_the_footer_is_built_again_only_when_its_keys_change(make_app, monkeypatch):
    """Textual says the bindings changed at each focus change and screen refresh, several
    times a tab switch; each rebuild costs 12 ms. Once a switch, as its keys do change."""
    built: list[str] = []
    recompose = KeysFooter.recompose

    async def counted(footer: KeysFooter) -> None:
        built.append(footer.screen.__class__.__name__)
        await recompose(footer)

    monkeypatch.setattr(KeysFooter, "recompose", counted)
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.pause(0.3)
        built.clear()
        for tab in "2121":
            await pilot.press(tab)
            await pilot.pause(0.3)
        assert len(built) <= 4, built
        await pilot.press("j", "j", "k")  # the cursor in a table: the same keys
        await pilot.pause(0.3)
        assert len(built) <= 4, built


async def test_the_first_screens_footer_is_built_once(make_app, monkeypatch):
    """Its keys come once the screen is drawn, and its size with them: each said to change
    them. Each rebuild holds every frame back while it lasts (50 ms beside the first page of
    answers at 1,009 accounts)."""
    built: list[int] = []
    recompose = KeysFooter.recompose

    async def counted(footer: KeysFooter) -> None:
        built.append(footer.size.width)
        await recompose(footer)

    monkeypatch.setattr(KeysFooter, "recompose", counted)
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await wait_for(pilot, lambda: footer_keys(app.screen)[:1] == ["⏎ Open"], "the keys")
        await pilot.pause(0.3)
        assert built == [120]
