"""`C` on the Overview: ready-to-paste configurations, each copied whole with one key."""

from __future__ import annotations

from smpp_tui.api.client_configs import PASSWORD
from smpp_tui.api.models import SmppEndpoint, SmppSettings
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.client_configs import ClientConfigsScreen
from tests.tui.conftest import SIZE, WORKING, open_account, wait_for


def shown(app) -> str:
    return str(app.screen.query_one("#configs-text").render())


async def test_each_configuration_is_copied_whole_with_the_accounts_values(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        settings = sim.world.sms.accounts[WORKING].settings(
            sim.world.now(), sim.world.sms.endpoints
        )
        host, port = settings["endpoints"][0]["secured"].rsplit(":", 1)
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientConfigsScreen), "the configs")
        await pilot.press("c")
        kannel = app.clipboard
        assert kannel.splitlines()[1:4] == ["group = smsc", "smsc = smpp", f'smsc-id = "{WORKING}"']
        assert f'host = "{host}"\nport = {port}\nuse-ssl = true' in kannel
        assert f'smsc-username = "{settings["systemID"]}"' in kannel
        assert f'smsc-password = "{PASSWORD}"' in kannel
        assert notices.last == "Copied the Kannel configuration (OSC 52)"
        assert "group = smsc" in shown(app)

        await pilot.press("2", "c")
        assert app.clipboard.startswith("smppccm -a\n")
        assert f"\nport {port}\nssl yes\n" in app.clipboard
        await pilot.press("t", "c")  # the plaintext endpoint
        plain_port = settings["endpoints"][0]["unsecured"].rsplit(":", 1)[1]
        assert f"\nport {plain_port}\nssl no\n" in app.clipboard

        await pilot.press("3", "c")
        compile(app.clipboard, "smpplib script", "exec")
        assert notices.last == "Copied the smpplib configuration (OSC 52)"
        await pilot.press("escape")
        assert isinstance(app.screen, AccountScreen)


async def test_a_configuration_longer_than_the_screen_scrolls_with_the_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("C", "3")  # the script: longer than 24 lines
        await wait_for(pilot, lambda: isinstance(app.screen, ClientConfigsScreen), "the configs")
        body = app.screen.query_one("#configs")
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_a_refusal_shows_the_accounts_name_cleaned(make_app):
    """The name comes from OVHcloud: a sequence in it must not reach the terminal."""
    hostile = "smpp\x1b]52;c;aGk=\x07-1\x1b[2J"
    plain_only = SmppSettings("smpp-1", (SmppEndpoint(None, "h.example:2775"),), "SUCCESS", 1, 1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        app.push_screen(ClientConfigsScreen(hostile, plain_only))
        await pilot.press("t")  # TLS: none
        said = shown(app) + str(app.screen.query_one("#configs-what").render())
        assert "No configuration: OVHcloud names no TLS endpoint" in said
        assert "\x1b" not in said
        assert "\x07" not in said
