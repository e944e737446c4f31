"""Changes the app makes to the config on explicit actions: each edits the TOML document (so
unknown keys stay), checks the result like a file read from disk, and returns the new `Config`.

`edit_config` is what the app calls: it reads the file again first, so that what the user
changed in it since the app started is not lost, applies one change and saves atomically.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import tomli_w

from smpp_tui.config.files import load_config, save_config
from smpp_tui.config.model import Config, Profile
from smpp_tui.config.parse import PROFILE_KEYS, parse

Change = Callable[[Config], Config]


def edit_config(path: Path, change: Change) -> Config:
    """Apply `change` to the file as it is now and save it; `ConfigError` if broken."""
    new = change(load_config(path))
    save_config(path, new)
    return new


def _rebuilt(document: dict[str, Any]) -> Config:
    return parse(document, tomli_w.dumps(document), "the new settings")


def _document(config: Config) -> dict[str, Any]:
    return copy.deepcopy(dict(config.document))


def with_profile(config: Config, profile: Profile, *, default: bool = False) -> Config:
    """Add or replace a profile (keeping the unknown keys of the one it replaces)."""
    document = _document(config)
    profiles = document.setdefault("profiles", {})
    kept = {k: v for k, v in profiles.get(profile.name, {}).items() if k not in PROFILE_KEYS}
    profiles[profile.name] = {**kept, **profile_table(profile)}
    if default:
        document["default_profile"] = profile.name
    return _rebuilt(document)


def profile_table(profile: Profile) -> dict[str, Any]:
    values = {f.name: getattr(profile, f.name) for f in fields(profile) if f.name != "name"}
    return {key: value for key, value in values.items() if value not in (None, False)}


def without_profile(config: Config, name: str) -> Config:
    """Remove a profile; the default moves away from it."""
    document = _document(config)
    document.get("profiles", {}).pop(name, None)
    if document.get("default_profile") == name:
        del document["default_profile"]
    return _rebuilt(document)


def with_default_profile(config: Config, name: str) -> Config:
    document = _document(config)
    document["default_profile"] = name
    return _rebuilt(document)


def with_theme(config: Config, theme: str) -> Config:
    document = _document(config)
    document.setdefault("ui", {})["theme"] = theme
    return _rebuilt(document)
