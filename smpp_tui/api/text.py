"""Text from outside (OVHcloud's answers and errors, the config, the clipboard, what is typed)
made safe to show: no byte of it can drive the terminal.

Escape sequences (CSI, OSC such as a clipboard write or a link, whether ended by BEL or ST, and
their one-byte C1 forms) are removed whole; any other control character becomes a visible
symbol; characters that reorder or hide text (bidi overrides, zero-width ones) are removed.
Markup stays literal: the app shows text as `Text`, never as markup.
"""

from __future__ import annotations

import re

# ESC [ ... final byte, ESC ] ... BEL or ST, ESC P/X/^/_ ... ST, and their C1 forms (0x9B CSI,
# 0x9D OSC, 0x90 DCS...); an unterminated string sequence runs to the end of the text.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x7e]?"
)
# Bidi marks, embeddings, overrides and isolates; zero-width spaces and joiners, invisible
# operators, the BOM, interlinear annotations and tag characters: they reorder or hide text.
_INVISIBLE = re.compile(
    "[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f]"
)
# Unicode's line and paragraph separators: some terminals and widgets break lines on them.
_SEPARATORS = re.compile("[\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(control: re.Match[str]) -> str:
    """C0 controls as their Unicode pictures (␁), DEL as ␡, C1 as the replacement sign."""
    code = ord(control.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def clean(text: str, *, lines: bool = False) -> str:
    """`text` safe to show; tabs become spaces, line breaks too unless `lines`."""
    text = _SEQUENCES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SEPARATORS.sub("\n", text.replace("\t", " ").replace("\r\n", "\n"))
    if not lines:
        text = text.replace("\n", " ")
    return _CONTROL.sub(_visible, text)
