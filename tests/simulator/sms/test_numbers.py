"""Virtual numbers: `/sms/virtualNumbers` is its own route (not an account named so), each
number a service, attached to one account with its history, jobs and chat access."""

from __future__ import annotations

import pytest
from ovh import exceptions as ovh_errors

from tests.simulator.sms.conftest import FULL, MAIN, OTHERS

FR, BE, UK = "33644001122", "32470001122", "447700900123"


def test_the_customers_numbers_are_a_route_of_their_own(api, other_api):
    assert api.get("/sms/virtualNumbers") == [BE, FR, UK]
    assert other_api.get("/sms/virtualNumbers") == ["33644009988"]
    assert api.get(f"/sms/virtualNumbers/{FR}") == {"number": FR, "countryCode": "fr"}
    assert api.get(f"/sms/virtualNumbers/{FR}/serviceInfos")["domain"] == FR
    page, headers = api.page("/sms/virtualNumbers", 2, 1, "/sms/virtualNumbers/{number}")
    assert headers["X-Pagination-Elements"] == "3"
    assert [item["number"] for item in page] == [BE, FR]
    assert page[0]["iam"]["urn"] == f"urn:v1:eu:resource:smsVirtualNumbers:{BE}"
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.get(f"/sms/virtualNumbers/{FR}")


def test_an_account_lists_the_numbers_attached_to_it(api, other_api):
    assert api.get(f"/sms/{MAIN}/virtualNumbers") == [BE, FR]
    assert api.get(f"/sms/{FULL}/virtualNumbers") == [UK]
    assert api.get(f"/sms/{MAIN}/virtualNumbers/{BE}")["countryCode"] == "be"
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"/sms/{FULL}/virtualNumbers/{FR}")
    assert caught.value.response.json()["message"] == (
        f"The requested object (number = {FR}) does not exist"
    )
    assert other_api.get(f"/sms/{OTHERS}/virtualNumbers") == ["33644009988"]


def test_a_numbers_history_and_jobs(api):
    base = f"/sms/{MAIN}/virtualNumbers/{FR}"
    sent, received = api.get(f"{base}/outgoing"), api.get(f"{base}/incoming")
    assert sent
    assert received
    api.get(f"{base}/outgoing/{sent[0]}")
    api.get(f"{base}/outgoing/{sent[0]}/hlr")
    api.get(f"{base}/incoming/{received[0]}")
    api.delete(f"{base}/incoming/{received[0]}")
    assert received[0] not in api.get(f"{base}/incoming")
    jobs = api.get(f"{base}/jobs")
    assert "sender" not in api.get(f"{base}/jobs/{jobs[0]}"), "a sms.VirtualNumberJob"


def test_chat_access_is_created_once_then_removed(api):
    base = f"/sms/{MAIN}/virtualNumbers/{FR}/chatAccess"
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(base)
    access = api.post(base)
    assert access["url"].startswith("https://")
    assert api.get(base) == access
    with pytest.raises(ovh_errors.ResourceConflictError):
        api.post(base)
    api.delete(base)
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(base)
