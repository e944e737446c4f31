"""SMS users, jobs and receiver lists: created, read, changed and deleted through an unmodified
`ovh.Client`, each answer validated; a user's quota holds the account's credits."""

from __future__ import annotations

import dataclasses

import pytest
from ovh import exceptions as ovh_errors

from tests.handsigned import signed
from tests.simulator.sms.conftest import CLASSIC, MAIN, OTHERS

USERS = f"/sms/{MAIN}/users"


def test_a_created_user_reads_back_and_a_deleted_one_is_gone(api):
    assert api.post(USERS, login="shop-eu", password="s3cret-Pass") is None
    assert "shop-eu" in api.get(USERS)
    user = api.get(f"{USERS}/shop-eu")
    assert user["login"] == "shop-eu"
    assert user["quotaInformations"] == {"quotaLeft": 0.0, "quotaStatus": "inactive"}
    api.delete(f"{USERS}/shop-eu")
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{USERS}/shop-eu")
    assert caught.value.response.json()["message"] == (
        "The requested object (login = shop-eu) does not exist"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"login": "x", "password": "s3cret-Pass"}, "Invalid login 'x': 3 to 20 letters"),
        ({"login": "shop", "password": "short"}, "Invalid password: 8 to 32 printable"),
        ({"login": "shop"}, "login and password are required"),
    ],
)
def test_a_bad_user_is_refused_saying_what_is_accepted(api, body, message):
    with pytest.raises(ovh_errors.BadParametersError) as caught:
        api.post(USERS, **body)
    assert message in caught.value.response.json()["message"]
    assert "shop" not in api.get(USERS)


def test_a_login_taken_is_a_conflict(api):
    with pytest.raises(ovh_errors.ResourceConflictError):
        api.post(USERS, login="webshop", password="s3cret-Pass")


def test_a_quota_holds_credits_of_the_account(api, world):
    account = api.get(f"/sms/{CLASSIC}")
    assert (account["userQuantityWithQuota"], account["creditsHoldByQuota"]) == (2, 300.0)
    logins = api.get(f"/sms/{CLASSIC}/users")
    assert [api.get(f"/sms/{CLASSIC}/users/{login}")["quotaInformations"] for login in logins] == [
        {"quotaLeft": 150.0, "quotaStatus": "active"}
    ] * 2
    api.put(f"{USERS}/webshop", quotaInformations={"quotaStatus": "active", "quotaLeft": 75.5})
    account = api.get(f"/sms/{MAIN}")
    assert (account["userQuantityWithQuota"], account["creditsHoldByQuota"]) == (1, 75.5)
    api.put(f"{USERS}/webshop", quotaInformations={"quotaStatus": "inactive"})
    assert api.get(f"/sms/{MAIN}")["userQuantityWithQuota"] == 0


def test_a_user_change_is_checked_and_kept(api):
    api.put(
        f"{USERS}/webshop",
        callBack="https://shop.example/sms",
        ipRestrictions=["192.0.2.0/24"],
        alertThresholdInformations={
            "alertThreshold": 20,
            "support": "sms",
            "alertNumber": "+33600",
        },
    )
    user = api.get(f"{USERS}/webshop")
    assert user["callBack"] == "https://shop.example/sms"
    assert user["ipRestrictions"] == ["192.0.2.0/24"]
    assert user["alertThresholdInformations"]["support"] == "sms"
    with pytest.raises(ovh_errors.BadParametersError) as caught:
        api.put(f"{USERS}/webshop", alertThresholdInformations={"support": "pigeon"})
    assert "one of both, mail, sms" in caught.value.response.json()["message"]


def test_a_users_history_is_its_own_and_filters(api):
    sent = api.get(f"{USERS}/webshop/outgoing")
    assert sent
    assert not set(sent) & set(api.get(f"/sms/{MAIN}/outgoing"))
    first = api.get(f"{USERS}/webshop/outgoing/{sent[0]}")
    assert api.get(f"{USERS}/webshop/outgoing", receiver=first["receiver"])[0] == sent[0]
    api.get(f"{USERS}/webshop/outgoing/{sent[0]}/hlr")
    api.delete(f"{USERS}/webshop/outgoing/{sent[0]}")
    assert sent[0] not in api.get(f"{USERS}/webshop/outgoing")
    document = api.get(f"{USERS}/webshop/document", wayType="outgoing")
    assert api.get(f"/me/document/{document}")["name"] == f"{MAIN}-webshop-outgoing.csv"


def test_jobs_wait_and_a_deleted_job_is_cancelled(api):
    jobs = api.get(f"/sms/{MAIN}/jobs")
    assert len(jobs) == 3
    job = api.get(f"/sms/{MAIN}/jobs/{jobs[0]}")
    assert (job["sentAt"], job["ptt"], job["differedDelivery"]) == (None, 254, 1440)
    api.delete(f"/sms/{MAIN}/jobs/{jobs[0]}")
    assert api.get(f"/sms/{MAIN}/jobs") == jobs[1:]
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"/sms/{MAIN}/jobs/{jobs[0]}")


def test_receiver_lists_read_as_csv_change_and_go(api):
    assert api.get(f"/sms/{MAIN}/receivers") == [1, 2]
    paris = api.get(f"/sms/{MAIN}/receivers/1")
    csv = api.get(f"/sms/{MAIN}/receivers/1/csv")
    assert len(csv.splitlines()) == paris["records"] == 25
    with pytest.raises(ovh_errors.BadParametersError) as caught:
        api.put(f"/sms/{MAIN}/receivers/1", autoUpdate=True)
    assert "only for a list imported from a csvUrl" in caught.value.response.json()["message"]
    api.put(f"/sms/{MAIN}/receivers/1", description="Customers, Lyon")
    assert api.get(f"/sms/{MAIN}/receivers/1")["description"] == "Customers, Lyon"
    api.delete(f"/sms/{MAIN}/receivers/1")
    assert api.get(f"/sms/{MAIN}/receivers") == [2]


def test_another_customers_users_do_not_exist(other_api):
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.get(f"{USERS}/webshop")
    assert other_api.get(f"/sms/{OTHERS}/users") == []


def test_a_refused_change_changes_nothing(api):
    before = api.get(f"{USERS}/webshop")
    with pytest.raises(ovh_errors.BadParametersError):
        api.put(f"{USERS}/webshop", password="Changed-123", quotaInformations={"quotaLeft": -1})
    assert api.get(f"{USERS}/webshop") == before


def test_nan_and_infinity_are_not_json(api, sim, customers):
    keys = dataclasses.asdict(customers[0].keys)
    for text in (
        '{"quotaInformations": {"quotaLeft": NaN}}',
        '{"quotaInformations": {"quotaLeft": 1e309}}',
    ):
        url = f"{sim.endpoint}{USERS}/webshop"
        response = signed("PUT", url, body=text, timestamp=int(sim.world.now()), **keys)
        assert (response.status_code, response.json()["message"]) == (400, "Invalid JSON received")
    assert api.get(f"/sms/{MAIN}")["creditsHoldByQuota"] == 0
