"""The headers OVHcloud's control panel sends with list and object routes: `X-Ovh-Batch`, and on
expanded lists `X-Pagination-Filter` and `X-Pagination-Sort` / `-Sort-Order`; each through an
unmodified `ovh.Client`, each object validated against the schema."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from smpp_tui.simulator import batch
from tests.schema import validate_response
from tests.simulator.sms.conftest import FULL, MAIN

EXPANDED = {"X-Pagination-Mode": "CachedObjectList-Pages"}


def call(api, path: str, headers: dict[str, str], method: str = "GET") -> tuple[int, Any, Any]:
    response = api.client.raw_call(method, path, headers=headers)
    return response.status_code, response.json(), response.headers


def expanded(api, path: str, **headers: str) -> list[dict[str, Any]]:
    status, body, _ = call(
        api, path, EXPANDED | {k.replace("_", "-"): v for k, v in headers.items()}
    )
    assert status == 200, body
    return body


# X-Ovh-Batch


def test_a_batch_of_three_outgoing_ids_answers_three_items(api):
    ids = api.get(f"/sms/{FULL}/outgoing")[:3]
    status, items, _ = call(
        api, f"/sms/{FULL}/outgoing/{','.join(map(str, ids))}", {"X-Ovh-Batch": ","}
    )
    assert status == 200
    assert [item["key"] for item in items] == [str(i) for i in ids]
    assert [item["value"] for item in items] == [api.get(f"/sms/{FULL}/outgoing/{i}") for i in ids]
    assert [item["error"] for item in items] == [None, None, None]
    for item in items:
        validate_response("GET", f"/sms/{FULL}/outgoing/{item['key']}", item["value"])


def test_each_id_of_a_batch_carries_its_own_error(api):
    first = api.get(f"/sms/{FULL}/outgoing")[0]
    status, items, _ = call(api, f"/sms/{FULL}/outgoing/{first},1,latest", {"X-Ovh-Batch": ","})
    assert status == 200
    assert items[0]["value"]["id"] == first
    assert items[1] == {
        "key": "1",
        "value": None,
        "error": "The requested object (id = 1) does not exist",
    }
    assert items[2]["value"] is None
    assert "integer" in items[2]["error"]


def test_senders_batch_with_a_bar_as_the_panel_asks(api):
    names = ["ExampleTel", "+33612345678", "38200"]
    piece = quote("|".join(names), safe="")  # `|` travels encoded, as a browser sends it
    status, items, _ = call(api, f"/sms/{MAIN}/senders/{piece}", {"X-Ovh-Batch": "|"})
    assert status == 200
    assert [item["value"]["sender"] for item in items] == names
    assert [item["key"] for item in items] == names


@pytest.mark.parametrize(
    ("method", "path", "separator", "message"),
    [
        ("GET", f"/sms/{MAIN}/senders", ",", "ends with an id"),
        ("DELETE", f"/sms/{MAIN}/senders/A,B", ",", "GET only"),
        ("GET", f"/sms/{MAIN}/senders/A,B", "ab", "one separator"),
    ],
)
def test_a_request_that_cannot_be_a_batch_is_refused_saying_why(
    api, world, method, path, separator, message
):
    senders = dict(world.sms.accounts[MAIN].senders)
    status, body, _ = call(api, path, {"X-Ovh-Batch": separator}, method)
    assert status == 400
    assert body["class"] == "Client::BadRequest"
    assert message in body["message"]
    assert world.sms.accounts[MAIN].senders == senders, "nothing was deleted"


# X-Pagination-Filter


def test_filters_combine_and_count_in_the_pagination_headers(api):
    senders = [
        api.get(f"/sms/{MAIN}/senders/{quote(name, safe='')}")
        for name in api.get(f"/sms/{MAIN}/senders")
    ]
    status, page, headers = call(
        api,
        f"/sms/{MAIN}/senders",
        EXPANDED | {"X-Pagination-Filter": "status:eq=enable&type:eq=alpha"},
    )
    assert status == 200
    wanted = [s for s in senders if s["status"] == "enable" and s["type"] == "alpha"]
    assert page == wanted
    assert len(wanted) >= 2
    assert headers["X-Pagination-Elements"] == str(len(wanted))


def test_like_in_ne_and_numbers(api):
    names = [
        item["sender"]
        for item in expanded(api, f"/sms/{MAIN}/senders", X_Pagination_Filter="sender:like=%25tel")
    ]
    assert names == ["ExampleTel"], "like is case-insensitive, % any run"
    picked = expanded(
        api, f"/sms/{MAIN}/senders", X_Pagination_Filter="sender:in=PROMO,38200,Nobody"
    )
    assert sorted(item["sender"] for item in picked) == ["38200", "PROMO"]
    others = expanded(api, f"/sms/{MAIN}/senders", X_Pagination_Filter="status:ne=enable")
    assert others
    assert all(item["status"] != "enable" for item in others)
    rich = expanded(api, "/sms", X_Pagination_Filter="creditsLeft:gt=100")
    every = expanded(api, "/sms")
    assert [a["name"] for a in rich] == [a["name"] for a in every if a["creditsLeft"] > 100]
    assert 0 < len(rich) < len(every)


def test_a_dotted_field_and_a_date_range(api):
    named = expanded(
        api,
        "/sms",
        X_Pagination_Filter=f"iam.displayName:eq={quote(api.get(f'/sms/{MAIN}')['description'])}",
    )
    assert [account["name"] for account in named] == [MAIN]
    ids = api.get(f"/sms/{FULL}/outgoing")
    newest = api.get(f"/sms/{FULL}/outgoing/{ids[0]}")["creationDatetime"]
    day = newest[:10]
    same_day = expanded(
        api,
        f"/sms/{FULL}/outgoing",
        X_Pagination_Filter=f"creationDatetime:gt={day}&creationDatetime:lt={day}T23:59:59.999%2B99:99",
        X_Pagination_Size="5000",
    )
    assert same_day
    assert all(item["creationDatetime"].startswith(day) for item in same_day)
    assert same_day[0]["id"] == ids[0]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (
            {"X-Pagination-Filter": "colour:eq=red"},
            "Unknown field 'colour' in X-Pagination-Filter: one of comment,",
        ),
        (
            {"X-Pagination-Filter": "status:is=enable"},
            "operator 'is': one of eq, ne, lt, gt, like, in",
        ),
        ({"X-Pagination-Filter": "status=enable"}, "FIELD:OPERATOR=VALUE"),
        ({"X-Pagination-Sort": "colour"}, "Unknown field 'colour' in X-Pagination-Sort"),
        ({"X-Pagination-Sort": "sender", "X-Pagination-Sort-Order": "UP"}, "ASC or DESC"),
    ],
)
def test_an_unknown_field_or_a_bad_header_is_a_400_saying_what_is_accepted(api, headers, message):
    status, body, _ = call(api, f"/sms/{MAIN}/senders", EXPANDED | headers)
    assert status == 400
    assert body["class"] == "Client::BadRequest"
    assert message in body["message"]


# X-Pagination-Sort


def test_sort_either_way_then_pages(api):
    up = expanded(api, f"/sms/{MAIN}/senders", X_Pagination_Sort="sender")
    assert [s["sender"] for s in up] == sorted(s["sender"] for s in up)
    down = expanded(
        api, f"/sms/{MAIN}/senders", X_Pagination_Sort="sender", X_Pagination_Sort_Order="DESC"
    )
    assert down == up[::-1]
    second = expanded(
        api,
        f"/sms/{MAIN}/senders",
        X_Pagination_Sort="sender",
        X_Pagination_Size="2",
        X_Pagination_Number="2",
    )
    assert second == up[2:4]


def test_sorting_outgoing_by_a_number_keeps_nulls_last(api):
    rows = expanded(api, f"/sms/{FULL}/outgoing", X_Pagination_Sort="ptt", X_Pagination_Size="5000")
    codes = [row["ptt"] for row in rows]
    assert codes == sorted(codes, key=lambda code: (code is None, code or 0))
    assert len(set(codes)) > 2


def test_without_the_expanded_mode_filter_and_sort_are_ignored_as_on_ovhcloud(api):
    status, ids, headers = call(
        api, f"/sms/{MAIN}/senders", {"X-Pagination-Filter": "status:eq=enable"}
    )
    assert status == 200
    assert ids == api.get(f"/sms/{MAIN}/senders")
    assert "X-Pagination-Elements" not in headers


def test_each_id_of_a_batch_meets_the_keys_access_rules(api, world, customers):
    credential = world.credentials[customers[0].keys.consumer_key]
    credential.rules = [{"method": "GET", "path": f"/sms/{MAIN}"}]
    status, items, _ = call(api, f"/sms/{MAIN},{FULL}", {"X-Ovh-Batch": ","})
    assert status == 200
    assert items[0]["value"]["name"] == MAIN
    assert items[1] == {"key": FULL, "value": None, "error": "This call has not been granted"}
    credential.rules = [{"method": "GET", "path": f"/sms/{FULL}"}]
    assert call(api, f"/sms/{MAIN}", {})[0] == 403, "the same key, without a batch"


def test_an_encoded_comma_belongs_to_the_id_an_encoded_bar_separates(api, world):
    status, items, _ = call(api, f"/sms/{MAIN}/senders/Acme%2CCo,ExampleTel", {"X-Ovh-Batch": ","})
    assert status == 200
    assert [item["key"] for item in items] == ["Acme,Co", "ExampleTel"]
    assert items[0]["error"] == "The requested object (sender = Acme,Co) does not exist"
    status, items, _ = call(
        api, f"/sms/{MAIN}/senders/PROMO%7CExampleTel%7C38200", {"X-Ovh-Batch": "|"}
    )
    assert [item["value"]["sender"] for item in items] == ["PROMO", "ExampleTel", "38200"]


def test_an_encoded_separator_splits_in_either_case():
    assert batch._split("A%7cB%7CC|D", "|") == ["A", "B", "C", "D"]
    assert batch._split("A%2cB,C", ",") == ["A%2cB", "C"]


@pytest.mark.parametrize("order", ["ASC", "DESC"])
def test_nulls_sort_last_either_way(api, order):
    rows = expanded(
        api,
        f"/sms/{FULL}/outgoing",
        X_Pagination_Sort="deliveredAt",
        X_Pagination_Sort_Order=order,
        X_Pagination_Size="5000",
    )
    moments = [row["deliveredAt"] for row in rows]
    known = [moment for moment in moments if moment is not None]
    assert 0 < len(known) < len(moments)
    assert moments == [
        *sorted(known, reverse=order == "DESC"),
        *[None] * (len(moments) - len(known)),
    ]


def test_dates_compare_as_moments_whatever_their_offsets(api):
    path, newest = (
        f"/sms/{FULL}/outgoing",
        api.get(f"/sms/{FULL}/outgoing/{api.get(f'/sms/{FULL}/outgoing')[0]}"),
    )
    day = newest["creationDatetime"][:10]
    utc = expanded(
        api,
        path,
        X_Pagination_Filter=f"creationDatetime:gt={day}T00:00:00%2B00:00",
        X_Pagination_Size="5000",
    )
    paris = expanded(
        api,
        path,
        X_Pagination_Filter=f"creationDatetime:gt={day}T02:00:00%2B02:00",
        X_Pagination_Size="5000",
    )
    assert utc
    assert utc == paris


def test_not_a_number_is_no_number(api):
    rows = expanded(api, f"/sms/{MAIN}/senders", X_Pagination_Filter="sender:eq=nan")
    assert rows == []
    status, body, _ = call(api, "/sms", EXPANDED | {"X-Pagination-Filter": "creditsLeft:gt=nan"})
    assert (status, body) == (200, [])


def test_a_dotted_field_is_checked_to_its_last_name(api):
    status, body, _ = call(api, "/sms", EXPANDED | {"X-Pagination-Filter": "iam.nope:eq=x"})
    assert status == 400
    assert body["message"].startswith("Unknown field 'iam.nope' in X-Pagination-Filter: one of ")
    assert call(api, "/sms", EXPANDED | {"X-Pagination-Sort": "iam.urn"})[0] == 200
