"""The `smpp-tui` command: the app, its commands for scripts (`accounts`, `show`, `ips`...),
and its helper commands (`simulator`, `config`)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from smpp_tui import __version__

TYPE_CHECKING = False  # typing's, without importing typing (5 ms): `--version` stays instant
if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smpp-tui",
        description="Manage OVHcloud SMPP accounts from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"smpp-tui {__version__}")
    from smpp_tui.cli.common import session_options

    session_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    simulator = commands.add_parser(
        "simulator",
        help="run the local OVHcloud API simulator and print its demo credentials",
        description="Run a local OVHcloud API (the demo's) for curl or any OVH client.",
    )
    add_config_command(commands)
    from smpp_tui.cli import accounts, bind_test, credits, history, ips, password, senders

    for module in (accounts, ips, password, senders, credits, history, bind_test):
        module.add_commands(commands)
    # Imported here so that `smpp-tui --version` stays instant.
    from smpp_tui.simulator import command

    command.add_arguments(simulator)
    simulator.set_defaults(run=command.run)
    return parser


def add_config_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = commands.add_parser("config", help="where the settings file is")
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    path = actions.add_parser("path", help="print the path of the settings file")
    # Also accepted after the command; SUPPRESS keeps a --config given before it.
    path.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    path.set_defaults(run=print_config_path)


def print_config_path(args: argparse.Namespace) -> int:
    from smpp_tui.config import config_path

    print(config_path(args.config))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    words = getattr(args, "words", None)
    if extra and words is not None and not any(word.startswith("-") for word in extra):
        words += extra  # `ips add ACCOUNT --wait IP`: the words after an option
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if getattr(args, "run", None) is not None:
        return int(args.run(args))
    return run_app(args)


def run_app(args: argparse.Namespace) -> int:
    """The app on the session the command line asks for, or on the welcome screen."""
    # What the start makes lives as long as the app: no collection meanwhile; frozen, never scanned.
    gc.disable()
    try:
        app = opened_app(args)
    finally:
        gc.freeze()
        gc.enable()
    if isinstance(app, int):
        return app
    app.run()
    return app.return_code or 0  # 1 after a crash (its traceback printed by then)


def opened_app(args: argparse.Namespace) -> SmppApp | int:
    """The app on the session the command line asks for, its account list already loading;
    or the exit status when there is none to show."""
    from smpp_tui.api.errors import ApiError
    from smpp_tui.cli.common import open_asked
    from smpp_tui.config import ConfigError
    from smpp_tui.session import Live

    try:
        session, config, path = open_asked(args)
    except (ApiError, ConfigError) as error:
        print(f"smpp-tui: {error}", file=sys.stderr)
        return 2
    if session is None and not sys.stdout.isatty():
        return without_credentials(path)
    # Made before Textual is imported: the account list loads meanwhile.
    live = Live(session) if session is not None else None
    from smpp_tui.tui.app import SmppApp

    # No session: the app opens on the welcome screen, whose ways in make one.
    return SmppApp(live, config=config, config_path=path, read_only=args.read_only)


def without_credentials(path: object) -> int:
    """No profile, and no terminal for the welcome screen: say how to start."""
    from smpp_tui.config.resolve import ovh_conf_found, ovh_conf_hint

    found, hint = ovh_conf_found(), ovh_conf_hint()
    lines = [
        "smpp-tui: no OVHcloud API profile yet.",
        "  To look around first: smpp-tui --demo",
        f"  To use your account: run smpp-tui in a terminal (its welcome screen connects it),"
        f" or add a profile to {path}.",
    ]
    if found and hint:
        lines.append(f"  {found}: {hint}")
    elif found:
        lines.append(f"  To use the keys of {found}: smpp-tui --profile ovh.conf")
    print("\n".join(lines), file=sys.stderr)
    return 2
