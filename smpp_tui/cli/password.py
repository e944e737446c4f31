"""`smpp-tui password ACCOUNT --regenerate`: a new SMPP password, e-mailed by OVHcloud (never
shown: smpp-tui never knows it); confirmed on a terminal, or by `--yes`; refused unless the
account works (`SUCCESS`), as the control panel refuses it."""

from __future__ import annotations

import argparse

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import smpp_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json, say


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    password = add_command(
        commands,
        "password",
        regenerate,
        "Regenerate an SMPP account's password: OVHcloud e-mails the new one.",
        "smpp-tui password smpp-dc12345-1 --regenerate --yes",
        confirms=True,
    )
    password.add_argument("account", metavar="ACCOUNT")
    password.add_argument(
        "--regenerate", action="store_true", required=True, help="make a new password"
    )


def regenerate(job: Job) -> int:
    from smpp_tui.store.actions import RENEWAL

    account = smpp_account(job, job.args.account).name
    status = job.gateway.smpp_settings(account).status
    if status != "SUCCESS":
        raise exits.Refused(
            f"{account}'s SMPP status is {status}: a new password can only be generated when"
            " it is SUCCESS"
        )
    email = job.gateway.me().email
    job.confirm(
        f"Regenerate the SMPP password of {account}? The new one is e-mailed to {email}, and"
        " every client bound with the current one must be given it."
    )
    with job.write(RENEWAL, account, ""):
        job.gateway.regenerate_password(account)
    say(f"New SMPP password requested for {account}: OVHcloud e-mails it to {email}")
    if job.args.json:
        print_json({"account": account, "emailed_to": email})
    return exits.DONE
