"""Sending SMS through the API (`POST .../jobs`) of an account, a user and a virtual number,
through an unmodified `ovh.Client`: what is sent, what it costs, what waits, what is refused."""

from __future__ import annotations

import pytest
import requests
from ovh import exceptions as ovh_errors

from tests.schema import validate_request
from tests.simulator.sms.conftest import CLASSIC, MAIN

JOBS = f"/sms/{MAIN}/jobs"
FR, BE = "+33612340001", "+32470000002"


def post(api, path: str, **body):
    validate_request("POST", path, body)
    return api.post(path, **body)


def credits(api, account: str = MAIN) -> float:
    return api.get(f"/sms/{account}")["creditsLeft"]


def test_an_sms_is_sent_paid_and_found_in_the_history(api):
    before = credits(api)
    report = post(
        api, JOBS, message="Hello", sender="ExampleTel", receivers=[FR, "0032470000002", "nope"],
        tag="welcome",
    )  # fmt: skip
    assert report["validReceivers"] == [FR, BE]
    assert report["invalidReceivers"] == ["nope"]
    assert report["totalCreditsRemoved"] == 2.5, "France 1 credit, Belgium 1.5"
    assert report["tag"] == "welcome"
    assert credits(api) == pytest.approx(before - 2.5)
    assert api.get(f"/sms/{MAIN}/outgoing")[:2] == sorted(report["ids"], reverse=True)
    sms = api.get(f"/sms/{MAIN}/outgoing/{report['ids'][0]}")
    assert (sms["sender"], sms["receiver"], sms["message"]) == ("ExampleTel", FR, "Hello")
    assert (sms["ptt"], sms["tag"], sms["numberOfSms"]) == (0, "welcome", 1)
    assert api.get(f"/sms/{MAIN}/outgoing", tag="welcome") == sorted(report["ids"], reverse=True)


def test_a_long_message_out_of_the_gsm_alphabet_costs_its_parts(api):
    report = post(api, JOBS, message="ő" * 71, sender="ExampleTel", receivers=[FR])
    assert report["totalCreditsRemoved"] == 2
    assert api.get(f"/sms/{MAIN}/outgoing/{report['ids'][0]}")["numberOfSms"] == 2


def test_a_deferred_sms_waits_as_a_job_then_leaves(api, world_clock):
    report = post(api, JOBS, message="Later", sender="ExampleTel", receivers=[FR], differedPeriod=4)
    (job_id,) = report["ids"]
    job = api.get(f"{JOBS}/{job_id}")
    assert (job["differedDelivery"], job["ptt"], job["sentAt"]) == (4, 254, None)
    world_clock.advance(240)
    assert job_id not in api.get(JOBS)
    sent = api.get(f"/sms/{MAIN}/outgoing/{api.get(f'/sms/{MAIN}/outgoing')[0]}")
    assert (sent["message"], sent["differedDelivery"], sent["ptt"]) == ("Later", 4, 0)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"sender": "PROMO", "receivers": [FR]}, "The sender PROMO cannot send: one of ExampleTel"),
        ({"receivers": [FR]}, "sender is required: one of ExampleTel"),
        ({"sender": "ExampleTel"}, "receivers is required"),
        ({"sender": "ExampleTel", "receivers": ["0612"]}, "No valid receiver: international"),
        (
            {"sender": "ExampleTel", "receiversSlotId": "9"},
            "No receiver list in slot 9: one of 1, 2",
        ),
        ({"sender": "ExampleTel", "receivers": [FR], "differedPeriod": -1}, "minutes from 0"),
        ({"sender": "ExampleTel", "receivers": [FR], "differedPeriod": 10**400}, "(a year)"),
        ({"sender": "ExampleTel", "receivers": [FR], "receiversSlotId": "1"}, "not receivers and"),
        ({"sender": "ExampleTel", "senderForResponse": True, "receivers": [FR]}, "not both"),
        ({"sender": "ExampleTel", "receivers": [FR] * 10_001}, "10,000 at most"),
    ],
)
def test_a_bad_order_is_refused_saying_what_is_accepted_and_costs_nothing(api, body, message):
    before, sent = credits(api), api.get(f"/sms/{MAIN}/outgoing")[0]
    with pytest.raises(ovh_errors.BadParametersError) as caught:
        api.post(JOBS, message="Hi", **body)
    assert message in caught.value.response.json()["message"]
    assert (credits(api), api.get(f"/sms/{MAIN}/outgoing")[0]) == (before, sent)


def test_without_enough_credits_nothing_is_sent(api, world):
    world.sms.accounts[MAIN].credits_left = 1.2
    with pytest.raises(ovh_errors.APIError) as caught:
        api.post(JOBS, message="Hi", sender="ExampleTel", receivers=[FR, BE])
    assert caught.value.response.status_code == 403
    assert caught.value.response.json()["message"] == ("Not enough credits: 2.5 needed, 1.2 left")
    assert credits(api) == 1.2


def test_a_receiver_list_and_the_short_number_for_answers(api):
    report = post(api, JOBS, message="News", receiversSlotId="1", senderForResponse=True)
    assert len(report["validReceivers"]) == api.get(f"/sms/{MAIN}/receivers/1")["records"] == 25
    assert api.get(f"/sms/{MAIN}/outgoing/{report['ids'][0]}")["sender"] == "36000"


def test_a_users_quota_pays_for_its_sms(api):
    path = f"/sms/{CLASSIC}/users/smsuser1"
    before = credits(api, CLASSIC)
    report = post(api, f"{path}/jobs", message="Hi", sender="ExampleTel", receivers=[FR])
    assert api.get(path)["quotaInformations"]["quotaLeft"] == 149.0
    assert credits(api, CLASSIC) == pytest.approx(before - 1)
    assert api.get(f"/sms/{CLASSIC}")["creditsHoldByQuota"] == 299.0
    assert report["ids"][0] in api.get(f"{path}/outgoing")
    api.put(path, quotaInformations={"quotaStatus": "active", "quotaLeft": 0.5})
    with pytest.raises(ovh_errors.APIError) as caught:
        api.post(f"{path}/jobs", message="Hi", sender="ExampleTel", receivers=[FR])
    assert caught.value.response.json()["message"] == (
        "Not enough credits: 1 needed, 0.5 of smsuser1's quota left"
    )


def test_a_virtual_number_sends_as_itself(api):
    path = f"/sms/{MAIN}/virtualNumbers/32470001122"
    report = post(api, f"{path}/jobs", message="Reply to me", receivers=[FR])
    sms = api.get(f"{path}/outgoing/{report['ids'][0]}")
    assert sms["sender"] == "+32470001122"


def test_ids_are_global_and_a_job_keeps_its_own(api, world_clock):
    later = post(api, JOBS, message="Later", sender="ExampleTel", receivers=[FR], differedPeriod=1)
    now = post(api, JOBS, message="Now", sender="ExampleTel", receivers=[FR])
    user = post(api, f"/sms/{MAIN}/users/webshop/jobs", message="Shop", sender="ExampleTel",
                receivers=[FR])  # fmt: skip
    ids = [*later["ids"], *now["ids"], *user["ids"]]
    assert len(set(ids)) == 3
    assert ids == sorted(ids), "ids only grow"
    api.delete(f"{JOBS}/{later['ids'][0]}")
    again = post(api, JOBS, message="Again", sender="ExampleTel", receivers=[FR], differedPeriod=1)
    assert again["ids"][0] > ids[-1], "a deleted job's id is not given again"
    world_clock.advance(60)
    newest = api.get(f"/sms/{MAIN}/outgoing")[0]
    assert newest > again["ids"][0], "the SMS a job leaves as has an id of its own"
    assert api.get(f"/sms/{MAIN}/outgoing/{newest}")["message"] == "Again"


@pytest.mark.parametrize(
    ("receiver", "credits", "tariff"),
    [("+12025550100", 0.6, "US"), ("+34612345678", 1.2, "ES"), ("+81312345678", 3.0, "")],
)
def test_each_destination_costs_what_the_rates_say(api, receiver, credits, tariff):
    report = post(api, JOBS, message="Hi", sender="ExampleTel", receivers=[receiver])
    assert report["totalCreditsRemoved"] == credits
    sms = api.get(f"/sms/{MAIN}/outgoing/{report['ids'][0]}")
    assert (sms["credits"], sms["tariffCode"]) == (credits, tariff)


def test_gsm_extension_characters_take_two_septets(api):
    report = post(api, JOBS, message="€" * 100, sender="ExampleTel", receivers=["+34612345678"])
    assert report["totalCreditsRemoved"] == 2.4, "200 septets: 2 parts of 1.2"


def test_a_due_job_is_in_the_export(api, world_clock, sim):
    post(api, JOBS, message="Exported", sender="ExampleTel", receivers=[FR], differedPeriod=1)
    world_clock.advance(60)
    document = api.get(f"/sms/{MAIN}/document", wayType="outgoing")
    world_clock.advance(sim.world.sms.behaviour.document_delay)
    url = api.get(f"/me/document/{document}")["getUrl"]
    assert "Exported" in requests.get(url, timeout=5).text
