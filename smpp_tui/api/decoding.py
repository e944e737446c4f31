"""An answer's body read within limits: at most `MAX_BYTES`, JSON nested at most `MAX_DEPTH`
levels. Past either it is nonsense, said in words: never a `RecursionError` (Python's JSON
parser recurses once per level) nor a `MemoryError` (a body is read whole into memory).

The size is watched while the body arrives: `cap_body`, a hook on the client's HTTP session,
stops reading a little past the limit, so a body that never ends is cut, not read whole first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import requests

MAX_BYTES = 20 * 1024 * 1024  # a list of 100,000 SMS ids is ~1.2 MB
MAX_DEPTH = 64  # OVHcloud's answers nest a few levels


class Nonsense(ValueError):
    """Why a body cannot be read, in user words."""


def decode(content: bytes) -> Any:
    """The JSON value of `content`; `Nonsense` when it is none, or past the limits."""
    if len(content) > MAX_BYTES:
        raise Nonsense(f"larger than {MAX_BYTES // 2**20} MB")
    try:
        value = json.loads(content)
    except RecursionError:
        raise Nonsense(_TOO_DEEP) from None
    except ValueError:
        raise Nonsense("not JSON") from None
    if not _within(value, MAX_DEPTH):
        raise Nonsense(_TOO_DEEP)
    return value


_TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"


def _within(value: Any, levels: int) -> bool:
    """Whether `value` nests at most `levels` deep: looked at level by level, without
    recursion (a list of 100,000 ids takes some 15 ms, half what parsing it took)."""
    layer = [value] if isinstance(value, _CONTAINERS) else []
    for _ in range(levels):
        if not layer:
            return True
        layer = [
            item
            for node in layer
            for item in (node.values() if isinstance(node, dict) else node)
            if isinstance(item, _CONTAINERS)
        ]
    return not layer


_CONTAINERS = (dict, list)


def cap_body(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """A `requests` response hook: the body is then read through `_Capped`. Hooks run before
    `requests` reads the body (`Response.raw`, the public file-like object it reads from)."""
    response.raw = _Capped(response.raw)
    return response


class _Capped:
    """`Response.raw` cut one chunk past `MAX_BYTES`; anything else goes to the real one."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def stream(self, amount: int, decode_content: bool | None = None) -> Iterator[bytes]:
        # What `requests` reads a body with, chunk by chunk (`Response.iter_content`).
        kept = 0
        for chunk in self._raw.stream(amount, decode_content=decode_content):
            yield chunk
            kept += len(chunk)
            if kept > MAX_BYTES:  # enough for `decode` to refuse it: the rest is never read
                self._raw.close()
                self._raw.release_conn()
                return

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)
