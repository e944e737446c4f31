"""A crash ends the app with a traceback that shows no secret: Textual prints the frames'
locals by default, and the `ovh` client's frames hold the API keys (see `smpp_tui/tui/crash.py`,
which overrides a private name of Textual's: this test fails if that name stops being called).
The command then exits with status 1, not 0 as if all went well."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import time

import pytest

from smpp_tui.api.text import clean
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


# The demo, as `smpp-tui --demo` runs it, with a bug in the accounts screen's first draw.
CRASHING_DEMO = """
import sys
from smpp_tui.cli import main
from smpp_tui.tui.screens.accounts import AccountsScreen

def crash(screen):
    raise RuntimeError("boom")

AccountsScreen.watches = crash
sys.exit(main(["--demo"]))
"""


def run_in_a_terminal(code: str, timeout: float = 30) -> tuple[int, str]:
    """Run Python `code` on a pseudo-terminal of 100x30: its exit status and all it wrote."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    written = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                chunk = os.read(master, 65536)  # blocks until the app writes or exits
            except OSError:  # EIO: every end of the terminal is closed, the process is gone
                break
            if not chunk:
                break
            written += chunk
        return process.wait(timeout=5), written.decode(errors="replace")
    finally:
        process.kill()
        os.close(master)


def test_a_crash_exits_with_status_1_and_its_traceback(customers):
    status, written = run_in_a_terminal(CRASHING_DEMO)
    shown = clean(written, lines=True)  # the words, without the terminal's sequences
    assert status == 1, shown[-2000:]
    assert "RuntimeError: boom" in shown
    assert customers[0].keys.consumer_key not in shown  # the demo's keys are its customers'
