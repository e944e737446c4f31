"""What the config file holds, typed: profiles, UI settings, key bindings.

Frozen views over the TOML document; the document itself is kept (`Config.document`) so that
keys this version does not know survive a rewrite. Secrets never show in a `repr`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REGIONS = ("ovh-eu", "ovh-ca", "ovh-us")
OVH_CONF = "ovh.conf"  # the value of `source` that reads the `ovh` client's own configuration
DEFAULT_REFRESH = 30.0  # seconds
# Credits under which an account without automatic recharge is marked as running out.
DEFAULT_LOW_CREDITS = 100.0
MIN_REFRESH = 5.0
SECRET_KEYS = frozenset({"application_secret", "consumer_key", "client_secret"})


class ConfigError(Exception):
    """The configuration cannot be used; `str()` says where, what is wrong and what to do."""


@dataclass(frozen=True)
class Profile:
    """One OVHcloud API credential: explicit keys, OAuth2 client credentials, or `ovh.conf`."""

    name: str
    endpoint: str | None = None  # None only with source = "ovh.conf" (then ovh.conf says)
    application_key: str | None = None
    application_secret: str | None = field(default=None, repr=False)
    consumer_key: str | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    source: str | None = None  # "ovh.conf"
    config_file: str | None = None  # with source: one more ovh.conf, read last (highest)
    read_only: bool = False

    @property
    def uses_ovh_conf(self) -> bool:
        return self.source == OVH_CONF

    @property
    def is_oauth2(self) -> bool:
        return self.client_id is not None

    def describe(self) -> dict[str, str]:
        """What a profile screen shows: every value, the secrets masked."""
        values = {
            "endpoint": self.endpoint or "(from ovh.conf)",
            "application_key": self.application_key,
            "application_secret": masked(self.application_secret),
            "consumer_key": masked(self.consumer_key),
            "client_id": self.client_id,
            "client_secret": masked(self.client_secret),
            "source": self.source,
            "config_file": self.config_file,
        }
        shown = {key: value for key, value in values.items() if value}
        return {**shown, "read_only": "yes" if self.read_only else "no"}


@dataclass(frozen=True)
class UiSettings:
    theme: str | None = None  # a Textual theme name; the app checks it exists
    refresh_interval: float = DEFAULT_REFRESH
    low_credits: float = DEFAULT_LOW_CREDITS
    # Where history exports are written; the default, `.`, is the working directory then.
    export_folder: Path = Path()


@dataclass(frozen=True)
class Config:
    profiles: Mapping[str, Profile] = field(default_factory=dict)
    default_profile: str | None = None
    ui: UiSettings = field(default_factory=UiSettings)
    keys: Mapping[str, str] = field(default_factory=dict)  # binding id -> "ctrl+r,f5"
    # Unknown keys that look like a typo of a known one: the app shows them, nothing fails.
    warnings: tuple[str, ...] = ()
    document: Mapping[str, Any] = field(default_factory=dict, repr=False)  # the TOML as read


def masked(secret: str | None) -> str:
    """`abcd…` for display: enough to tell two keys apart, not enough to use one."""
    if not secret:
        return ""
    return secret[:4] + "…" if len(secret) > 8 else "…"
