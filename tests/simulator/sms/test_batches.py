"""Batches and OVHcloud's tasks: the demo's, their statistics, a deferred batch sent when its
time comes, renaming, cancelling and deleting, filters, and 404s."""

from __future__ import annotations

import pytest
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms.times import DAY
from tests.simulator.sms.conftest import MAIN, Checked

BATCHES = f"/sms/{MAIN}/batches"
TASKS = f"/sms/{MAIN}/task"


def _by_status(api) -> dict[str, dict]:
    return {batch["status"]: batch for batch in api.get(BATCHES)}


def test_the_demo_has_a_sent_a_deferred_and_a_canceled_batch(api):
    batches = _by_status(api)
    assert set(batches) == {"COMPLETED", "PENDING", "CANCELED"}
    for batch in batches.values():
        assert api.get(f"{BATCHES}/{batch['id']}") == batch
    sent = api.get(f"{BATCHES}/{batches['COMPLETED']['id']}/statistics")
    assert (sent["sent"], sent["delivered"], sent["failed"], sent["stoplisted"]) == (5, 4, 1, 1)
    assert batches["COMPLETED"]["errors"][0]["receiver"] == batches["COMPLETED"]["receivers"][-1]
    waiting = api.get(f"{BATCHES}/{batches['PENDING']['id']}/statistics")
    assert (waiting["pending"], waiting["sent"], waiting["credits"]) == (5, 0, 0.0)


def test_batches_expand(api):
    page, headers = api.page(BATCHES, 2, 1, BATCHES + "/{id}")
    assert page == api.get(BATCHES)[:2]
    assert headers["X-Pagination-Elements"] == "3"


def test_a_deferred_batch_is_sent_when_its_time_comes(api, world_clock, make_client):
    pending = _by_status(api)["PENDING"]["id"]
    world_clock.advance(3 * DAY)
    later = Checked(make_client())  # a client measures its time offset once
    batch = later.get(f"{BATCHES}/{pending}")
    assert (batch["status"], batch["processedRecords"]) == ("COMPLETED", 5)
    assert later.get(f"{BATCHES}/{pending}/statistics")["delivered"] == 3
    with pytest.raises(ovh_errors.BadParametersError, match="this one is COMPLETED"):
        later.post(f"{BATCHES}/{pending}/cancel")


def test_cancel_rename_and_delete(api):
    pending = _by_status(api)["PENDING"]["id"]
    canceled = api.post(f"{BATCHES}/{pending}/cancel")
    assert (canceled["status"], canceled["sentAt"]) == ("CANCELED", None)
    assert api.get(f"{BATCHES}/{pending}/statistics")["pending"] == 0
    assert api.put(f"{BATCHES}/{pending}", name="Survey, later")["name"] == "Survey, later"
    with pytest.raises(ovh_errors.BadParametersError, match="Missing name"):
        api.put(f"{BATCHES}/{pending}", title="x")
    assert api.delete(f"{BATCHES}/{pending}") is None
    assert pending not in [batch["id"] for batch in api.get(BATCHES)]
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{BATCHES}/{pending}/statistics")
    assert caught.value.response.json() == {
        "class": "Client::NotFound",
        "message": f"The requested object (id = {pending}) does not exist",
    }


def test_tasks_filter_by_status_and_expand(api):
    tasks = api.get(TASKS)
    assert len(tasks) == 3
    statuses = {api.get(f"{TASKS}/{task}")["status"]: task for task in tasks}
    assert api.get(TASKS, status="doing") == [statuses["doing"]]
    assert api.get(TASKS, status="error") == []
    page, _ = api.page(TASKS, 10, 1, TASKS + "/{taskId}")
    assert [task["taskId"] for task in page] == tasks
    with pytest.raises(ovh_errors.BadParametersError, match="one of doing, done, error"):
        api.get(TASKS, status="finished")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"{TASKS}/1")


def test_another_customers_batches_and_tasks_do_not_exist(api, other_api):
    batch = api.get(BATCHES)[0]["id"]
    for path in (BATCHES, f"{BATCHES}/{batch}", TASKS):
        with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
            other_api.get(path)
        assert caught.value.response.json()["message"] == "This service does not exist"
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.delete(f"{BATCHES}/{batch}")
