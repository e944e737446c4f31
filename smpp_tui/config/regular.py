"""Reading a file the user named: only a regular file, and only so much of it.

A path may name anything: a FIFO (reading it waits for a writer, forever), a device such as
`/dev/zero` (it never ends), a folder, or a huge file by mistake. Each is refused with a message
that names the file and what it is, before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smpp_tui.config.model import ConfigError

MAX_SIZE = 1_000_000  # bytes: a settings file is a few kB, a file of more is not one

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_regular(path: Path, limit: int = MAX_SIZE) -> bytes:
    """The bytes of the regular file at `path` (links followed); `FileNotFoundError` when there
    is none, `ConfigError` for anything else that cannot be read."""
    try:
        # Non-blocking: opening a FIFO waits for a writer otherwise. What is checked is the file
        # opened, so that nothing swapped in at `path` meanwhile is read unchecked.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as stream:
            _check_kind(path, os.fstat(descriptor).st_mode)
            data = stream.read(limit + 1)  # a file that grows, or says size 0 (/proc), stops here
    except FileNotFoundError:
        raise
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise ConfigError(
            f"{path}: cannot be read: it has over {limit:,} bytes, which no settings file has;"
            " is it the right file?"
        )
    return data


def _check_kind(path: Path, mode: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise ConfigError(
                f"{path}: cannot be read: it is {kind}, not a regular file; give the path of a"
                " TOML file"
            )
