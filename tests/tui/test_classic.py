"""A classic SMS account (`sms-...`, no SMPP) says what it is: no SMPP tab, a line saying why,
and the tabs that apply, with their keys; also when the account list comes after the screen."""

from __future__ import annotations

from textual.widgets import TabbedContent

from smpp_tui.simulator import Fault
from smpp_tui.tui import commands
from smpp_tui.tui.screens.account import CLASSIC, AccountScreen
from smpp_tui.tui.screens.accounts import AccountsScreen
from tests.tui.conftest import SIZE, loaded, open_account, rendered, wait_for

CLASSIC_ACCOUNT = "sms-dc12345-1"


def tabs(screen: AccountScreen) -> TabbedContent:
    return screen.query_one(TabbedContent)


def shown_tabs(screen: AccountScreen) -> list[str]:
    every = ("overview", "ips", "senders", "credits", "history")
    return [tab for tab in every if tabs(screen).get_tab(tab).display]


def offered(screen: AccountScreen) -> set[str]:
    """The ids of the commands the footer, `?` and the palette offer."""
    return {command.id for command, _ in commands.active(screen)}


async def test_a_classic_account_opens_on_its_senders_and_says_what_it_is(make_app, sim):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_account(app, pilot, CLASSIC_ACCOUNT)
        await wait_for(pilot, lambda: tabs(screen).active == "senders", "the Senders tab")
        assert shown_tabs(screen) == ["senders", "credits", "history"]
        assert "classic SMS account" in rendered(screen.query_one("#account-title"))
        kind = screen.query_one("#account-kind")
        assert kind.display
        assert rendered(kind) == CLASSIC
        assert kind.size.height == 1, "one line at 80 columns"

        ids = offered(screen)
        assert {"account.tab_senders", "account.tab_credits", "account.tab_history"} <= ids
        assert not {"account.tab_overview", "account.tab_ips", "account.copy"} & ids
        await pilot.press("1")
        assert tabs(screen).active == "senders"
        await pilot.press("4", "2", "R")
        assert tabs(screen).active == "credits"
        assert app.screen is screen
        await pilot.press("question_mark")
        keys = rendered(app.screen.query_one("#keys"))
        assert "account.tab_credits" in keys
        assert "account.tab_overview" not in keys
        assert "account.tab_ips" not in keys
    smpp_calls = [
        e.path for e in sim.exchanges if e.path.startswith(f"/sms/{CLASSIC_ACCOUNT}/smpp")
    ]
    assert smpp_calls == [], "nothing asked of an SMPP access it does not have"


async def test_an_smpp_account_keeps_every_tab_and_no_explanation(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, "smpp-dc12345-1")
        assert tabs(screen).active == "overview"
        assert len(shown_tabs(screen)) == 5
        assert not screen.query_one("#account-kind").display


async def test_a_screen_opened_before_the_account_list_turns_classic_when_it_comes(make_app, sim):
    # The list answers late: until then the account is taken for an SMPP one.
    sim.inject(Fault("latency", 2.0, "GET", "/sms", times=1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        assert not loaded(app)
        screen = AccountScreen(CLASSIC_ACCOUNT)
        await app.push_screen(screen)
        assert tabs(screen).active == "overview"
        assert not screen.query_one("#account-kind").display
        await wait_for(pilot, lambda: tabs(screen).active == "senders", "the switch to Senders")
        assert shown_tabs(screen) == ["senders", "credits", "history"]
        assert screen.query_one("#account-kind").display
        assert "account.tab_overview" not in offered(screen)
