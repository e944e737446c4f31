"""`smpp-tui ips`: an SMPP account's allowed IPs, listed, added or removed; idempotent (an
address already there, or already gone, is said and skipped), and with `--wait` done only
once OVHcloud has applied the change (`SUCCESS`)."""

from __future__ import annotations

import argparse
import math
import time

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import smpp_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json, print_table, say

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from smpp_tui.api.models import AllowedIps

WAIT_EVERY = 1.0  # seconds between two looks at the SMPP status, with --wait
CHANGES = ("add", "remove")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ips = add_command(
        commands,
        "ips",
        run_ips,
        "List an SMPP account's allowed IPs (ips ACCOUNT), or change them"
        " (ips add|remove ACCOUNT IP...).",
        "smpp-tui ips add smpp-dc12345-1 192.0.2.10 --wait",
    )
    ips.add_argument("words", nargs="+", metavar="[add|remove] ACCOUNT [IP ...]")
    ips.add_argument(
        "--wait", action="store_true", help="after a change, wait until OVHcloud applied it"
    )
    ips.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="how long --wait waits (default 120)",
    )


def run_ips(job: Job) -> int:
    words = job.args.words
    change = words[0] if words[0] in CHANGES else None
    if change is None:
        if len(words) != 1:
            raise exits.Usage("give one ACCOUNT to list, or: ips add|remove ACCOUNT IP...")
        return _show(job, smpp_account(job, words[0]).name)
    if len(words) < 3:
        raise exits.Usage(f"give the ACCOUNT and at least one IP: ips {change} ACCOUNT IP...")
    addresses = _addresses(words[2:])
    if not math.isfinite(job.args.timeout) or job.args.timeout <= 0:
        raise exits.Usage("--timeout is a number of seconds above 0")
    account = smpp_account(job, words[1]).name
    allowed = _changed(job, account, change, addresses)
    if job.args.wait:
        _wait_applied(job, account)
    return _print(job, account, allowed)


def _addresses(typed: list[str]) -> list[str]:
    from smpp_tui.api import checks
    from smpp_tui.api.errors import InvalidInput

    try:
        return list(dict.fromkeys(checks.ipv4_addresses(typed)))
    except InvalidInput as error:
        raise exits.Usage(str(error)) from None


def _changed(job: Job, account: str, change: str, addresses: list[str]) -> AllowedIps:
    from smpp_tui.api import checks
    from smpp_tui.api.errors import InvalidInput
    from smpp_tui.store.actions import IPS

    allowed = job.gateway.allowed_ips(account)
    if change == "add":
        new = [ip for ip in addresses if ip not in allowed.ips]
        skipped, done = [ip for ip in addresses if ip in allowed.ips], "allowed already"
    else:
        new = [ip for ip in addresses if ip in allowed.ips]
        skipped, done = [ip for ip in addresses if ip not in allowed.ips], "not allowed already"
    if skipped:
        say(f"{', '.join(skipped)}: {done} on {account}; nothing to do for {_them(skipped)}")
    if not new:
        return allowed
    if change == "add":
        try:
            checks.ips_to_add(" ".join(new), allowed.ips, allowed.limit)  # the account's limit
        except InvalidInput as error:
            raise exits.Refused(str(error)) from None
        with job.write(IPS, account, "add " + ", ".join(new)):
            allowed = job.gateway.add_allowed_ips(account, new)
    else:
        with job.write(IPS, account, "remove " + ", ".join(new)):
            allowed = job.gateway.remove_allowed_ips(account, new)
    say(f"{'Allowed' if change == 'add' else 'Removed'} {', '.join(new)} on {account}")
    return allowed


def _them(addresses: list[str]) -> str:
    return "it" if len(addresses) == 1 else "them"


def _wait_applied(job: Job, account: str) -> None:
    deadline = time.monotonic() + job.args.timeout
    while (status := job.gateway.smpp_settings(account).status) == "UPDATING_IP":
        if time.monotonic() > deadline:
            raise exits.Refused(
                f"OVHcloud has not applied the change to {account} after"
                f" {job.args.timeout:g} s (still UPDATING_IP); it goes on by itself"
            )
        time.sleep(WAIT_EVERY)
    if status not in ("SUCCESS", "WAITING_IP"):  # WAITING_IP: no address is left
        raise exits.Refused(f"{account}'s SMPP status is {status}: the change did not make it work")
    say(f"{account}'s SMPP status: {status}")


def _show(job: Job, account: str) -> int:
    return _print(job, account, job.gateway.allowed_ips(account))


def _print(job: Job, account: str, allowed: AllowedIps) -> int:
    if job.args.json:
        print_json({"account": account, "ips": list(allowed.ips), "limit": allowed.limit})
    else:
        print_table(("ADDRESS",), [(ip,) for ip in allowed.ips])
    return exits.DONE
