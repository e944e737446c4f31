"""SVG snapshots of the screens, with fixed data and size (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from smpp_tui.tui.screens.help import HelpScreen
from tests.tui.conftest import all_smpp_details, field_values, loaded, open_account, wait_for


async def settled(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: loaded(app), "the accounts")
    await all_smpp_details(app, pilot)
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_accounts(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=settled)


def test_accounts_filtered(snap_compare, make_app):
    async def filtered(pilot) -> None:
        await settled(pilot)
        await pilot.press("slash", *"smpp-dc12345-")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=filtered)


def test_keys_help(snap_compare, make_app):
    async def helped(pilot) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=helped)


async def on_account(pilot, name: str = "smpp-dc12345-1", *keys: str) -> None:
    await settled(pilot)
    await open_account(pilot.app, pilot, name)
    await wait_for(pilot, lambda: "email" in field_values(pilot.app.screen), "the overview")
    await pilot.press(*keys)
    await pilot.pause(0.1)


def test_overview(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=on_account)


def test_overview_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=on_account)


def test_password_confirmation(snap_compare, make_app):
    async def confirming(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "R")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=confirming)


def test_reveal(snap_compare, make_app):
    async def revealing(pilot) -> None:
        await on_account(pilot, "smpp-dc12345-1", "j", "v")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=revealing)


async def on_ips(pilot, name: str, quota: str, *keys: str) -> None:
    await on_account(pilot, name, "2")
    heading = lambda: str(pilot.app.screen.query_one("#ips-heading").content)  # noqa: E731
    await wait_for(pilot, lambda: quota in heading(), "the IPs")
    await pilot.press(*keys)


def test_ips(snap_compare, make_app):
    async def ips(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-1", "3/10")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=ips)


def test_ips_waiting(snap_compare, make_app):
    async def waiting(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-2", "0/10")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=waiting)


def test_add_ips_refused(snap_compare, make_app):
    async def refused(pilot) -> None:
        await on_ips(pilot, "smpp-dc12345-1", "3/10", "a", *"192.0.2.300", "enter")
        await wait_for(pilot, lambda: pilot.app.screen.problem, "the refusal")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=refused)
