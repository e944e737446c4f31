"""`smpp-tui test ACCOUNT`: the SMPP connection test of the Overview's `b`, for scripts and
monitoring. The password comes from `SMPP_PASSWORD` or a prompt, never from a flag (flags show
in the process list); each step is printed as it ends, then what the test found."""

from __future__ import annotations

import argparse
import os
import sys

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import smpp_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from typing import Any

    from smpp_tui.api.smpp_steps import Outcome, Step, Target

PASSWORD_VARIABLE = "SMPP_PASSWORD"  # noqa: S105 (a variable's name)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    test = add_command(
        commands,
        "test",
        run_test,
        f"Bind to an SMPP account's SMSC, each step timed, and unbind; the password from"
        f" ${PASSWORD_VARIABLE} or a prompt. Exit 0 bound, 1 refused, 3 not reached.",
        f'{PASSWORD_VARIABLE}="$(pass smpp)" smpp-tui test smpp-dc12345-1',
    )
    test.add_argument("account", metavar="ACCOUNT")
    test.add_argument("--plaintext", action="store_true", help="the plaintext endpoint (not TLS)")


def run_test(job: Job) -> int:
    from smpp_tui.api.smpp_steps import password_problem, targets

    account = smpp_account(job, job.args.account).name
    password = _password()
    problem = password_problem(password)
    if problem is not None:
        raise exits.Usage(problem)
    settings = job.gateway.smpp_settings(account)
    chosen = [t for t in targets(settings) if t.tls != job.args.plaintext]
    if not chosen:
        kind = "plaintext" if job.args.plaintext else "TLS"
        raise exits.Refused(f"OVHcloud names no {kind} endpoint of {account}")
    outcome = _tested(job, account, chosen[0], password)
    said = _explained(job, account, chosen[0], outcome, settings.status)
    if job.args.json:
        print_json(_as_json(account, chosen[0], outcome))
    else:
        print(said)
    if outcome.failure is None:
        return exits.DONE
    return exits.REFUSED if outcome.failure.kind in _REFUSALS else exits.UNREACHABLE


def _password() -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise exits.Usage(f"give the password in ${PASSWORD_VARIABLE}, or run on a terminal")
    import getpass

    try:
        return getpass.getpass("SMPP password (as OVHcloud e-mailed it): ")
    except EOFError:  # Ctrl-D
        raise exits.Usage("no password given: nothing was sent") from None


def _tested(job: Job, account: str, target: Target, password: str) -> Outcome:
    from smpp_tui.session.smpp_tests import ConnectionTests

    def report(step: Step) -> None:
        if step.seconds is not None and not job.args.json:
            print(_step_line(step), flush=True)

    return ConnectionTests(job.session).run(account, target, password, report)


def _step_line(step: Step) -> str:
    from smpp_tui.api.text import clean

    mark = "✗" if step.failed else "✓"
    took = f"{(step.seconds or 0.0) * 1000:,.0f} ms"
    return f"{mark} {step.name:<18}{took:>9}  {clean(step.detail)}".rstrip()


def _explained(job: Job, account: str, target: Target, outcome: Outcome, status: str) -> str:
    from smpp_tui.tui import bind_words

    allowed = job.gateway.allowed_ips(account).ips if outcome.failure else None
    facts = bind_words.Facts(
        account=account,
        target=target,
        status=status,
        allowed=allowed,
        renewed_at=None,
        allow_key=f"`smpp-tui ips add {account} {outcome.source}`",
        mail_key=None,
    )
    if outcome.failure is None:
        return bind_words.passed(outcome, facts).plain
    return bind_words.failed(outcome.failure, outcome.source, facts).plain


def _as_json(account: str, target: Target, outcome: Outcome) -> dict[str, Any]:
    failure = outcome.failure
    return {
        "account": account,
        "endpoint": f"{target.host}:{target.port}",
        "tls": target.tls,
        "passed": failure is None,
        "source": outcome.source,
        "steps": [
            {"name": s.name, "seconds": s.seconds, "detail": s.detail, "failed": s.failed}
            for s in outcome.steps
        ],
        "failure": None
        if failure is None
        else {
            "kind": failure.kind,
            "step": failure.step,
            "status": failure.status,
            "detail": failure.detail,
        },
    }


# What OVHcloud refused (exit 1); the rest is the network's (exit 3).
_REFUSALS = ("status", "closed", "certificate")
