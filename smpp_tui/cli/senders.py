"""`smpp-tui senders ACCOUNT`: the senders an account may send as, with their state."""

from __future__ import annotations

import argparse

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import any_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json, print_table


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    senders = add_command(
        commands,
        "senders",
        list_senders,
        "List an account's senders: name or number, kind, state, the moderator's comment.",
        "smpp-tui senders smpp-dc12345-1 --json",
    )
    senders.add_argument("account", metavar="ACCOUNT")


def list_senders(job: Job) -> int:
    account = any_account(job, job.args.account).name
    rows = [
        {
            "sender": s.sender,
            "type": s.type,
            "status": s.status,
            "description": s.description,
            "comment": s.comment,
        }
        for s in job.gateway.senders(account)
    ]
    if job.args.json:
        print_json(rows)
    else:
        titles = ("SENDER", "TYPE", "STATUS", "DESCRIPTION", "COMMENT")
        print_table(
            titles,
            [
                [r[k] or "" for k in ("sender", "type", "status", "description", "comment")]
                for r in rows
            ],
        )
    return exits.DONE
