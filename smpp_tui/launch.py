"""Starting the app from the command line: a profile, the demo (an in-process simulator), or
an API URL. Everything that can fail does so here, before any UI, with a message and exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.api.errors import ApiError
from smpp_tui.audit import default_audit_path
from smpp_tui.config import Config, ConfigError, Profile, config_path, load_config
from smpp_tui.profiles import choose_profile, ovh_conf_hint, resolve
from smpp_tui.session import Session
from smpp_tui.store.resources import Intervals


def demo_session(seed: int = 0, *, read_only: bool = False) -> Session:
    """The app on the built-in simulator, through the real `ovh` client over loopback HTTP."""
    from smpp_tui.simulator import Simulator, build_demo_world

    world, customers = build_demo_world(seed=seed)
    simulator = Simulator(world).start()
    keys = customers[0].keys
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    gateway = Gateway.connect(simulator.endpoint, credentials, read_only=read_only)
    outbox = f"{simulator.url}/_sim/outbox"
    return Session(
        gateway,
        "demo",
        on_close=simulator.stop,
        read_only=read_only,
        outbox_url=outbox,
        audit_path=default_audit_path(),
    )


def url_session(args: argparse.Namespace) -> Session:
    values = {
        "application_key": args.application_key or os.environ.get("OVH_APPLICATION_KEY"),
        "application_secret": args.application_secret or os.environ.get("OVH_APPLICATION_SECRET"),
        "consumer_key": args.consumer_key or os.environ.get("OVH_CONSUMER_KEY"),
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        flags = ", ".join("--" + name.replace("_", "-") for name in missing)
        raise ApiError(f"--api-url needs credentials: give {flags} or the OVH_* variables")
    gateway = Gateway.connect(args.api_url, ApplicationKey(**values), read_only=args.read_only)
    return Session(gateway, args.api_url, read_only=args.read_only, audit_path=default_audit_path())


def profile_session(
    profile: Profile, config: Config, path: Path | None, *, read_only: bool = False
) -> Session:
    """A session on `profile`; the app calls it again to switch profile (a fresh store)."""
    gateway = resolve(profile, read_only=read_only).connect()
    return Session(
        gateway,
        profile.name,
        intervals=Intervals(default=config.ui.refresh_interval),
        config=config,
        config_path=path,
        profile=profile,
        read_only=read_only,
        audit_path=default_audit_path(),
    )


def build_session(args: argparse.Namespace) -> Session | None:
    """The session the command line asks for; None when there are no credentials yet."""
    path = config_path(args.config)
    config = load_config(path)
    if args.demo or args.api_url:
        session = demo_session(read_only=args.read_only) if args.demo else url_session(args)
        return replace(session, config=config, config_path=path)
    profile = choose_profile(config, args.profile)
    if profile is None:
        return None
    return profile_session(profile, config, path, read_only=args.read_only)


def without_credentials(args: argparse.Namespace) -> int:
    """No profile, no usable ovh.conf, and no terminal for the connect flow: say how to start."""
    path = config_path(args.config)
    hint = ovh_conf_hint()
    print(
        "smpp-tui: no OVHcloud API credentials yet.\n"
        "  To look around first: smpp-tui --demo\n"
        f"  To use your account: add a profile to {path}, or an ovh.conf file or OVH_* variables"
        " (the in-app connect flow will create a key for you)."
        + (f"\n  ovh.conf: {hint}" if hint else ""),
        file=sys.stderr,
    )
    return 2


def run_app(args: argparse.Namespace) -> int:
    try:
        session = build_session(args)
    except (ApiError, ConfigError) as error:
        print(f"smpp-tui: {error}", file=sys.stderr)
        return 2
    if session is None and not sys.stdout.isatty():
        return without_credentials(args)
    from smpp_tui.tui.app import SmppApp

    path = config_path(args.config)
    config = session.config if session is not None else load_config(path)
    # No session: the app opens on the connect flow, which saves a profile and goes on.
    SmppApp(session, config=config, config_path=path).run()
    return 0
