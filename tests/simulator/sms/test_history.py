"""Outgoing and incoming history: filters, date ranges, paging, deletes, export, PTT, HLR."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests
from ovh import exceptions as ovh_errors

from tests.simulator.sms.conftest import FULL, START

OUT = f"/sms/{FULL}/outgoing"


@pytest.fixture
def records(world) -> list:
    """Every outgoing SMS of the account, newest first, straight from the world."""
    history = world.sms.accounts[FULL].traffic.outgoing
    return history.records(history.query())


def test_ids_are_newest_first_and_grow_with_time(api, records):
    ids = api.get(OUT)
    assert ids == [record.id for record in records]
    assert ids == sorted(ids, reverse=True)
    times = [record.created for record in records]
    assert times == sorted(times, reverse=True)


def test_each_equality_filter_filters(api, records):
    failed = next(r for r in records if r.ptt == 3)
    batched = next(r for r in records if r.batch_id)
    filters = [
        ("sender", "sender", failed.sender),
        ("receiver", "receiver", failed.receiver),
        ("ptt", "ptt", 3),
        ("deliveryReceipt", "delivery_receipt", 0),
        ("tag", "tag", "otp"),
        ("batchID", "batch_id", batched.batch_id),
        ("messageID", "message_id", failed.message_id),
    ]
    for name, attribute, value in filters:
        expected = [r.id for r in records if getattr(r, attribute) == value]
        assert api.get(OUT, **{name: value}) == expected != [], name


def test_filters_combine_with_a_date_range(api, records):
    since = datetime.fromtimestamp(START, UTC) - timedelta(days=20)
    until = since + timedelta(days=10)
    expected = [
        r.id
        for r in records
        if r.ptt == 0
        and r.sender == "ExampleTel"
        and since.timestamp() <= r.created <= until.timestamp()
    ]
    answer = api.get(
        OUT,
        ptt=0,
        sender="ExampleTel",
        **{"creationDatetime.from": since.isoformat(), "creationDatetime.to": until.isoformat()},
    )
    assert answer == expected != []
    midnight = datetime.combine(since.date(), datetime.min.time(), UTC)
    only_dates = api.get(OUT, **{"creationDatetime.from": since.date().isoformat()})
    assert only_dates == [r.id for r in records if r.created >= midnight.timestamp()]


def test_no_match_and_bad_filters(api):
    assert api.get(OUT, receiver="+10000000000") == []
    assert api.get(OUT, **{"creationDatetime.from": "2030-01-01"}) == []
    with pytest.raises(ovh_errors.BadParametersError, match="integer"):
        api.get(OUT, ptt="zero")
    with pytest.raises(ovh_errors.BadParametersError, match="ISO 8601"):
        api.get(OUT, **{"creationDatetime.from": "yesterday"})


def test_ptt_and_delivery_receipt_agree(records):
    assert all((r.ptt == 0) == (r.delivery_receipt == 1) for r in records)
    assert all((r.delivered_at is not None) == (r.ptt == 0) for r in records)
    assert all(r.ptt != 254 or r.created > START - 2 * 86_400 for r in records)


def test_pages_cover_the_list_in_order(api):
    ids = api.get(OUT, ptt=0)
    pages = [api.page(f"{OUT}?ptt=0", 300, n, OUT + "/{id}", stride=50) for n in (1, 2, 99)]
    assert [item["id"] for item in pages[0][0] + pages[1][0]] == ids[:600]
    assert pages[2][0] == []
    assert pages[0][1]["X-Pagination-Elements"] == str(len(ids))


def test_bad_page_headers_are_400s(api):
    response = api.client.raw_call(
        "GET",
        OUT,
        headers={"X-Pagination-Mode": "CachedObjectList-Pages", "X-Pagination-Size": "0"},
    )
    assert response.status_code == 400


def test_a_delete_leaves_every_index_right(api, records):
    victim = next(r for r in records if r.ptt == 53)
    by_receiver = api.get(OUT, receiver=victim.receiver)
    api.get(OUT, ptt=53)  # builds the ptt index before the delete
    api.delete(f"{OUT}/{victim.id}")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.get(f"{OUT}/{victim.id}")
    assert victim.id not in api.get(OUT, ptt=53)
    assert api.get(OUT, receiver=victim.receiver) == [i for i in by_receiver if i != victim.id]
    assert len(api.get(OUT)) == len(records) - 1


def test_incoming_filters_and_deletes(api):
    path = f"/sms/{FULL}/incoming"
    ids = api.get(path)
    first = api.get(f"{path}/{ids[0]}")
    same_sender = api.get(path, sender=first["sender"])
    assert ids[0] in same_sender
    assert all(api.get(f"{path}/{i}")["sender"] == first["sender"] for i in same_sender)
    api.delete(f"{path}/{ids[0]}")
    assert api.get(path) == ids[1:]


def test_the_blacklist_follows_stop_messages(api):
    path = f"/sms/{FULL}/blacklists"
    numbers = api.get(path)
    entry = api.get(f"{path}/{numbers[0].replace('+', '%2B')}")
    assert api.get(f"{OUT}/{entry['smsOutgoingID']}")["ptt"] == 53
    assert api.get(path, smsOutgoingID=entry["smsOutgoingID"]) == [numbers[0]]


def test_the_hlr_of_a_french_number(api):
    french = api.get(OUT)[0:50]
    hlr = [api.get(f"{OUT}/{i}/hlr") for i in french]
    assert {"France", "Belgium", "Switzerland", "United Kingdom"} >= {h["country"] for h in hlr}


def test_the_export_is_ready_after_the_delay_and_served_as_csv(api, sim, world, world_clock):
    world.sms.behaviour.document_delay = 10
    since = (datetime.fromtimestamp(START, UTC) - timedelta(days=7)).isoformat()
    document_id = api.get(
        f"/sms/{FULL}/document", wayType="outgoing", **{"creationDatetime.from": since}
    )
    document = api.get(f"/me/document/{document_id}")
    assert document["size"] == 0
    assert requests.get(document["getUrl"], timeout=5).status_code == 404
    world_clock.advance(10)
    document = api.get(f"/me/document/{document_id}")
    csv = requests.get(document["getUrl"], timeout=5)
    assert csv.status_code == 200
    assert csv.headers["Content-Type"].startswith("text/csv")
    assert len(csv.content) == document["size"] > 0
    rows = csv.text.splitlines()
    expected = api.get(f"/sms/{FULL}/outgoing", **{"creationDatetime.from": since})
    assert rows[0].startswith("id,creationDatetime")
    assert len(rows) - 1 == len(expected)


def test_an_export_needs_a_way_and_belongs_to_its_customer(api, other_api):
    with pytest.raises(ovh_errors.BadParametersError, match="incoming, outgoing"):
        api.get(f"/sms/{FULL}/document")
    document_id = api.get(f"/sms/{FULL}/document", wayType="incoming")
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.get(f"/me/document/{document_id}")
    assert other_api.get("/me/document") == []
