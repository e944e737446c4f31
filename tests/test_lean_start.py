"""A lean start: until the first frame, a run loads what that frame shows and nothing else.
The screens not shown first, the command palette's provider and the crash report (rich's
traceback, which loads pygments and attrs) load when first used. Checked in a clean interpreter
running the app on the demo, or on the welcome screen, up to its first frame."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Used only after the first frame: a key pressed, a crash.
LATER = {
    "rich.traceback",
    "smpp_tui.tui.palette",
    "smpp_tui.tui.screens.account",
    "smpp_tui.tui.screens.transfer",
    "smpp_tui.tui.screens.profiles",
    "smpp_tui.tui.screens.connect",
    "smpp_tui.tui.screens.mail",
}

# Runs the app up to its first frame, then prints every module loaded by then.
FIRST_FRAME = """
import asyncio, sys
from smpp_tui.tui.app import SmppApp
{imports}

async def first_frame():
    app = SmppApp({session})
    async with app.run_test() as pilot:
        while not ({shown}):
            await pilot.pause(0.02)
        print(*sys.modules)

asyncio.run(first_frame())
"""

RUNS = {
    "the demo": (
        "from smpp_tui.session.open import demo_session",
        "demo_session()",
        "type(app.screen).__name__ == 'AccountsScreen' and app.screen.table.row_count > 0",
        "smpp_tui.tui.screens.welcome",
    ),
    "the welcome screen": (
        "",
        "None",
        "type(app.screen).__name__ == 'WelcomeScreen'",
        "smpp_tui.tui.screens.accounts",
    ),
}


@pytest.mark.parametrize("run", RUNS)
def test_the_first_frame_loads_nothing_used_later(run):
    imports, session, shown, other_first_screen = RUNS[run]
    code = FIRST_FRAME.format(imports=imports, session=session, shown=shown)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "smpp_tui.tui.screens.base" in loaded  # the modules of a real first frame
    assert loaded & (LATER | {other_first_screen}) == set()
