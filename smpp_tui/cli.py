"""The `smpp-tui` command: the app, and its helper commands (`simulator`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from smpp_tui import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smpp-tui",
        description="Manage OVHcloud SMPP accounts from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"smpp-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    simulator = commands.add_parser(
        "simulator",
        help="run the local OVHcloud API simulator and print its demo credentials",
        description="Run a local OVHcloud API (the demo's) for curl or any OVH client.",
    )
    # Imported here so that `smpp-tui --version` stays instant.
    from smpp_tui.simulator import command

    command.add_arguments(simulator)
    simulator.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    return args.run(args)
