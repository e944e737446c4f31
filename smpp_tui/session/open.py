"""Opening a session: on a profile, on the demo (an in-process simulator), or on an API URL.

Whatever can fail does so when the session opens, before the app shows it: `ApiError` or
`ConfigError`, each with a message that says what to do.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import replace
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway, OAuth2Client
from smpp_tui.api.connection import Credentials
from smpp_tui.api.errors import ApiError, ConfigurationError
from smpp_tui.config import Config, Profile, edit_config, load_config, with_profile
from smpp_tui.config.model import OVH_CONF
from smpp_tui.config.resolve import IMPLICIT, choose_profile, resolve
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
    """The app on the built-in simulator, through the real `ovh` client over loopback HTTP.
    Its writes are logged in a temporary folder of its own, never beside the user's real
    audit log."""
    from smpp_tui.session.mail import Mailbox
    from smpp_tui.simulator import Simulator, build_demo_world
    from smpp_tui.simulator.demo import mail_first_passwords
    from smpp_tui.simulator.smsc.server import Smsc

    world, customers = build_demo_world(seed=seed)
    mail_first_passwords(world)
    smsc = Smsc(world).listen()  # served once the accounts show (`Session.accounts_shown`)
    simulator = Simulator(world).start()

    def stop() -> None:
        simulator.stop()
        smsc.stop()

    keys = customers[0].keys
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    try:
        gateway = Gateway.connect(simulator.endpoint, credentials, read_only=read_only)
    except ApiError:
        stop()
        raise
    return Session(
        gateway,
        "demo",
        on_close=stop,
        forced_read_only=read_only,
        mailbox=Mailbox(world, customers[0].customer.email),
        smsc=smsc,
        audit_path=demo_audit_path(),
    )


def demo_audit_path() -> Path:
    """A temporary folder's `audit.log`, the folder made (0700) by the first write only: a demo
    that writes nothing leaves nothing behind. Its name cannot be guessed by another user."""
    return Path(tempfile.gettempdir()) / f"smpp-tui-demo-{secrets.token_hex(6)}" / "audit.log"


def url_session(url: str, keys: dict[str, str | None], *, read_only: bool = False) -> Session:
    """A session on an API URL, with the keys given, else those of the `OVH_*` variables."""
    values = {
        name: keys.get(name) or os.environ.get(var) or "" for name, var in KEY_VARIABLES.items()
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        flags = ", ".join("--" + name.replace("_", "-") for name in missing)
        raise ConfigurationError(
            f"--api-url needs credentials: give {flags} or the OVH_* variables"
        )
    credentials = ApplicationKey(**values)
    gateway = Gateway.connect(url, credentials, read_only=read_only)
    return Session(
        gateway,
        url,
        forced_read_only=read_only,
        audit_path=default_audit_path(),
    )


def configured(session: Session, config: Config, config_file: Path | None) -> Session:
    """A session opened without a profile (the demo, an API URL) with the settings of the
    run: the refresh interval, the export folder, the config file for the profiles screen."""
    intervals = Intervals(default=config.ui.refresh_interval)
    return replace(session, config=config, config_path=config_file, intervals=intervals)


def ovh_conf_session(config_file: Path, *, read_only: bool = False) -> Session:
    """A session on the keys of `ovh.conf` / `OVH_*`, remembered as the default profile
    `ovh.conf` once they work (`ConfigError`, `ApiError` or `OSError` if not)."""
    profile = Profile(IMPLICIT, source=OVH_CONF)
    session = profile_session(profile, load_config(config_file), config_file, read_only=read_only)
    saved = edit_config(config_file, lambda c: with_profile(c, profile, default=True))
    return replace(session, config=saved)


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
    when there is no profile yet (the app then welcomes the user)."""
    if demo:
        return configured(demo_session(read_only=read_only), config, config_file)
    if api_url:
        session = url_session(api_url, keys or {}, read_only=read_only)
        return configured(session, config, config_file)
    chosen = choose_profile(config, profile)
    if chosen is None:
        return None
    return profile_session(chosen, config, config_file, read_only=read_only)
