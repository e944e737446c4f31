"""Every `/sms` route the app uses answers what OVHcloud's schema says, through an unmodified
`ovh.Client`; and the demo customer can be walked end to end (the issue's "Done when")."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import requests
from ovh import exceptions as ovh_errors

from tests.schema import validate_request
from tests.simulator.sms.conftest import CLASSIC, FULL, MAIN, OTHERS, WAITING


def test_the_demo_customer_end_to_end(api, sim, world_clock, customers):
    # list accounts, read settings and IPs
    names = api.get("/sms")
    assert MAIN in names
    assert CLASSIC in names
    accounts = [api.get(f"/sms/{name}") for name in names]
    smpp = [account["name"] for account in accounts if account["smpp"]]
    statuses = {api.get(f"/sms/{name}/smpp/settings")["status"] for name in smpp}
    assert statuses == {"SUCCESS", "WAITING_IP", "UPDATING_IP", "ERROR", "UNKNOWN", "DELETED"}
    before = api.get(f"/sms/{MAIN}/smpp/allowedIPs")

    # add an IP and watch the status settle, then remove it
    body = {"action": "add", "ips": ["192.0.2.200"]}
    validate_request("PUT", f"/sms/{MAIN}/smpp/allowedIPs", body)
    assert api.put(f"/sms/{MAIN}/smpp/allowedIPs", **body) == [*before, "192.0.2.200"]
    assert api.get(f"/sms/{MAIN}/smpp/settings")["status"] == "UPDATING_IP"
    world_clock.advance(sim.world.sms.behaviour.ip_settle_delay)
    assert api.get(f"/sms/{MAIN}/smpp/settings")["status"] == "SUCCESS"
    api.put(f"/sms/{MAIN}/smpp/allowedIPs", action="remove", ips=["192.0.2.200"])
    assert api.get(f"/sms/{MAIN}/smpp/allowedIPs") == before
    world_clock.advance(sim.world.sms.behaviour.ip_settle_delay)

    # renew the password and find the mail in the outbox
    email = api.get("/me")["email"]
    assert api.post(f"/sms/{MAIN}/smpp/password") is None
    mails = requests.get(f"{sim.url}/_sim/outbox", timeout=5).json()
    assert [(m["to"], m["account"]) for m in mails] == [(email, MAIN)]
    assert sim.world.sms.accounts[MAIN].password in mails[0]["body"]

    # transfer credits
    left = api.get(f"/sms/{MAIN}")["creditsLeft"]
    target = api.get(f"/sms/{CLASSIC}")["creditsLeft"]
    assert api.post(f"/sms/{MAIN}/transferCredits", credits=10.5, smsAccountTarget=CLASSIC) is None
    assert api.get(f"/sms/{MAIN}")["creditsLeft"] == pytest.approx(left - 10.5)
    assert api.get(f"/sms/{CLASSIC}")["creditsLeft"] == pytest.approx(target + 10.5)

    # page through 20,000 SMS, every object validated
    seen, number = [], 1
    while True:
        page, headers = api.page(
            f"/sms/{MAIN}/outgoing", 5000, number, "/sms/" + MAIN + "/outgoing/{id}"
        )
        if not page:
            break
        seen += [item["id"] for item in page]
        number += 1
    assert len(seen) == int(headers["X-Pagination-Elements"]) >= 20_000
    assert seen == sorted(seen, reverse=True)
    assert seen == api.get(f"/sms/{MAIN}/outgoing")


def test_every_sms_route_answers_the_schema(api, sim, world_clock):
    """One call of each route, each answer validated by `api` itself."""
    api.get(f"/sms/{MAIN}/serviceInfos")
    api.get(f"/sms/{CLASSIC}")
    for sender in api.get(f"/sms/{MAIN}/senders"):
        api.get(f"/sms/{MAIN}/senders/{quote(sender, safe='')}")
    api.post(f"/sms/{MAIN}/senders", sender="Acme", reason="Acme shop order notifications")
    api.put(f"/sms/{MAIN}/senders/ExampleTel", description="Brand")
    api.delete(f"/sms/{MAIN}/senders/Acme")
    api.put(f"/sms/{MAIN}", description="Renamed", automaticRecreditAmount=None)
    outgoing = api.get(f"/sms/{FULL}/outgoing")
    api.get(f"/sms/{FULL}/outgoing/{outgoing[0]}")
    api.get(f"/sms/{FULL}/outgoing/{outgoing[0]}/hlr")
    api.delete(f"/sms/{FULL}/outgoing/{outgoing[0]}")
    incoming = api.get(f"/sms/{FULL}/incoming")
    api.get(f"/sms/{FULL}/incoming/{incoming[0]}")
    api.delete(f"/sms/{FULL}/incoming/{incoming[0]}")
    blacklist = api.get(f"/sms/{FULL}/blacklists")
    api.get(f"/sms/{FULL}/blacklists/{quote(blacklist[0], safe='')}")
    api.delete(f"/sms/{FULL}/blacklists/{quote(blacklist[0], safe='')}")
    lookups = api.get(f"/sms/{FULL}/hlr")
    api.get(f"/sms/{FULL}/hlr/{lookups[0]}")
    api.get(f"/sms/{FULL}/hlr/{lookups[0]}/operator")
    for code in (0, 3, 53, 254, 800):
        api.get("/sms/ptts", ptt=code)
    document = api.get(f"/sms/{FULL}/document", wayType="incoming")
    api.get(f"/me/document/{document}")
    assert document in api.get("/me/document")
    api.delete(f"/me/document/{document}")
    api.get(f"/sms/{WAITING}/smpp/allowedIPs")


def test_expanded_accounts_validate_and_carry_the_headers(api):
    page, headers = api.page("/sms", 4, 3, "/sms/{name}")
    names = api.get("/sms")
    assert [account["name"] for account in page] == names[8:12]
    assert headers["X-Pagination-Elements"] == str(len(names))
    assert headers["X-Pagination-Total"] == str(-(-len(names) // 4))
    assert (headers["X-Pagination-Size"], headers["X-Pagination-Number"]) == ("4", "3")


def test_expanded_incoming_validates(api):
    page, headers = api.page(f"/sms/{FULL}/incoming", 10, 1, "/sms/" + FULL + "/incoming/{id}")
    assert len(page) == 10
    assert int(headers["X-Pagination-Elements"]) > 10


@pytest.mark.parametrize(
    ("route", "key"),
    [("senders", "sender"), ("blacklists", "number"), ("hlr", "id")],
)
def test_every_list_the_schema_marks_expandable_expands(api, route, key):
    """`x-expanded-response` in the schema: whole objects, page by page, as the per-id GETs."""
    ids = api.get(f"/sms/{MAIN}/{route}")
    assert ids, f"the demo has {route}"
    page, headers = api.page(f"/sms/{MAIN}/{route}", 2, 1, f"/sms/{MAIN}/{route}/{{{key}}}")
    assert [item[key] for item in page] == ids[:2]
    assert page == [api.get(f"/sms/{MAIN}/{route}/{item_id}") for item_id in ids[:2]]
    assert headers["X-Pagination-Elements"] == str(len(ids))


def test_a_switch_makes_the_simulator_ignore_the_pagination_header(api, sim):
    sim.world.sms.behaviour.expanded_lists = False
    page, headers = api.page("/sms", 2, 1, "/sms/{name}")
    assert page == api.get("/sms")
    assert "X-Pagination-Elements" not in headers


def test_another_customers_service_does_not_exist(other_api):
    for path in (f"/sms/{MAIN}", f"/sms/{MAIN}/smpp/settings", f"/sms/{MAIN}/outgoing"):
        with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
            other_api.get(path)
        assert caught.value.response.json() == {
            "class": "Client::NotFound",
            "message": "This service does not exist",
        }
    assert other_api.get("/sms") == [OTHERS, "sms-jm67890-1"]


def test_a_missing_object_is_a_404_and_a_bad_id_a_400(api):
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"/sms/{FULL}/outgoing/1")
    with pytest.raises(ovh_errors.BadParametersError):
        api.get(f"/sms/{FULL}/outgoing/latest")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"/sms/{CLASSIC}/smpp/settings")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get("/sms/ptts", ptt=77)
