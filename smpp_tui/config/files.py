"""Where the config file lives, reading it, and writing it back safely.

Only a regular file is read (`regular.read_regular`: a FIFO, a device or a huge file is
refused). Writing is atomic (a temporary file in the same folder, flushed to disk, then
`os.replace`): a crash or a full disk leaves the previous file whole. Through a symbolic link,
the file it names is written and the link stays. The file is 0600 and its folder 0700, since it
may hold API secrets. A file that cannot be read is never written over: `load_config` raises and
the caller stops before anything could save.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from smpp_tui.config.model import Config, ConfigError
from smpp_tui.config.parse import parse
from smpp_tui.config.regular import read_regular

ENVIRONMENT = "SMPP_TUI_CONFIG"
HEADER = (
    "# smpp-tui settings and API profiles. smpp-tui rewrites this file when you change them\n"
    "# in the app (connect, profile edits, theme); comments are not kept when it does.\n"
    "# It may hold API secrets: keep it private (mode 0600).\n\n"
)


def config_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--config` wins, then `SMPP_TUI_CONFIG`, then the platform's config folder."""
    chosen = cli_value or os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_config_path("smpp-tui") / "config.toml"


def load_config(path: Path) -> Config:
    """The config at `path`; a missing file is an empty config, a broken one a `ConfigError`."""
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return Config()
    try:
        text = raw.decode("utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_syntax_message(path, text, error)) from None
    return parse(document, text, str(path))


def _syntax_message(path: Path, text: str, error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's error has no line attribute; its message ends "(at line L, column C)"
    # or "(at end of document)" (a truncated file: the last line is where it stops).
    said = str(error)
    found = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", said)
    where = str(path)
    if found:
        said = said[: found.start()]
        line, column = found[1] or str(len(text.splitlines()) or 1), found[2]
        where = f"{path}, line {line}" + (f", column {column}" if column else " (its end)")
    return f"{where}: not valid TOML ({said}); fix it, or move the file away to start afresh"


def save_config(path: Path, config: Config | Mapping[str, Any]) -> None:
    """Write the document atomically, 0600, in a 0700 folder (created so, never loosened);
    through a link, to the file it names. `ConfigError` (naming the file and why) if it cannot."""
    document = config.document if isinstance(config, Config) else config
    # A link (to a dotfiles folder, say) stays a link: the file it names is the one replaced.
    linked = path.is_symlink()
    target = Path(os.path.realpath(path)) if linked else path  # a loop: ELOOP when written
    try:
        _write(target, document)
    except OSError as error:
        named = f"{path} (a link to {target})" if linked else str(path)
        message = f"{named}: cannot be written ({error.strerror or error}); it was left as it was"
        raise ConfigError(message) from None


def _write(path: Path, document: Mapping[str, Any]) -> None:
    _private_folder(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(HEADER.encode("utf-8"))
            tomli_w.dump(dict(document), stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)  # mkstemp makes it 0600 already; say it anyway
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077 and folder == platformdirs.user_config_path("smpp-tui"):
        # Our own folder: tighten it. Another one (`--config ~/x.toml`) is the user's business.
        folder.chmod(mode & 0o700)


def shown_path(path: Path) -> str:
    """A path as the user writes it: `~/` for the home folder (shorter at 80 columns too)."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
