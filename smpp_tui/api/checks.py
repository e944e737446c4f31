"""Checks of what the user typed, before any request: what is wrong and what is accepted.

The rules are the control panel's (see the project's reference notes); OVHcloud checks again.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.models import (
    ALLOWED_IPS_LIMIT,
    RECHARGE_PACKS,
    SENDER_DESCRIPTION_MAX,
    SENDER_REASON_MAX,
)

# The longest text each field takes, as OVHcloud accepts it: the app's fields stop there.
SENDER_NAME_MAX = 11
SENDER_NUMBER_DIGITS = 15
SENDER_MAX = 1 + SENDER_NUMBER_DIGITS  # + and the digits
IPS_MAX = ALLOWED_IPS_LIMIT * len("255.255.255.255,, ")  # an account's addresses, separated
IP_BLOCKS_MAX = 10 * len("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128, ")  # ten of the widest
KEY_MAX = 64  # an application key is 16 letters and digits today, its secret 32

# A plain space, not \s, and ASCII semantics: line breaks and "Café" must not slip through.
_ALPHA_SENDER = re.compile(rf"[\w \-.,&+]{{1,{SENDER_NAME_MAX}}}", re.ASCII)
_NUMERIC_SENDER = re.compile(rf"\+[0-9]{{1,{SENDER_NUMBER_DIGITS}}}", re.ASCII)
_KEY = re.compile(rf"[A-Za-z0-9]{{1,{KEY_MAX}}}", re.ASCII)
# What separates the items of a typed list: commas, semicolons, spaces, line breaks.
_LIST_SEPARATORS = re.compile(r"[\s,;]+")
# To the cent: the app shows credits to the cent, so a confirmed amount is the amount sent.
_AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?", re.ASCII)


def ipv4_addresses(ips: Iterable[str]) -> list[str]:
    """The addresses, each a plain IPv4 address such as 192.0.2.10."""
    addresses = [str(ip).strip() for ip in ips]
    if not addresses:
        raise InvalidInput("give at least one IPv4 address, such as 192.0.2.10")
    wrong = [address for address in addresses if not _parses(ipaddress.IPv4Address, address)]
    if wrong:
        raise InvalidInput(
            f"{_listed(wrong)} {_is_not(wrong, 'an IPv4 address', 'IPv4 addresses')}; expected"
            " four numbers 0-255 such as 192.0.2.10 (no mask, no IPv6)"
        )
    return addresses


def ip_blocks(text: str) -> list[str]:
    """The IP addresses or blocks typed (separated by commas, spaces or new lines) that a
    consumer key may be used from: IPv4 or IPv6, with or without a mask."""
    blocks = _items(text)
    wrong = [block for block in blocks if not _parses(_network, block)]
    if wrong:
        raise InvalidInput(
            f"{_listed(wrong)} {_is_not(wrong, 'an IP block', 'IP blocks')}; give addresses or"
            " blocks such as 192.0.2.10 or 192.0.2.0/24"
        )
    return blocks


def application_key(what: str, typed: str) -> str:
    """An application key or secret as OVHcloud makes them: letters and digits. What was typed
    is never quoted (a secret), and anything else never reaches a request header."""
    if not _KEY.fullmatch(typed):
        raise InvalidInput(
            f"the {what} is letters and digits only, at most {KEY_MAX}, as the page that made"
            " it shows them; copy it again"
        )
    return typed


def _network(text: str) -> object:
    return ipaddress.ip_network(text, strict=False)


def _parses(parse: Callable[[str], object], text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def _items(text: str) -> list[str]:
    return [item for item in _LIST_SEPARATORS.split(text) if item]


def _listed(items: Sequence[str], shown: int = 3, *, quoted: bool = True) -> str:
    """The first `shown` items (quoted and cut short as typed), and how many more: a pasted page
    stays one short line in a message."""
    listed = ", ".join(_shown(item) if quoted else item for item in items[:shown])
    more = len(items) - shown
    return f"{listed} and {more:,} more" if more > 0 else listed


def _is_not(items: Sequence[str], one: str, several: str) -> str:
    return f"is not {one}" if len(items) == 1 else f"are not {several}"


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
        known = _listed(others, 5, quoted=False)
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
    addresses = ipv4_addresses(_items(text))
    counted = Counter(addresses)
    repeated = sorted(ip for ip, times in counted.items() if times > 1)
    if repeated:
        raise InvalidInput(f"{_listed(repeated, quoted=False)} typed twice; give each address once")
    present = set(present)
    already = [ip for ip in counted if ip in present]
    if already:
        raise InvalidInput(
            f"{_listed(already, quoted=False)} already allowed; give only new addresses"
        )
    room = limit - len(present)
    if len(addresses) > room:
        many = len(addresses) > 1
        typed = f"{len(addresses)} addresses do not" if many else f"{addresses[0]} does not"
        free = f"room for {room} more" if room else "none is free"
        raise InvalidInput(
            f"{typed} fit: {len(present)} of {limit} are used, {free}; remove some first"
        )
    return addresses
