"""A crash ends the app with a traceback that shows no secret: Textual prints the frames'
locals by default, and the `ovh` client's frames hold the API keys (see `smpp_tui/tui/crash.py`,
which overrides a private name of Textual's: this test fails if that name stops being called)."""

from __future__ import annotations

import pytest

from smpp_tui.tui.screens.accounts import AccountsScreen
from tests.tui.conftest import SIZE, loaded, wait_for


async def test_a_crash_shows_no_secret_in_its_traceback(make_app, keys, monkeypatch, capsys):
    def crash(screen) -> None:
        consumer_key = keys.consumer_key  # a local, as in the ovh client's frames
        raise RuntimeError(f"boom {len(consumer_key)}")

    monkeypatch.setattr(AccountsScreen, "action_smpp_only", crash)
    app = make_app()

    async def crash_it() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: loaded(app), "the accounts")
            await pilot.press("s")
            await pilot.pause()

    with pytest.raises(RuntimeError, match="boom"):
        await crash_it()
    shown = capsys.readouterr().err  # where Textual prints a crash when the app ends
    assert "RuntimeError: boom 32" in shown
    assert keys.consumer_key not in shown
