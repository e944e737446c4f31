"""Where SMS go: the destinations of `sms.CountryEnum`, their names, the credits one SMS costs
there, and the operators' routing restrictions (`sms.Exception`).

The credits are the simulator's own (OVHcloud's grid changes): France, Belgium, Switzerland and
the United Kingdom cost what the demo's history charges (`generate`), other destinations listed
here plausible amounts, and every other one `ELSEWHERE`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ALL = "all"  # the enum's pseudo-destination: a credit's own price, one credit an SMS

_CREDITS = {
    "fr": 1.0,
    "be": 1.5,
    "ch": 2.0,
    "gb": 1.2,
    "de": 1.5,
    "es": 1.2,
    "it": 1.3,
    "ie": 1.4,
    "lu": 1.5,
    "nl": 1.8,
    "pt": 1.0,
    "pl": 0.8,
    "ma": 2.5,
    "re": 1.8,
    "us": 0.6,
    "ca": 0.6,
}
ELSEWHERE = 3.0


@dataclass(frozen=True)
class Destination:
    code: str
    name: str
    credits: float  # a one-part SMS


@cache
def _names() -> dict[str, str]:
    path = resources.files("smpp_tui").joinpath("simulator", "sms", "countries.tsv")
    text = path.read_text("utf-8")
    rows = (line.partition("\t") for line in text.splitlines() if not line.startswith("#"))
    return {code: name for code, _, name in rows}


# Dialling prefix -> country, for the countries priced above (+1: the United States, as NANP
# numbers do not tell the US from Canada by their prefix).
_PREFIXES = {
    "+33": "fr", "+32": "be", "+41": "ch", "+44": "gb", "+49": "de", "+34": "es", "+39": "it",
    "+353": "ie", "+352": "lu", "+31": "nl", "+351": "pt", "+48": "pl", "+212": "ma",
    "+262": "re", "+1": "us",
}  # fmt: skip


def credits_to(code: str) -> float:
    """What a one-part SMS to a country of `sms.CountryEnum` costs (lower case, such as `fr`)."""
    return _CREDITS.get(code, ELSEWHERE)


def country_of(number: str) -> str | None:
    """The priced country an international number (`+33...`) is in; None for the others."""
    for length in (4, 3, 2):
        if number[:length] in _PREFIXES:
            return _PREFIXES[number[:length]]
    return None


def cost(number: str, parts: int) -> float:
    """The credits an SMS of `parts` parts to `number` costs."""
    country = country_of(number)
    return round(parts * (credits_to(country) if country else ELSEWHERE), 2)


def destination(code: str) -> Destination:
    """A destination of `sms.CountryEnum` (the caller checks the code)."""
    if code == ALL:
        return Destination(ALL, "All countries", 1.0)
    return Destination(code, _names()[code], credits_to(code))


@dataclass(frozen=True)
class Restriction:
    """What an operator does to SMS towards numbers starting with `prefix`."""

    prefix: str
    country: str
    operators: str
    code: str  # sms.RestrictionCodeEnum
    message: str
    substitution: str | None = None

    def describe(self) -> dict[str, Any]:
        """The `sms.Exception` object."""
        return {
            "countrySuffixe": self.country,
            "messages": [self.message],
            "operators": self.operators,
            "restrictionCode": self.code,
            "substitution": self.substitution,
        }


# The simulator's own examples, on its HLR's operators (`traffic`) and fictional numbers.
_RESTRICTIONS = (
    Restriction(
        "+1",
        "us",
        "all",
        "ALPHA",
        "Alphanumeric senders are not delivered: the SMS leaves from the substitution number",
        substitution="+12025550143",
    ),
    Restriction(
        "+32",
        "be",
        "Sim Mobile BE",
        "BAD_DLR",
        "Delivery receipts from this operator may come late or not at all",
    ),
    Restriction(
        "+212",
        "ma",
        "all",
        "CODING",
        "Unicode messages are not delivered: write them in the GSM 7-bit alphabet",
    ),
)


def restrictions_for(receiver: str) -> list[Restriction]:
    return [r for r in _RESTRICTIONS if receiver.startswith(r.prefix)]
