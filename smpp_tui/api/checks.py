"""Checks of what the user typed, before any request: what is wrong and what is accepted.

The rules are the control panel's (see the project's reference notes); OVHcloud checks again.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Iterable

from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.models import RECHARGE_PACKS, SENDER_DESCRIPTION_MAX, SENDER_REASON_MAX

# A plain space, not \s, and ASCII semantics: line breaks and "Café" must not slip through.
_ALPHA_SENDER = re.compile(r"[\w \-.,&+]{1,11}", re.ASCII)
_NUMERIC_SENDER = re.compile(r"\+[0-9]{1,15}", re.ASCII)
# To the cent: the app shows credits to the cent, so a confirmed amount is the amount sent.
_AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?", re.ASCII)


def ipv4_addresses(ips: Iterable[str]) -> list[str]:
    """The addresses, each a plain IPv4 address such as 192.0.2.10."""
    addresses = [str(ip).strip() for ip in ips]
    if not addresses:
        raise InvalidInput("give at least one IPv4 address, such as 192.0.2.10")
    for address in addresses:
        try:
            ipaddress.IPv4Address(address)
        except ValueError:
            raise InvalidInput(
                f"{address!r} is not an IPv4 address; expected four numbers 0-255 such as"
                " 192.0.2.10 (no mask, no IPv6)"
            ) from None
    return addresses


def recharge(pack: int | None, threshold: float) -> None:
    if pack is not None and pack not in RECHARGE_PACKS:
        packs = ", ".join(str(p) for p in RECHARGE_PACKS)
        raise InvalidInput(f"a recharge pack is one of {packs} credits, or none")
    if threshold < 0:
        raise InvalidInput("the recharge threshold is a number of credits, 0 or more")


def recharge_threshold(typed: str) -> int:
    """The threshold typed for the automatic recharge: a whole number of credits, 0 or more."""
    text = typed.strip()
    if not text.isascii() or not text.isdigit():
        raise InvalidInput(
            f"{_shown(text)} is not a threshold: give a whole number of credits, 0 or more,"
            " such as 100"
        )
    return int(text)


def recharge_pack(typed: str) -> int | None:
    """The pack typed for the automatic recharge: one of OVHcloud's, or off (None)."""
    text = typed.strip().casefold()
    if text in ("off", "none", ""):
        return None
    if text.isascii() and text.isdigit() and int(text) in RECHARGE_PACKS:
        return int(text)
    packs = ", ".join(str(p) for p in RECHARGE_PACKS)
    raise InvalidInput(f"{_shown(typed.strip())} is not a pack: give one of {packs}, or off")


def transfer(source: str, target: str, credits: float) -> None:
    if not math.isfinite(credits) or credits < 1:
        raise InvalidInput("transfer at least 1 credit")
    if not target or target == source:
        raise InvalidInput("transfer credits to another SMS account of the same customer")


def transfer_target(typed: str, source: str, accounts: Iterable[str]) -> str:
    """The account typed as a transfer's target: another account of the same customer."""
    target = typed.strip()
    others = sorted(name for name in accounts if name != source)
    if target == source:
        raise InvalidInput(f"{source} cannot transfer credits to itself: choose another account")
    if target not in others:
        known = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
        raise InvalidInput(
            f"{_shown(target)} is not an SMS account of this customer;"
            f" give one of its other accounts ({known or 'there is none'})"
        )
    return target


def transfer_amount(typed: str, balance: float) -> float:
    """The credits typed for a transfer: at least 1, at most the balance, to the cent."""
    text = typed.strip()
    accepted = f"a number of credits from 1 to {balance:,.2f}, to the cent, such as 50 or 12.5"
    if not _AMOUNT.fullmatch(text):
        raise InvalidInput(f"{_shown(text)} is not {accepted}")
    credits = float(text)
    if credits < 1:
        raise InvalidInput(f"{_cut(text)} credits is too few: transfer {accepted}")
    if credits > balance:
        raise InvalidInput(
            f"{_cut(text)} credits is more than the {balance:,.2f} left: transfer {accepted}"
        )
    return credits


def new_sender(sender: str, reason: str, description: str) -> None:
    """A sender request as OVHcloud checks it (the moderator judges the rest)."""
    # A leading + makes it a number, as OVHcloud reads it: "+ACME" is neither.
    form = _NUMERIC_SENDER if sender.startswith("+") else _ALPHA_SENDER
    if not form.fullmatch(sender):
        raise InvalidInput(
            f"{_shown(sender) if sender else 'an empty sender'} is not a sender: give up to 11"
            " ASCII letters, digits, spaces or _ - . , & + (such as ACME), or an international"
            " number, + and up to 15 digits (such as +33612345678)"
        )
    if len(description) > SENDER_DESCRIPTION_MAX:
        raise InvalidInput(
            f"the description has {len(description)} characters: at most {SENDER_DESCRIPTION_MAX}"
        )
    if not reason.strip():
        raise InvalidInput("give the moderator a reason: who sends, to whom, and why")
    if len(reason) > SENDER_REASON_MAX:
        raise InvalidInput(f"the reason has {len(reason)} characters: at most {SENDER_REASON_MAX}")


def _shown(text: str) -> str:
    """What the user typed, quoted (control characters escaped) and cut short in a message."""
    return repr(_cut(text)) if text else "nothing"


def _cut(text: str, limit: int = 40) -> str:
    """A pasted page stays readable in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ips_to_add(text: str, present: Iterable[str], limit: int) -> list[str]:
    """The IPv4 addresses typed (separated by commas, spaces or new lines) that may be added:
    well formed, each once, not allowed already, and within the account's limit."""
    typed = [piece for piece in re.split(r"[\s,;]+", text) if piece]
    addresses = ipv4_addresses(typed)
    repeated = sorted({ip for ip in addresses if addresses.count(ip) > 1})
    if repeated:
        raise InvalidInput(f"{', '.join(repeated)} typed twice; give each address once")
    present = set(present)
    already = [ip for ip in addresses if ip in present]
    if already:
        raise InvalidInput(f"{', '.join(already)} already allowed; give only new addresses")
    room = limit - len(present)
    if len(addresses) > room:
        raise InvalidInput(
            f"{len(addresses)} addresses do not fit: {len(present)} of {limit} are used,"
            f" room for {room} more; remove some first"
        )
    return addresses
