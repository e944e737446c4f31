"""`smpp-tui credits ACCOUNT`, `smpp-tui credits transfer FROM TO AMOUNT` and `smpp-tui
recharge ACCOUNT --below N --pack M|--off`: credits left, moved between the customer's
accounts, bought by themselves when few are left."""

from __future__ import annotations

import argparse

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import any_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import print_json, print_table, say


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    credits = add_command(
        commands,
        "credits",
        run_credits,
        "Show an account's credits (credits ACCOUNT), or move some to another account of the"
        " customer (credits transfer FROM TO AMOUNT).",
        "smpp-tui credits transfer sms-dc12345-1 smpp-dc12345-1 50 --yes",
        confirms=True,
    )
    credits.add_argument("words", nargs="+", metavar="[transfer] ACCOUNT [TO AMOUNT]")
    recharge = add_command(
        commands,
        "recharge",
        set_recharge,
        "Set an account's automatic recharge: a pack bought when fewer credits are left than"
        " a threshold; or turn it off.",
        "smpp-tui recharge smpp-dc12345-1 --below 500 --pack 1000",
    )
    recharge.add_argument("account", metavar="ACCOUNT")
    recharge.add_argument("--below", metavar="N", help="the threshold, in whole credits")
    choice = recharge.add_mutually_exclusive_group(required=True)
    choice.add_argument("--pack", metavar="M", help="the credits bought each time")
    choice.add_argument("--off", action="store_true", help="no automatic recharge")


def run_credits(job: Job) -> int:
    words = job.args.words
    if words[0] == "transfer":
        if len(words) != 4:
            raise exits.Usage("give FROM, TO and AMOUNT: credits transfer FROM TO AMOUNT")
        return _transfer(job, *words[1:])
    if len(words) != 1:
        raise exits.Usage("give one ACCOUNT, or: credits transfer FROM TO AMOUNT")
    account = any_account(job, words[0])
    shown = {
        "account": account.name,
        "credits_left": account.credits_left,
        "credits_held_by_quota": account.credits_held_by_quota,
        "recharge_pack": account.recharge_pack,
        "recharge_threshold": account.recharge_threshold,
    }
    if job.args.json:
        print_json(shown)
    else:
        print_table(("FIELD", "VALUE"), [(k, "" if v is None else v) for k, v in shown.items()])
    return exits.DONE


def _transfer(job: Job, source: str, target: str, amount: str) -> int:
    from smpp_tui.api import checks
    from smpp_tui.store.actions import TRANSFER

    accounts = job.gateway.list_accounts()
    balance = any_account(job, source, accounts).credits_left
    checks.transfer_target(target, source, [a.name for a in accounts])
    credits = checks.transfer_amount(amount, balance)
    job.confirm(f"Transfer {credits:,.2f} credits from {source} to {target}?")
    with job.write(TRANSFER, source, f"{amount.strip()} to {target}"):
        job.gateway.transfer_credits(source, target, credits)
    left = {a.name: a.credits_left for a in job.gateway.list_accounts()}
    say(f"Transferred {credits:,.2f} credits from {source} to {target}")
    shown = {"from": source, "to": target, "credits": credits, "left": left[source]}
    if job.args.json:
        print_json({**shown, "target_left": left[target]})
    else:
        print_table(("ACCOUNT", "CREDITS LEFT"), [(source, left[source]), (target, left[target])])
    return exits.DONE


def set_recharge(job: Job) -> int:
    from smpp_tui.api import checks
    from smpp_tui.store.actions import RECHARGE

    account = any_account(job, job.args.account)
    pack = None if job.args.off else checks.recharge_pack(job.args.pack)
    if job.args.below is None and pack is not None:
        raise exits.Usage("give the threshold with --below N (whole credits)")
    threshold = checks.recharge_threshold(job.args.below or "0")
    said = f"a pack of {pack} below {threshold}" if pack is not None else "off"
    with job.write(RECHARGE, account.name, said):
        job.gateway.set_automatic_recharge(account.name, pack, threshold)
    say(f"Automatic recharge of {account.name}: {said}")
    if job.args.json:
        print_json(
            {"account": account.name, "recharge_pack": pack, "recharge_threshold": threshold}
        )
    return exits.DONE
