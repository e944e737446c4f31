"""SVG snapshots of the screens, with fixed data and size (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import wait_for
from tests.tui.test_accounts import all_smpp_details, loaded


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

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=helped)
