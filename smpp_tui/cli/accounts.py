"""`smpp-tui accounts` and `smpp-tui show ACCOUNT`: the account list and one account's SMPP
credentials, for scripts (`--json`, `--field` for `$(...)`)."""

from __future__ import annotations

import argparse

from smpp_tui.cli import exits
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json, print_table, say

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from smpp_tui.api import Gateway
    from smpp_tui.api.models import Account, AllowedIps, SmppSettings

FETCHES = 8  # requests under way at once for the SMPP accounts' details


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listed = add_command(
        commands,
        "accounts",
        list_accounts,
        "List the SMS accounts: SMPP or not, status, SMPP status, credits, allowed IPs.",
        "smpp-tui accounts --smpp --json",
    )
    listed.add_argument("--smpp", action="store_true", help="SMPP accounts only")
    shown = add_command(
        commands,
        "show",
        show_account,
        "Show an SMPP account's credentials and settings, or one of them alone (--field).",
        'export SYSTEM_ID="$(smpp-tui show smpp-dc12345-1 --field system-id)"',
    )
    shown.add_argument("account", metavar="ACCOUNT")
    shown.add_argument("--field", choices=FIELDS, help="print this value alone")


def list_accounts(job: Job) -> int:
    from concurrent.futures import ThreadPoolExecutor

    accounts = [a for a in job.gateway.list_accounts() if a.smpp or not job.args.smpp]
    with ThreadPoolExecutor(FETCHES) as pool:
        details = list(pool.map(lambda a: _details(job.gateway, a), accounts))
    rows = [_account_row(a, *found) for a, found in zip(accounts, details, strict=True)]
    if job.args.json:
        print_json(rows)
        return exits.DONE
    titles = ("NAME", "SMPP", "STATUS", "SMPP STATUS", "CREDITS", "IPS", "DESCRIPTION")
    print_table(
        titles,
        [
            (
                r["name"],
                "yes" if r["smpp"] else "no",
                r["status"],
                r["smpp_status"] or "",
                f"{r['credits_left']:,.2f}",
                _quota(r),
                r["description"],
            )
            for r in rows
        ],
    )
    return exits.DONE


def _quota(row: dict[str, Any]) -> str:
    if not row["smpp"]:
        return ""
    return "?" if row["ips_limit"] is None else f"{len(row['ips'])}/{row['ips_limit']}"


def _details(gateway: Gateway, account: Account) -> tuple[SmppSettings | None, AllowedIps | None]:
    """One SMPP account's status and IPs; what OVHcloud refuses for it alone is said, and left
    out (null), so that one account does not stop the list."""
    from smpp_tui.api.errors import InvalidResponse, NotFound

    if not account.smpp:
        return None, None
    try:
        return gateway.smpp_settings(account.name), gateway.allowed_ips(account.name)
    except (NotFound, InvalidResponse) as error:
        say(f"{account.name}: its SMPP status and IPs are unknown ({error})")
        return None, None


def _account_row(
    account: Account, settings: SmppSettings | None, allowed: AllowedIps | None
) -> dict[str, Any]:
    return {
        "name": account.name,
        "description": account.description,
        "smpp": account.smpp,
        "status": account.status,
        "smpp_status": settings.status if settings else None,
        "credits_left": account.credits_left,
        "ips": list(allowed.ips) if allowed else [],
        "ips_limit": allowed.limit if allowed else None,
    }


# `--field` name -> JSON key
FIELDS = {
    "system-id": "system_id",
    "tls-endpoint": "tls_endpoint",
    "tls-host": "tls_host",
    "tls-port": "tls_port",
    "endpoint": "endpoint",
    "host": "host",
    "port": "port",
    "windowing": "windowing",
    "throughput": "throughput",
    "smpp-status": "smpp_status",
    "credits": "credits_left",
}


def show_account(job: Job) -> int:
    account = smpp_account(job, job.args.account)
    settings = job.gateway.smpp_settings(account.name)
    shown = _overview(account.name, settings, account.credits_left)
    if job.args.field:
        value = shown[FIELDS[job.args.field]]
        if value is None:
            raise exits.Refused(f"{account.name} has no {job.args.field}")
        print(value)
    elif job.args.json:
        print_json(shown)
    else:
        print_table(("FIELD", "VALUE"), [(k, "" if v is None else v) for k, v in shown.items()])
    return exits.DONE


def _overview(name: str, settings: SmppSettings, credits: float) -> dict[str, Any]:
    from smpp_tui.api.client_configs import endpoint_of, host_and_port

    tls, plain = endpoint_of(settings, True), endpoint_of(settings, False)
    tls_parts = host_and_port(tls) if tls else None
    plain_parts = host_and_port(plain) if plain else None
    return {
        "account": name,
        "system_id": settings.system_id,
        "tls_endpoint": tls,
        "tls_host": tls_parts[0] if tls_parts else None,
        "tls_port": int(tls_parts[1]) if tls_parts else None,
        "endpoint": plain,
        "host": plain_parts[0] if plain_parts else None,
        "port": int(plain_parts[1]) if plain_parts else None,
        "windowing": settings.windowing,
        "throughput": settings.throughput,
        "smpp_status": settings.status,
        "credits_left": credits,
    }


def any_account(
    job: Job, name: str, accounts: Sequence[Account] | None = None, *, smpp: bool = False
) -> Account:
    """The customer's account of that name (`Usage` if none, naming some: SMPP ones when
    `smpp`), from `accounts` when they were asked already."""
    found = {a.name: a for a in (job.gateway.list_accounts() if accounts is None else accounts)}
    if name not in found:
        known = ", ".join(sorted(n for n, a in found.items() if a.smpp or not smpp)[:5])
        kind = "SMPP accounts" if smpp else "accounts"
        raise exits.Usage(f"no account named {name}; {kind}: {known or 'none'}")
    return found[name]


def smpp_account(job: Job, name: str) -> Account:
    """The customer's SMPP account of that name (`Usage` if none)."""
    account = any_account(job, name, smpp=True)
    if not account.smpp:
        raise exits.Usage(f"{name} is a classic SMS account: it has no SMPP access")
    return account
