"""What every scripting command shares with the app: the options that choose a session
(`--demo`, `--api-url`, `--profile`, `--config`, `--read-only`), the gateway it opens, the
audit log its writes go to (marked as from the command line), and how a failure ends it."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from smpp_tui.cli import exits
from smpp_tui.cli.output import say

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from smpp_tui.api import Gateway
    from smpp_tui.config import Config
    from smpp_tui.session import Session
    from smpp_tui.store.writes import Write

    Handler = Callable[["Job"], int]


def session_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options that choose the session, on the main parser (`defaults`) and again on each
    command, where they may come after it (there a flag left out keeps what came before)."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help="run on the built-in OVHcloud simulator with demo data (no account needed)",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        default=default(None),
        help="an OVHcloud-compatible API URL (for example the standalone simulator's)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default(None),
        help="the settings and profiles file (default: $SMPP_TUI_CONFIG, else the one "
        "`smpp-tui config path` prints)",
    )
    parser.add_argument(
        "--profile", metavar="NAME", default=default(None), help="the profile to use"
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=default(False),
        help="refuse every change (reading only)",
    )
    keys = parser.add_argument_group(
        "credentials for --api-url (default: the OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET "
        "and OVH_CONSUMER_KEY variables; prefer them: flags show in the process list)"
    )
    for name in ("--application-key", "--application-secret", "--consumer-key"):
        keys.add_argument(name, metavar="VALUE", default=default(None))


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    summary: str,
    example: str,
    *,
    confirms: bool = False,
) -> argparse.ArgumentParser:
    """A scripting command: its session options, `--json`, and an example in its help."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON (documented keys)")
    session_options(parser, defaults=False)
    if confirms:
        parser.add_argument("--yes", action="store_true", help="confirm without asking")
    parser.set_defaults(run=lambda args: run(handler, args))
    return parser


class Job:
    """One command's run: its arguments, and the session they choose (opened on first use)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = _open(self.args)
        return self._session

    @property
    def gateway(self) -> Gateway:
        return self.session.gateway

    @contextlib.contextmanager
    def write(self, write: Write, account: str, values: str) -> Iterator[None]:
        """Send a write within: audit-logged as the app logs its own, marked as from here; an
        interruption (Ctrl-C) before the answer is logged as sent, outcome unknown."""
        from smpp_tui.session.audit import AuditLog
        from smpp_tui.store.writes import Writes

        path = self.session.audit_path
        audit = AuditLog(path, f"{self.session.label} (command line)") if path else None
        writes = Writes(audit)
        writes.on_audit_failure = lambda error: say(f"{error}; the change was sent")
        try:
            with writes.once(write, account, values):
                yield
        except KeyboardInterrupt:
            writes.give_up()
            raise

    def confirm(self, question: str) -> None:
        """Ask on a terminal; `--yes` answers for scripts. Without either, nothing is sent."""
        from smpp_tui.api.text import clean

        question = clean(question)  # OVHcloud's words in it (an e-mail address)
        if getattr(self.args, "yes", False):
            return
        if not sys.stdin.isatty():
            raise exits.Usage(f"{question} Add --yes to confirm without a terminal")
        print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
        try:
            answer = input()
        except EOFError:  # Ctrl-D
            answer = ""
        if answer.strip().casefold() not in ("y", "yes"):
            raise exits.Refused("not confirmed: nothing was sent")

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def open_asked(args: argparse.Namespace) -> tuple[Session | None, Config, Path]:
    """The session the command line asks for (None: no profile yet), the settings and their
    file: the app's and the commands' way in."""
    from smpp_tui.config import config_path, load_config
    from smpp_tui.session import open_session

    path = config_path(args.config)
    config = load_config(path)
    keys = {name: getattr(args, name) for name in KEY_OPTIONS}
    session = open_session(
        config,
        path,
        demo=args.demo,
        api_url=args.api_url,
        keys=keys,
        profile=args.profile,
        read_only=args.read_only,
    )
    return session, config, path


KEY_OPTIONS = ("application_key", "application_secret", "consumer_key")


def _open(args: argparse.Namespace) -> Session:
    session, _, path = open_asked(args)
    if session is None:
        raise exits.Usage(
            f"no OVHcloud API profile yet: add one to {path} (run smpp-tui in a terminal to"
            " connect), or use --demo or --api-url"
        )
    return session


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command; a failure is said on stderr (with OVHcloud's query id) and ends it with
    its exit code, never a traceback."""
    job = Job(args)
    try:
        code = handler(job)
        sys.stdout.flush()  # here: a reader gone (`| head`) is heard below
        return code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:  # `| head` read enough: stop quietly, as a shell tool does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:
        from smpp_tui.api.errors import ApiError
        from smpp_tui.config import ConfigError

        known = (ApiError, ConfigError, exits.Usage, exits.Refused)
        if not isinstance(error, known):
            raise
        query_id = getattr(error, "query_id", None)
        say(f"{error}" + (f" (OVHcloud query id {query_id})" if query_id else ""))
        return exits.code_of(error)
    finally:
        job.close()
