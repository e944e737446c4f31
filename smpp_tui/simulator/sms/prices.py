"""What SMS cost, as the simulator quotes it: credits bought in packs, cheaper by the credit in
bigger ones, in the buyer's currency (`/sms/rates/*`, `/sms/{sn}/seeOffers`).

Every figure is the simulator's own (OVHcloud's grid changes with time and promotions, so the
simulator runs no promotion); the countries are the schema's.
"""

from __future__ import annotations

import math
from typing import Any

from smpp_tui.simulator.sms.destinations import Destination

# A credit's price in euros, from this many credits on.
_TIERS = ((100, 0.08), (1_000, 0.07), (10_000, 0.06), (100_000, 0.05))
# What a euro is worth in each currency a country is billed in.
_RATES = {
    "EUR": 1.0,
    "GBP": 0.85,
    "PLN": 4.3,
    "CAD": 1.5,
    "CZK": 25.0,
    "MAD": 10.8,
    "TND": 3.4,
    "XOF": 656.0,
    "USD": 1.08,
}
# sms.BillingCountryEnum -> its currency
BILLING = {"es": "EUR", "fr": "EUR", "gb": "GBP", "ie": "EUR", "it": "EUR", "pl": "PLN"}
DEFAULT_BILLING = "fr"
# reference.CountryEnum (the price lists of OVHcloud's subsidiaries) -> currency, language
REFERENCES = {
    "all": ("EUR", "en_GB"),
    "ca": ("CAD", "en_CA"),
    "cz": ("CZK", "cs_CZ"),
    "de": ("EUR", "de_DE"),
    "en": ("GBP", "en_GB"),
    "es": ("EUR", "es_ES"),
    "fi": ("EUR", "fi_FI"),
    "fr": ("EUR", "fr_FR"),
    "gb": ("GBP", "en_GB"),
    "ie": ("EUR", "en_IE"),
    "it": ("EUR", "it_IT"),
    "lt": ("EUR", "lt_LT"),
    "ma": ("MAD", "fr_MA"),
    "nl": ("EUR", "nl_NL"),
    "pl": ("PLN", "pl_PL"),
    "pp": ("EUR", "en_GB"),
    "pt": ("EUR", "pt_PT"),
    "qc": ("CAD", "fr_CA"),
    "ru": ("EUR", "ru_RU"),
    "sk": ("EUR", "sk_SK"),
    "sn": ("XOF", "fr_SN"),
    "tn": ("TND", "fr_TN"),
    "we": ("USD", "en_US"),
}


def _converted(euros: float, currency: str) -> float:
    return round(euros * _RATES[currency], 4)


def _price(euros: float, currency: str) -> dict[str, Any]:
    """An `order.Price`."""
    value = _converted(euros, currency)
    return {"currencyCode": currency, "text": f"{value:g} {currency}", "value": value}


def _credit_price(credits: int) -> float:
    """A credit's price in euros in a pack of `credits`."""
    return next(price for least, price in reversed(_TIERS) if credits >= least)


def destination_rates(destination: Destination, billing: str) -> dict[str, Any]:
    """The `sms.DestinationRates` object: an SMS's price in the smallest pack."""
    return {
        "country": destination.name,
        "countryCode": destination.code,
        "credit": destination.credits,
        "price": _price(_TIERS[0][1] * destination.credits, BILLING[billing]),
    }


def pack_details(destination: Destination, billing: str) -> list[dict[str, Any]]:
    """The `sms.PackDetails` of each tier."""
    currency = BILLING[billing]
    tops = [least for least, _ in _TIERS[1:]] + [None]
    return [
        {
            "countryCode": destination.code,
            "credit": destination.credits,
            "creditPrice": _price(price, currency),
            "creditQuantityMin": least,
            "creditQuantityMax": top,
            "smsPrice": _price(price * destination.credits, currency),
            "smsQuantityMin": math.floor(least / destination.credits),
            "smsQuantityMax": None if top is None else math.floor(top / destination.credits),
            "discountCreditPrice": None,
            "discountPercentage": None,
            "discountSmsPrice": None,
        }
        for (least, price), top in zip(_TIERS, tops, strict=True)
    ]


def pack_offer(destination: Destination, reference: str, quantity: int) -> dict[str, Any]:
    """The `sms.PackOffer` of a pack of `quantity` credits, in the reference's currency."""
    currency, language = REFERENCES[reference]
    price = _converted(_credit_price(quantity), currency)
    return {
        "countryDestination": destination.code,
        "language": language,
        "quantity": quantity,
        "price": price,
        "totalPrice": round(price * quantity, 2),
        "smsQuantity": math.floor(quantity / destination.credits),
        "giftPrice": None,
        "giftQuantity": None,
    }
