"""The price list, pack offers and operators' restrictions: public where the schema says so,
every destination of the schema priced, arguments checked against its enums."""

from __future__ import annotations

import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms import destinations, prices
from smpp_tui.simulator.sms.schema import enum
from tests.schema import validate_response
from tests.simulator.sms.conftest import MAIN


def test_rates_need_no_keys(sim):
    for route in ("/sms/rates/destinations", "/sms/rates/packs"):
        answer = requests.get(f"{sim.endpoint}{route}", params={"country": "fr"}, timeout=5)
        assert answer.status_code == 200
        validate_response("GET", route, answer.json())
    assert requests.get(f"{sim.endpoint}/sms/{MAIN}/seeOffers", timeout=5).status_code == 401


def test_every_destination_of_the_schema_is_priced(api):
    for code in enum("sms.CountryEnum"):
        named = destinations.destination(code)
        assert named.name not in ("", code)
        assert named.credits > 0
    for country in ("fr", "ad", "all", "zw"):
        api.get("/sms/rates/destinations", country=country)
    france = api.get("/sms/rates/destinations", country="fr", billingCountry="gb")
    assert (france["country"], france["credit"], france["price"]["currencyCode"]) == (
        "France",
        1.0,
        "GBP",
    )
    assert api.get("/sms/rates/destinations", country="be")["credit"] == 1.5


def test_packs_are_tiers_cheaper_by_the_credit(api):
    tiers = api.get("/sms/rates/packs", country="ch", billingCountry="pl")
    credit_prices = [tier["creditPrice"]["value"] for tier in tiers]
    assert credit_prices == sorted(credit_prices, reverse=True)
    assert {tier["creditPrice"]["currencyCode"] for tier in tiers} == {"PLN"}
    assert [tier["creditQuantityMax"] for tier in tiers][-1] is None
    assert tiers[0]["smsQuantityMin"] == tiers[0]["creditQuantityMin"] // 2  # 2 credits an SMS


def test_the_price_tables_cover_the_schemas_countries():
    assert set(prices.BILLING) == set(enum("sms.BillingCountryEnum"))
    assert set(prices.REFERENCES) == set(enum("reference.CountryEnum"))
    currencies = set(enum("order.CurrencyCodeEnum"))
    assert {currency for currency, _ in prices.REFERENCES.values()} <= currencies
    assert set(prices.BILLING.values()) <= currencies


def test_offers_for_a_pack(api):
    offers = api.get(
        f"/sms/{MAIN}/seeOffers", countryCurrencyPrice="fr", countryDestination="be", quantity=1000
    )
    assert len(offers) == 1
    offer = offers[0]
    assert (offer["quantity"], offer["smsQuantity"], offer["language"]) == (1000, 666, "fr_FR")
    assert offer["totalPrice"] == pytest.approx(offer["price"] * 1000)


BAD_ARGUMENTS = [
    ("/sms/rates/destinations", {}, "country is required: one of the 208 values of sms.Country"),
    ("/sms/rates/packs", {"country": "fr", "billingCountry": "de"}, "one of es, fr, gb, ie"),
    (
        f"/sms/{MAIN}/seeOffers",
        {"countryCurrencyPrice": "fr", "countryDestination": "fr", "quantity": 7},
        "Invalid quantity '7': one of 100, 200, 250",
    ),
    (f"/sms/{MAIN}/exceptions", {}, "receiver is required: an international number"),
    (f"/sms/{MAIN}/exceptions", {"receiver": "0612"}, "Invalid receiver '0612'"),
]


def test_bad_arguments_are_400s_that_say_what_is_accepted(api):
    for route, arguments, says in BAD_ARGUMENTS:
        with pytest.raises(ovh_errors.BadParametersError, match=says):
            api.get(route, **arguments)


def test_exceptions_name_the_restrictions_towards_a_receiver(api):
    assert api.get(f"/sms/{MAIN}/exceptions", receiver="+33639980001") == []
    (us,) = api.get(f"/sms/{MAIN}/exceptions", receiver="+12025550100")
    assert (us["restrictionCode"], us["countrySuffixe"]) == ("ALPHA", "us")
    assert us["substitution"].startswith("+1")


def test_another_customers_offers_and_exceptions_do_not_exist(other_api):
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.get(f"/sms/{MAIN}/exceptions", receiver="+33639980001")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.get(
            f"/sms/{MAIN}/seeOffers",
            countryCurrencyPrice="fr",
            countryDestination="fr",
            quantity=100,
        )
