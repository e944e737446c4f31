"""Every screen, form and dialog fits 80x24: it opens scrolled to its top, its title and first
field in view, nothing of it cut off the terminal or out of its frame; `?` scrolls."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from smpp_tui.config import Config
from smpp_tui.store.resources import senders_key, service_key, usage_key
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.welcome import CONNECT
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.help import HelpScreen
from smpp_tui.tui.screens.renew_again import RenewAgainScreen
from smpp_tui.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import (
    WAITING,
    WORKING,
    all_smpp_details,
    fetched,
    field_values,
    heading,
    history_read,
    loaded,
    open_account,
    refused,
    wait_for,
)

SMALL = (80, 24)


def inside(widget: Widget, frame: Widget) -> bool:
    return frame.region.contains_region(widget.region)


def cut(screen: Screen[object]) -> list[str]:
    """What is drawn out of the terminal, or out of the frame it is in (a dialog that does not
    scroll): cut off. Scrolling frames may hold more than they show, but open at their top."""
    problems: dict[str, None] = {}  # once each, in order
    for widget in screen.query("*"):
        if not widget.display or widget.region.area == 0:
            continue
        frame = widget.parent
        if isinstance(frame, ScrollableContainer):
            if frame.scroll_y != 0:
                problems[f"{frame!r} opened scrolled to {frame.scroll_y}"] = None
        elif not screen.region.contains_region(widget.region):
            problems[f"{widget!r} off the terminal: {widget.region}"] = None
        elif isinstance(frame, Widget) and not frame.region.contains_region(widget.region):
            problems[f"{widget!r} out of {frame!r}"] = None
    return list(problems)


def first_lines_shown(screen: Screen[object]) -> bool:
    """The title (the first line of text) and the first field, when there is one, in view."""
    texts = [w for w in screen.query("Static") if w.display and w.region.area]
    fields = [w for w in screen.query(Input) if w.display]
    shown = screen.region
    return bool(texts) and all(shown.contains_region(w.region) for w in [texts[0], *fields[:1]])


def fits(screen: Screen[object]) -> None:
    assert cut(screen) == [], cut(screen)
    assert first_lines_shown(screen), "the title and the first field in view"


# The account's dialogs, as a user opens them.


async def on_tab(pilot, tab: str, name: str = WORKING) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: loaded(app), "the accounts")
    await all_smpp_details(app, pilot)
    screen = await open_account(app, pilot, name)
    await wait_for(pilot, lambda: "email" in field_values(screen), "the overview")
    await pilot.press(tab)
    if tab == "2":
        await wait_for(pilot, lambda: "/10" in heading(screen), "the IPs")
    elif tab == "3":
        await fetched(pilot, senders_key(name), "the senders")
    elif tab == "4":
        await fetched(pilot, usage_key(name), "the 30 days")
        await fetched(pilot, service_key(name), "the recharge")
    elif tab == "5":
        await history_read(pilot)


def dialog(tab: str, *keys: str, name: str = WORKING) -> Callable[..., Awaitable[None]]:
    async def opened(pilot) -> None:
        await on_tab(pilot, tab, name)
        below = pilot.app.screen
        await pilot.press(*keys)
        await wait_for(pilot, lambda: pilot.app.screen is not below, f"{keys} to open")

    return opened


async def renewing_again(pilot) -> None:
    await dialog("1", "R")(pilot)
    await pilot.press("y")
    account = pilot.app.screen_stack[-1]
    await wait_for(pilot, lambda: not isinstance(account, ConfirmScreen), "the renewal")
    await wait_for(pilot, lambda: pilot.app.actions.last_renewal(WORKING) is not None, "it")
    await pilot.press("R")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RenewAgainScreen), "the form")


DIALOGS = {
    "password confirmation": dialog("1", "R"),
    "reveal": dialog("1", "j", "v"),
    "renew again": renewing_again,
    "add IPs": dialog("2", "a", name=WAITING),
    "IP removal": dialog("2", "d"),
    "sender form": dialog("3", "a"),
    "sender details": dialog("3", "enter"),
    "recharge form": dialog("4", "e"),
    "transfer form": dialog("4", "t"),
    "history filter": dialog("5", "slash"),
    "SMS details": dialog("5", "enter"),
    "export": dialog("5", "x"),
}


@pytest.mark.parametrize("opened", DIALOGS.values(), ids=DIALOGS.keys())
async def test_each_dialog_fits_80x24(make_app, opened):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await opened(pilot)
        await pilot.pause(0.1)
        fits(app.screen)


async def test_what_is_wrong_shows_whole_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await dialog("5", "slash")(pilot)
        form = app.screen
        assert (await refused(pilot, period="xyz")).startswith("'xyz' is not a period")
        await pilot.pause(0.1)
        problem, frame = form.query_one("#form-problem"), form.query_one(".form-dialog")
        assert frame.scrollable_content_region.contains_region(problem.region)


# The connect form and `?`.


@pytest.mark.parametrize("size", [SMALL, (80, 40)])
async def test_the_connect_form_opens_at_its_top_at_80_columns(tmp_path, size):
    app = SmppApp(None, config=Config(), config_path=tmp_path / "config.toml")
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome")
        await pilot.press(key_of(app.screen, CONNECT))
        await wait_for(pilot, lambda: isinstance(app.screen, ConnectScreen), "the form")
        await pilot.pause(0.1)
        fits(app.screen)
        title, form = app.screen.query_one("#connect-title"), app.screen.query_one("#form")
        assert title.region.y == form.content_region.y, "the form's first line is its title"
        assert app.focused is app.screen.query_one("#endpoint", Input)


async def test_the_keys_scroll_with_j_and_k(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the keys")
        keys = app.screen.query_one("#help", ScrollableContainer)
        assert keys.max_scroll_y > 0, "more keys than 24 lines show"
        fits(app.screen)
        await pilot.press("j", "j")
        assert keys.scroll_y == 2
        await pilot.press("k")
        assert keys.scroll_y == 1
        await pilot.press("G")
        assert keys.scroll_y == keys.max_scroll_y
        await pilot.press("g")
        assert keys.scroll_y == 0
