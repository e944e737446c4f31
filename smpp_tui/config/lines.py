"""Finding the line of a key in TOML text, so that an error can point at it.

`tomllib` gives positions only for syntax errors; a value of the wrong type is found again here
by walking the table headers and `key =` lines. Good enough for the files people write by hand
(tables and plain or dotted keys); when a key cannot be found, its table's header is used.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*(?P<key>[A-Za-z0-9_\-\"'. ]+?)\s*=")


def split_key(text: str) -> tuple[str, ...]:
    """`profiles."my work".endpoint` -> ("profiles", "my work", "endpoint")."""
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', text)
    return tuple(next(piece for piece in part if piece) if any(part) else "" for part in parts)


def line_of(text: str, path: tuple[str, ...]) -> int | None:
    """The 1-based line where `path` is set, else where its closest table starts."""
    best: tuple[int, int] = (0, 0)  # (how much of the path matched, line)
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if header := _HEADER.match(line):
            table = split_key(header["name"])
            here = table
        elif key := _KEY.match(line):
            here = table + split_key(key["key"])
        else:
            continue
        if here == path:
            return number
        if path[: len(here)] == here and len(here) > best[0]:
            best = (len(here), number)
    return best[1] or None


def dotted(path: tuple[str, ...]) -> str:
    return ".".join(
        piece if re.fullmatch(r"[A-Za-z0-9_-]+", piece) else f'"{piece}"' for piece in path
    )
