"""Starting the app from the command line: the demo (an in-process simulator) or an API URL."""

from __future__ import annotations

import argparse
import os
import sys

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.api.errors import ApiError
from smpp_tui.session import Session


def demo_session(seed: int = 0) -> Session:
    """The app on the built-in simulator, through the real `ovh` client over loopback HTTP."""
    from smpp_tui.simulator import Simulator, build_demo_world

    world, customers = build_demo_world(seed=seed)
    simulator = Simulator(world).start()
    keys = customers[0].keys
    credentials = ApplicationKey(keys.application_key, keys.application_secret, keys.consumer_key)
    gateway = Gateway.connect(simulator.endpoint, credentials)
    return Session(gateway, "demo", on_close=simulator.stop)


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
    gateway = Gateway.connect(args.api_url, ApplicationKey(**values))
    return Session(gateway, args.api_url)


def run_app(args: argparse.Namespace) -> int:
    try:
        session = demo_session() if args.demo else url_session(args)
    except ApiError as error:
        print(f"smpp-tui: {error}", file=sys.stderr)
        return 2
    from smpp_tui.tui.app import SmppApp

    SmppApp(session).run()
    return 0
