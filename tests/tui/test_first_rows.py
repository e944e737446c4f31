"""The app on a session whose `Live` was made before it, as the command line makes it while
Textual loads: the account list loaded meanwhile shows as the screen mounts, without being asked
for again, and a refusal heard before the app listened is still said."""

from __future__ import annotations

from smpp_tui.session import Live, Session
from smpp_tui.tui.app import SmppApp
from tests.conftest import eventually, gateway_on
from tests.tui.conftest import SIZE, status, table, wait_for


def loaded_before_the_app(sim, keys, clock) -> Live:
    live = Live(Session(gateway_on(sim, keys), "demo", clock=clock, alarm=clock.alarm))
    eventually(lambda: not live.poller.in_flight, "the account list's first load")
    return live


async def test_a_list_loaded_before_the_app_shows_as_it_starts(sim, keys, clock):
    app = SmppApp(loaded_before_the_app(sim, keys, clock))
    async with app.run_test(size=SIZE):
        assert table(app).row_count == len(sim.world.sms.names_of("dc12345-ovh"))
        assert not table(app).loading
        assert [e.path for e in sim.exchanges].count("/sms") == 1, "asked for once"


async def test_a_refusal_heard_before_the_app_listened_is_said(sim, keys, clock, notices):
    sim.world.expire(sim.world.credentials[keys.consumer_key])
    app = SmppApp(loaded_before_the_app(sim, keys, clock))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: notices.saying("refused the credentials"), "the notice")
        assert "consumer key" in status(app)
