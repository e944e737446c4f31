"""The demo's Mail view: the e-mails the simulated OVHcloud sent, read without a second shell,
the password masked until the mail is opened, and copied with one key."""

from __future__ import annotations

from smpp_tui.session.mail import Mailbox
from smpp_tui.tui import commands
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.mail import MailScreen
from tests.tui.conftest import SIZE, WORKING, loaded, open_account, rendered, wait_for


def rows(table) -> str:
    return "\n".join(" ".join(c.plain for c in table.get_row_at(i)) for i in range(table.row_count))


def offered(app) -> set[str]:
    return {command.id for command, _ in commands.active(app.screen)}


async def test_a_new_password_is_read_and_copied_from_the_demo_mail(make_app, sim, notices):
    app = make_app(mailbox=Mailbox(sim.world, "ops@example.com"))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("R", "y")
        await wait_for(pilot, lambda: notices.saying("requested"), "the renewal")
        assert "Demo: m shows the mail, b tests the password." in notices.last
        password = sim.world.sms.accounts[WORKING].password
        await pilot.press("m")
        assert isinstance(app.screen, MailScreen)
        listed = rows(app.screen.query_one("#mails"))
        assert f"Your new SMPP password for {WORKING}" in listed
        body = rendered(app.screen.query_one("#mail-body"))
        assert "Password: ••••••••" in body
        assert password not in body  # on screen only when opened on purpose
        await pilot.press("c")
        assert app.clipboard == password
        assert password not in notices.last
        await pilot.press("enter")
        assert isinstance(app.screen, DetailsScreen)
        assert f"Password: {password}" in rendered(app.screen)
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, MailScreen)


async def test_no_mail_yet_says_how_one_comes(make_app, sim):
    app = make_app(mailbox=Mailbox(sim.world, "ops@example.com"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        assert "app.mail" in offered(app)  # from the accounts: footer, `?` and palette
        await pilot.press("m")
        assert "No mail yet" in rendered(app.screen.query_one("#mail-body"))
        assert "app.mail" not in offered(app)  # already there


async def test_mail_is_offered_only_in_the_demo(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        assert "app.mail" not in offered(app)
        await pilot.press("m")
        assert not isinstance(app.screen, MailScreen)
