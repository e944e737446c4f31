"""Hostile text from OVHcloud never drives the user's terminal: the real app runs in a
pseudo-terminal on a simulator whose data carries the hostile corpus, a user opens every tab,
and the bytes the app wrote are searched for the corpus's sequences and payloads.

Textual writes escape sequences of its own (cursor moves, colours, the mouse pointer's shape,
a copy to the clipboard), so the test looks for what only the corpus holds: a clipboard write of
its base64, a link to its site, its titles, C1 and other control characters; and for the
visible rest of each hostile value, proof that it was shown at all.
"""

from __future__ import annotations

import base64
import itertools
import os
import re
import select
import struct
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from smpp_tui.simulator import Fault, Simulator, build_demo_world
from smpp_tui.simulator.sms.traffic import Outgoing
from smpp_tui.tui import words
from tests.hostile import CORPUS, Sample, controls_in

NO_PTY = "the capture needs a POSIX pseudo-terminal"
pty = pytest.importorskip("pty", reason=NO_PTY)
termios = pytest.importorskip("termios", reason=NO_PTY)
fcntl = pytest.importorskip("fcntl", reason=NO_PTY)

ROWS, COLUMNS = 40, 120
WAIT = 10.0  # seconds at most for a screen to show what is awaited (under 1 s when idle)
# What Textual writes by itself: the mouse pointer's shape and clipboard writes (OSC 22 and 52,
# BEL-ended; the test reads the copies apart), CSI sequences, line breaks and backspaces.
OWN_OSC = re.compile(r"\x1b\](?:22|52);[^\x07\x1b]*\x07")
LAYOUT = re.compile(r"\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|[\r\n\x08]")


class Terminal:
    """The app in a pseudo-terminal: keys go in as typed, every byte it writes is kept."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "smpp_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.written = bytearray()

    @property
    def text(self) -> str:
        return self.written.decode("utf-8", errors="replace")

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def read(self, seconds: float) -> bool:
        """Keep what the app writes within `seconds`; False once it closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], max(seconds, 0))
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the app ended
            return False
        self.written += chunk
        return bool(chunk)

    def show(self, keys: str, *shown: str) -> None:
        """Press `keys`, then read until every one of `shown` was written since."""
        start = len(self.written)
        self.press(keys)
        deadline = time.monotonic() + WAIT
        while missing := [words for words in shown if words not in self.text_since(start)]:
            if time.monotonic() > deadline or not self.read(deadline - time.monotonic()):
                raise AssertionError(f"{keys!r} never showed {missing}: {self.text[-1500:]!r}")

    def text_since(self, start: int) -> str:
        return self.written[start:].decode("utf-8", errors="replace")

    def settle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.read(deadline - time.monotonic()):
            pass

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        os.close(self.master)


class Hostile:
    """Hands out the corpus's samples in turn, each behind a tag naming where it went: the
    screen is awaited until it shows the tag, and then what it shows after the tag is checked
    (the tag alone shows whatever becomes of the rest)."""

    def __init__(self) -> None:
        self._samples = itertools.cycle(CORPUS)
        self.placed: list[tuple[str, Sample]] = []
        self.tags: dict[str, list[str]] = {}  # screen -> the tags it shows

    def value(self, place: str, screen: str) -> str:
        tag, sample = f"{place}#", next(self._samples)
        self.placed.append((tag, sample))
        self.tags.setdefault(screen, []).append(tag)
        return f"{tag}{sample.text}"

    def unseen(self, written: str) -> list[str]:
        """The values whose cleaned start (short enough for a table's cell) never showed."""
        shown = (f"{tag}{sample.visible[:5]}" for tag, sample in self.placed)
        return [words for words in shown if words not in written]


def settings_body(hostile: Hostile) -> dict[str, object]:
    """`sms.Settings` with a hostile SystemID and endpoints."""
    endpoint = {
        "secured": hostile.value("T", "overview"),
        "unsecured": hostile.value("P", "overview"),
    }
    return {
        "systemID": hostile.value("S", "overview"),
        "endpoints": [endpoint],
        "status": "SUCCESS",
        "throughput": 20,
        "windowing": 10,
    }


@pytest.fixture
def hostile_run() -> Iterator[tuple[Simulator, dict[str, str], Hostile]]:
    """A simulator whose first customer's data is hostile, and the app's environment on it."""
    world, customers = build_demo_world(history=50)
    first, hostile = customers[0], Hostile()
    names = world.sms.names_of(first.customer.nichandle)
    for number, name in enumerate(names, start=1):
        world.sms.accounts[name].description = hostile.value(f"A{number}", "accounts")
    first.customer.email = hostile.value("E", "overview")
    main = world.sms.accounts[names[0]]
    main.allowed_ips = [hostile.value(f"I{number}", "ips") for number in (1, 2)]
    for number, sender in enumerate(main.senders.values(), start=1):
        sender.comment = hostile.value(f"C{number}", "senders")
    message = (
        f"{hostile.value('M', 'history')} and more words\nline two {hostile.value('L', 'sms')}"
    )
    sent = main.traffic.outgoing
    newest = sent[sent.query()[0]]
    sent.add(Outgoing(newest.id + 1, world.now(), "Brand", "+33600000000", message, 0, 1, 1, 1, ""))
    with Simulator(world) as sim:
        body = settings_body(hostile)
        sim.inject(Fault("status", 200, "GET", "/sms/*/smpp/settings", body=body))
        lookup = {hostile.value("H", "sms"): hostile.value("V", "sms")}
        sim.inject(Fault("status", 200, "GET", "/sms/*/outgoing/*/hlr", body=lookup))
        env = {
            **os.environ,
            "OVH_APPLICATION_KEY": first.keys.application_key,
            "OVH_APPLICATION_SECRET": first.keys.application_secret,
            "OVH_CONSUMER_KEY": first.keys.consumer_key,
            "TERM": "xterm-256color",
            # Read before the terminal's own size: the test runner may have set others.
            "COLUMNS": str(COLUMNS),
            "LINES": str(ROWS),
        }
        yield sim, env, hostile


def test_no_hostile_sequence_reaches_the_terminal(hostile_run):
    sim, env, hostile = hostile_run
    terminal = Terminal(["--api-url", sim.endpoint], env)
    try:
        terminal.show("", *hostile.tags["accounts"])
        # Each tab's footer too: its keys show once the tab has taken the focus, so the next
        # key cannot be undone by a focus still on its way to the tab before.
        terminal.show("\r", "Copy", *hostile.tags["overview"])  # tab 1, of the first account
        terminal.show("c", "Copied SystemID")  # with OSC 52
        # No configuration takes OVHcloud's values unchecked: the endpoint is refused, and
        # `c` there copies nothing (one clipboard write in all, below).
        terminal.show("C", "No configuration: the TLS endpoint is not a host name")
        terminal.show("c", "Nothing to copy")
        terminal.show("q", "Passwords go")  # closed: the Overview drawn again where it was
        terminal.show("b", "names no endpoint")  # nor does the connection test
        terminal.show("2", "Add IPs", *hostile.tags["ips"])
        terminal.show("3", "Request", *hostile.tags["senders"])
        terminal.show("4", "Recharge", "Credits left")
        terminal.show("5", "Details", *hostile.tags["history"])
        terminal.show("\r", *hostile.tags["sms"])  # the newest SMS whole, and its HLR
        terminal.settle(0.3)
    finally:
        terminal.close()
    written = OWN_OSC.sub("", terminal.text)
    assert [(tag, s.name) for tag, s in hostile.placed if any(g in written for g in s.gone)] == []
    assert controls_in(LAYOUT.sub("", written)) == set()
    # Textual's own clipboard write (left out above) carries the value cleaned.
    copies = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", terminal.text)
    assert [controls_in(base64.b64decode(copy).decode()) for copy in copies] == [set()]
    assert hostile.unseen(written) == []
    # The SMS's line break is kept: the details show two lines (the list joins them).
    assert "line two" in written
    assert "words line two" not in written


@pytest.mark.parametrize("sample", CORPUS, ids=lambda sample: sample.name)
def test_the_words_clean_again_whatever_reaches_them(sample):
    # Defence in depth: the models are clean already; a value from elsewhere may not be.
    shown = [
        words.plain(sample.text).plain,
        words.sender_status(sample.text).plain,
        words.smpp_status(sample.text).plain,
        words.failure(ValueError(sample.text)),
    ]
    assert [text for text in shown if controls_in(text, lines=True)] == []
    assert [gone for gone in sample.gone for text in shown if gone in text] == []


def test_plain_words_keep_markup_literal_and_cut_what_is_left():
    assert words.plain("[bold]x[/] [link=http://evil]y").plain == "[bold]x[/] [link=http://evil]y"
    assert words.plain("\x1b[2J" * 10 + "abcdef", limit=4).plain == "abc…"
