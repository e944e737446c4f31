"""The app on a session whose `Live` was made before it, as the command line makes it while
Textual loads: the account list loaded meanwhile shows as the screen mounts, without being asked
for again, the rows' details once the rows are on screen, and a refusal heard before the app
listened is still said."""

from __future__ import annotations

import gc

from textual.strip import Strip

from smpp_tui.session import Live, Session
from smpp_tui.store import ResourceKey
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.widgets.accounts_table import AccountsTable
from tests.conftest import eventually, gateway_on
from tests.tui.conftest import SIZE, all_smpp_details, status, table, wait_for


def loaded_before_the_app(sim, keys, clock) -> Live:
    live = Live(Session(gateway_on(sim, keys), "demo", clock=clock, alarm=clock.alarm))
    eventually(lambda: not live.poller.in_flight, "the account list's first load")
    return live


def drawn(app: SmppApp) -> bool:
    """The accounts screen has drawn what the store holds (its status line says it)."""
    return isinstance(app.screen, AccountsScreen) and app.screen.is_mounted and bool(status(app))


async def test_a_list_loaded_before_the_app_shows_as_it_starts(sim, keys, clock):
    app = SmppApp(loaded_before_the_app(sim, keys, clock))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: drawn(app), "the accounts screen drawn")
        assert table(app).row_count == len(sim.world.sms.names_of("dc12345-ovh"))
        assert not table(app).loading
        assert [e.path for e in sim.exchanges].count("/sms") == 1, "asked for once"


async def test_a_refusal_heard_before_the_app_listened_is_said(sim, keys, clock, notices):
    sim.world.expire(sim.world.credentials[keys.consumer_key])
    app = SmppApp(loaded_before_the_app(sim, keys, clock))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: notices.saying("refused the credentials"), "the notice")
        await wait_for(pilot, lambda: drawn(app), "the accounts screen drawn")
        assert "consumer key" in status(app)


async def test_the_rows_details_are_asked_once_the_rows_are_on_screen(
    sim, keys, clock, monkeypatch
):
    """Asked earlier, their answers and threads would take the time of the first frame."""
    polled_when_drawn: list[list[ResourceKey]] = []
    draw = AccountsTable.render_line
    app = SmppApp(loaded_before_the_app(sim, keys, clock))

    def render_line(table: AccountsTable, y: int) -> Strip:
        if not polled_when_drawn and table.row_count:
            polled_when_drawn.append(app.poller.watched())
        return draw(table, y)

    monkeypatch.setattr(AccountsTable, "render_line", render_line)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: drawn(app), "the accounts screen drawn")
        await all_smpp_details(app, pilot)  # asked once drawn, and answered
        assert polled_when_drawn == [[ACCOUNTS]]  # the list only


async def test_what_the_first_screen_built_is_kept_out_of_full_collections(sim, keys, clock):
    """Frozen once the rows are shown (a full collection scanning them paused a keystroke),
    thawed with the session, whose garbage is then collected."""
    app = SmppApp(loaded_before_the_app(sim, keys, clock))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: drawn(app) and gc.get_freeze_count() > 0, "the freeze")
    assert gc.get_freeze_count() == 0
