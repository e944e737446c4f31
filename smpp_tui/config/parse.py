"""Checking a TOML document and turning it into a `Config`, or a `ConfigError` that points at
the file, the line and the key, and says what is accepted."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from pathlib import Path as FilePath
from typing import Any
from urllib.parse import urlsplit

from smpp_tui.config.lines import dotted, line_of
from smpp_tui.config.model import (
    DEFAULT_LOW_CREDITS,
    DEFAULT_REFRESH,
    MIN_REFRESH,
    OVH_CONF,
    REGIONS,
    SECRET_KEYS,
    Config,
    ConfigError,
    Profile,
    UiSettings,
)

APP_KEYS = ("application_key", "application_secret", "consumer_key")
OAUTH2_KEYS = ("client_id", "client_secret")
PROFILE_KEYS = ("endpoint", *APP_KEYS, *OAUTH2_KEYS, "source", "config_file", "read_only")
KNOWN = {
    (): ("default_profile", "profiles", "ui", "keys"),
    ("ui",): ("theme", "refresh_interval", "low_credits", "export_folder"),
}
ENDPOINTS_ACCEPTED = f"use {', '.join(REGIONS)} or an http(s):// API URL"
UNPRINTABLE = (
    "holds a character that cannot be shown (a control, an invisible one or a special space);"
    " use printable characters only"
)
Path = tuple[str, ...]


def is_endpoint(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return value in REGIONS or (parts.scheme in ("http", "https") and bool(parts.hostname))


class Checker:
    """Reads one document; every problem becomes a `ConfigError` naming file and line."""

    def __init__(self, document: Mapping[str, Any], text: str, file: str) -> None:
        self.document, self.text, self.file = document, text, file
        self.warnings: list[str] = []

    def fail(self, path: Path, message: str) -> ConfigError:
        line = line_of(self.text, path) if path else None
        where = f"{self.file}, line {line}" if line else self.file
        return ConfigError(f"{where}: {message}")

    def shown(self, path: Path, value: Any) -> str:
        """`profiles.w.endpoint = "x"`; a secret's value is never repeated."""
        if path[-1] in SECRET_KEYS:
            return dotted(path)
        text = json.dumps(value) if isinstance(value, str) else repr(value)
        if isinstance(value, bool):
            text = str(value).lower()
        return f"{dotted(path)} = {text}"

    def table(self, path: Path) -> Mapping[str, Any]:
        value = self.get(path, {})
        if not isinstance(value, Mapping):
            raise self.fail(path, f"{self.shown(path, value)} must be a table ([{dotted(path)}])")
        return value

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.document
        for piece in path:
            if not isinstance(node, Mapping) or piece not in node:
                return default
            node = node[piece]
        return node

    def string(self, path: Path, accepted: str = "a non-empty string") -> str | None:
        value = self.get(path)
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise self.fail(path, f"{self.shown(path, value)} is not valid; use {accepted}")
        return value

    def note_typos(self, path: Path, known: tuple[str, ...]) -> None:
        for key in self.table(path):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
            if key not in known and close:
                line = line_of(self.text, (*path, key))
                where = f"{self.file}, line {line}" if line else self.file
                self.warnings.append(
                    f"{where}: {dotted((*path, key))} is not a known setting; "
                    f"did you mean {close[0]}? (it is kept but not used)"
                )


def parse(document: Mapping[str, Any], text: str, file: str) -> Config:
    check = Checker(document, text, file)
    printable(check, document)
    check.note_typos((), KNOWN[()])
    profiles = {name: profile(check, ("profiles", name)) for name in check.table(("profiles",))}
    default = check.string(("default_profile",), "the name of a profile")
    if default is not None and default not in profiles:
        names = ", ".join(profiles) or "none yet"
        raise check.fail(
            ("default_profile",), f'default_profile = "{default}" names no profile ({names})'
        )
    return Config(
        profiles=profiles,
        default_profile=default,
        ui=ui_settings(check),
        keys=key_bindings(check),
        warnings=tuple(check.warnings),
        document=document,
    )


def printable(check: Checker, node: Mapping[str, Any], path: Path = ()) -> None:
    """Refuse every key and text that `str.isprintable` refuses, first: the config's names and
    values are shown on screen and in these messages, where a control character or an escape
    sequence would drive the terminal, and an invisible one would hide what is there."""
    for key, value in node.items():
        here = (*path, key)
        if not key.isprintable():
            raise check.fail(here, f"the key {json.dumps(key)} {UNPRINTABLE}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Mapping):
                printable(check, item, here)
            elif isinstance(item, str) and not item.isprintable():
                raise check.fail(here, f"{check.shown(here, item)} {UNPRINTABLE}")


def profile(check: Checker, path: Path) -> Profile:
    table = check.table(path)
    check.note_typos(path, PROFILE_KEYS)
    values = {key: check.string((*path, key)) for key in PROFILE_KEYS if key != "read_only"}
    read_only = check.get((*path, "read_only"), False)
    if not isinstance(read_only, bool):
        raise check.fail(
            (*path, "read_only"),
            f"{check.shown((*path, 'read_only'), read_only)} is not valid; use true or false",
        )
    endpoint = values["endpoint"]
    if endpoint is not None and not is_endpoint(endpoint):
        shown = check.shown((*path, "endpoint"), endpoint)
        raise check.fail((*path, "endpoint"), f"{shown} is not an endpoint; {ENDPOINTS_ACCEPTED}")
    credentials(check, path, table, values)
    return Profile(name=path[-1], read_only=read_only, **values)


def credentials(
    check: Checker, path: Path, table: Mapping[str, Any], values: dict[str, str | None]
) -> None:
    """Exactly one way in: ovh.conf, an application key trio, or an OAuth2 client."""
    given = [key for key in (*APP_KEYS, *OAUTH2_KEYS) if key in table]
    name = dotted(path)
    if values["source"] is not None:
        if values["source"] != OVH_CONF:
            raise check.fail((*path, "source"), f'{name}.source must be "{OVH_CONF}"')
        if given:
            raise check.fail(
                (*path, given[0]),
                f'{name} has source = "{OVH_CONF}" and its own '
                f"{', '.join(given)}: keep one or the other",
            )
        return
    if values["config_file"] is not None:
        raise check.fail((*path, "config_file"), f'{name}.config_file needs source = "{OVH_CONF}"')
    if values["endpoint"] is None:
        raise check.fail(
            path,
            f'{name} has no endpoint; add endpoint = "ovh-eu" (or another: {ENDPOINTS_ACCEPTED})',
        )
    wanted = OAUTH2_KEYS if any(key in table for key in OAUTH2_KEYS) else APP_KEYS
    if wanted is OAUTH2_KEYS and any(key in table for key in APP_KEYS):
        raise check.fail(
            path,
            f"{name} mixes an application key and an OAuth2 client: keep "
            "application_key, application_secret and consumer_key, or client_id "
            "and client_secret",
        )
    if not given:
        raise check.fail(
            path,
            f"{name} has no credentials: give application_key, "
            "application_secret and consumer_key, or client_id and client_secret, "
            f'or source = "{OVH_CONF}"',
        )
    if missing := [key for key in wanted if key not in table]:
        raise check.fail(path, f"{name} lacks {', '.join(missing)} (it needs {', '.join(wanted)})")
    if wanted is OAUTH2_KEYS and values["endpoint"] not in REGIONS:
        raise check.fail(
            (*path, "endpoint"),
            f"{name}: OAuth2 client credentials work only with {', '.join(REGIONS)}",
        )


def ui_settings(check: Checker) -> UiSettings:
    check.table(("ui",))
    check.note_typos(("ui",), KNOWN[("ui",)])
    theme = check.string(("ui", "theme"), 'a theme name such as "textual-dark"')
    interval = _number_at_least(
        check, ("ui", "refresh_interval"), DEFAULT_REFRESH, MIN_REFRESH, "a number of seconds"
    )
    low = _number_at_least(
        check, ("ui", "low_credits"), DEFAULT_LOW_CREDITS, 0, "a number of credits"
    )
    folder = check.string(("ui", "export_folder"), 'a folder such as "~/exports"')
    return UiSettings(
        theme=theme,
        refresh_interval=interval,
        low_credits=low,
        export_folder=FilePath(folder).expanduser() if folder else UiSettings.export_folder,
    )


def _number_at_least(
    check: Checker, path: Path, default: float, least: float, accepted: str
) -> float:
    value = check.get(path, default)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or value < least or value != value:
        raise check.fail(
            path, f"{check.shown(path, value)} is not valid; use {accepted}, at least {least:g}"
        )
    return float(value)


def key_bindings(check: Checker) -> dict[str, str]:
    bindings = {}
    for binding, keys in check.table(("keys",)).items():
        path = ("keys", binding)
        pieces = keys.split(",") if isinstance(keys, str) else []
        if not pieces or any(not piece.strip() or " " in piece.strip() for piece in pieces):
            raise check.fail(
                path,
                f"{check.shown(path, keys)} is not valid; use key names "
                'separated by commas, such as "ctrl+r,f5"',
            )
        bindings[binding] = ",".join(piece.strip() for piece in pieces)
    return bindings
