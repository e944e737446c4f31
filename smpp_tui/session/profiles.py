"""The API profiles a user can switch to, and the changes the profiles screen makes to them."""

from __future__ import annotations

from pathlib import Path

from smpp_tui.config import Config, Profile, edit_config, without_profile
from smpp_tui.config.resolve import implicit_profile
from smpp_tui.session.open import profile_session
from smpp_tui.session.session import Session

__all__ = ["open_profile", "profiles_of", "remove_profile"]


def profiles_of(config: Config) -> dict[str, Profile]:
    """The config's profiles, and the one ovh.conf / OVH_* make when they are usable."""
    found = dict(config.profiles)
    implicit = implicit_profile()
    if implicit is not None and implicit.name not in found:
        found[implicit.name] = implicit
    return found


def open_profile(profile: Profile, config: Config, path: Path | None, current: Session) -> Session:
    """A session on another profile, keeping `--read-only` if the current one had it."""
    return profile_session(profile, config, path, read_only=current.forced_read_only)


def remove_profile(path: Path, name: str) -> Config:
    """The config without profile `name`, saved; `ConfigError` or `OSError` if it cannot be."""
    return edit_config(path, lambda config: without_profile(config, name))
