"""Opening a session: on a profile, on the demo (an in-process simulator), or on an API URL.

Whatever can fail does so when the session opens, before the app shows it: `ApiError` or
`ConfigError`, each with a message that says what to do.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway, OAuth2Client
from smpp_tui.api.connection import Credentials
from smpp_tui.api.errors import ApiError
from smpp_tui.config import Config, Profile
from smpp_tui.config.resolve import choose_profile, resolve
from smpp_tui.session.audit import default_audit_path
from smpp_tui.session.session import Session
from smpp_tui.store.resources import Intervals

KEY_VARIABLES = {
    "application_key": "OVH_APPLICATION_KEY",
    "application_secret": "OVH_APPLICATION_SECRET",
    "consumer_key": "OVH_CONSUMER_KEY",
}


def credentials_of(profile: Profile) -> Credentials:
    """The keys of a profile `resolve` completed (it checked that none is missing)."""
    if profile.client_id:
        return OAuth2Client(profile.client_id, profile.client_secret or "")
    return ApplicationKey(
        profile.application_key or "", profile.application_secret or "", profile.consumer_key or ""
    )


def connect_profile(profile: Profile, *, read_only: bool = False) -> Gateway:
    """A gateway on `profile`'s endpoint and keys; `ConfigError` when they are incomplete."""
    resolved = resolve(profile)
    return Gateway.connect(
        str(resolved.endpoint), credentials_of(resolved), read_only=read_only or profile.read_only
    )


def profile_session(
    profile: Profile, config: Config, path: Path | None, *, read_only: bool = False
) -> Session:
    """A session on `profile`; the app opens another one to switch profile (a fresh store)."""
    gateway = connect_profile(profile, read_only=read_only)
    return Session(
        gateway,
        profile.name,
        intervals=Intervals(default=config.ui.refresh_interval),
        config=config,
        config_path=path,
        profile=profile,
        forced_read_only=read_only,
        audit_path=default_audit_path(),
    )


def demo_session(seed: int = 0, *, read_only: bool = False) -> Session:
    """The app on the built-in simulator, through the real `ovh` client over loopback HTTP."""
    from smpp_tui.simulator import Simulator, build_demo_world

    world, customers = build_demo_world(seed=seed)
    simulator = Simulator(world).start()
    keys = customers[0].keys
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    try:
        gateway = Gateway.connect(simulator.endpoint, credentials, read_only=read_only)
    except ApiError:
        simulator.stop()
        raise
    return Session(
        gateway,
        "demo",
        on_close=simulator.stop,
        forced_read_only=read_only,
        outbox_url=f"{simulator.url}/_sim/outbox",
        audit_path=default_audit_path(),
    )


def url_session(url: str, keys: dict[str, str | None], *, read_only: bool = False) -> Session:
    """A session on an API URL, with the keys given, else those of the `OVH_*` variables."""
    values = {
        name: keys.get(name) or os.environ.get(var) or "" for name, var in KEY_VARIABLES.items()
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        flags = ", ".join("--" + name.replace("_", "-") for name in missing)
        raise ApiError(f"--api-url needs credentials: give {flags} or the OVH_* variables")
    credentials = ApplicationKey(**values)
    gateway = Gateway.connect(url, credentials, read_only=read_only)
    return Session(
        gateway,
        url,
        forced_read_only=read_only,
        audit_path=default_audit_path(),
    )


def open_session(
    config: Config,
    config_file: Path,
    *,
    demo: bool = False,
    api_url: str | None = None,
    keys: dict[str, str | None] | None = None,
    profile: str | None = None,
    read_only: bool = False,
) -> Session | None:
    """The session a command line asks for, with the settings read from `config_file`; None
    when there are no credentials yet."""
    if demo or api_url:
        if demo:
            session = demo_session(read_only=read_only)
        else:
            session = url_session(str(api_url), keys or {}, read_only=read_only)
        intervals = Intervals(default=config.ui.refresh_interval)
        return replace(session, config=config, config_path=config_file, intervals=intervals)
    chosen = choose_profile(config, profile)
    if chosen is None:
        return None
    return profile_session(chosen, config, config_file, read_only=read_only)
