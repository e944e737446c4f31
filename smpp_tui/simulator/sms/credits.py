"""Moving credits between two accounts of the same customer."""

from __future__ import annotations

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.account import SmsAccount


def transfer_amount(body: object) -> tuple[float, str]:
    """The `{credits, smsAccountTarget}` of a transfer request, checked for shape."""
    if not isinstance(body, dict):
        raise errors.bad_request('Send {"credits": number, "smsAccountTarget": "sms-..."}')
    credits, target = body.get("credits"), body.get("smsAccountTarget")
    if not isinstance(credits, int | float) or isinstance(credits, bool):
        raise errors.bad_request(f"Invalid credits {credits!r}: a number of at least 1")
    if not isinstance(target, str) or not target:
        raise errors.bad_request("smsAccountTarget is required: the name of another SMS account")
    return float(credits), target


def transfer(source: SmsAccount, target: SmsAccount | None, credits: float) -> None:
    """`target` is None when the name is not one of the customer's accounts."""
    if target is None or target.owner != source.owner:
        raise errors.bad_request(
            "smsAccountTarget must be another SMS account of the same customer"
        )
    if target is source:
        raise errors.bad_request("Cannot transfer credits to the same account")
    if credits < 1:
        raise errors.bad_request(f"Invalid credits {_amount(credits)}: transfer at least 1 credit")
    if credits > source.credits_left:
        left = _amount(source.credits_left)
        raise errors.bad_request(
            f"Cannot transfer {_amount(credits)} credits: {source.name} has {left} left"
        )
    source.credits_left = round(source.credits_left - credits, 4)
    target.credits_left = round(target.credits_left + credits, 4)


def _amount(credits: float) -> str:
    return f"{credits:.4f}".rstrip("0").rstrip(".")
