"""What sending costs and where: OVHcloud's public price list (`/sms/rates/*`, no keys
needed, as the schema says), an account's pack offers, and the operators' restrictions towards a
receiver."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_choices import choice
from smpp_tui.simulator.routes.sms_common import account_of
from smpp_tui.simulator.sms.bodies import phone_number
from smpp_tui.simulator.sms.destinations import Destination, destination, restrictions_for
from smpp_tui.simulator.sms.prices import (
    DEFAULT_BILLING,
    destination_rates,
    pack_details,
    pack_offer,
)

router = Router()


def _priced(request: Request) -> tuple[Destination, str]:
    country = choice(request, "country", "sms.CountryEnum", required=True)
    billing = choice(request, "billingCountry", "sms.BillingCountryEnum")
    return destination(country), billing or DEFAULT_BILLING


@router.route("GET", "/sms/rates/destinations", auth="none")
def rates(request: Request) -> dict[str, Any]:
    return destination_rates(*_priced(request))


@router.route("GET", "/sms/rates/packs", auth="none")
def packs(request: Request) -> list[dict[str, Any]]:
    return pack_details(*_priced(request))


@router.route("GET", "/sms/{serviceName}/seeOffers")
def offers(request: Request) -> list[dict[str, Any]]:
    account_of(request)
    reference = choice(request, "countryCurrencyPrice", "reference.CountryEnum", required=True)
    country = choice(request, "countryDestination", "sms.CountryEnum", required=True)
    quantity = choice(request, "quantity", "sms.PackQuantityEnum", required=True)
    return [pack_offer(destination(country), reference, quantity)]


@router.route("GET", "/sms/{serviceName}/exceptions")
def exceptions(request: Request) -> list[dict[str, Any]]:
    account_of(request)
    receiver = phone_number("receiver", request.arg("receiver"))
    return [restriction.describe() for restriction in restrictions_for(receiver)]
