"""Checks of what the user typed, before any request: what is wrong and what is accepted.

The rules are the control panel's (see the project's reference notes); OVHcloud checks again.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.models import RECHARGE_PACKS

_ALPHA_SENDER = re.compile(r"[\w \-.,&+]{1,11}", re.ASCII)
_NUMERIC_SENDER = re.compile(r"\+?[0-9]{1,15}")


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


def transfer(source: str, target: str, credits: float) -> None:
    if credits < 1:
        raise InvalidInput("transfer at least 1 credit")
    if not target or target == source:
        raise InvalidInput("transfer credits to another SMS account of the same customer")


def new_sender(sender: str, reason: str, description: str) -> None:
    if not (_ALPHA_SENDER.fullmatch(sender) or _NUMERIC_SENDER.fullmatch(sender)):
        raise InvalidInput(
            "a sender is up to 11 letters, digits, spaces or - . , & + (ASCII), or an"
            " international number: + and up to 15 digits"
        )
    if not reason.strip() or len(reason) > 250:
        raise InvalidInput("give the moderator a reason, at most 250 characters")
    if len(description) > 40:
        raise InvalidInput("a sender description is at most 40 characters")


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
