"""Phonebooks and their contacts: the demo's, expanded pages, writes that later reads see, bodies
checked against the schema, the CSV export, and 404s as OVHcloud words them."""

from __future__ import annotations

import re

import pytest
import requests
from ovh import exceptions as ovh_errors

from tests.schema import validate_request
from tests.simulator.sms.conftest import FULL, MAIN, WAITING

BOOKS = f"/sms/{MAIN}/phonebooks"


def _first_book(api) -> str:
    return api.get(BOOKS)[0]


def test_the_demo_has_two_phonebooks_of_three_to_five_contacts(api):
    keys = api.get(BOOKS)
    assert len(keys) == 2
    for key in keys:
        assert api.get(f"{BOOKS}/{key}")["bookKey"] == key
        contacts = api.get(f"{BOOKS}/{key}/phonebookContact")
        assert 3 <= len(contacts) <= 5
        for contact_id in contacts:
            api.get(f"{BOOKS}/{key}/phonebookContact/{contact_id}")


def test_phonebooks_and_contacts_expand(api):
    key = _first_book(api)
    page, headers = api.page(BOOKS, 10, 1, BOOKS + "/{bookKey}")
    assert [book["bookKey"] for book in page] == api.get(BOOKS)
    assert headers["X-Pagination-Elements"] == "2"
    contacts = f"{BOOKS}/{key}/phonebookContact"
    page, headers = api.page(contacts, 2, 1, contacts + "/{id}")
    assert [contact["id"] for contact in page] == api.get(contacts)[:2]
    assert page[0] == api.get(f"{contacts}/{page[0]['id']}")


def test_a_new_phonebook_is_listed_renamed_and_deleted(api):
    validate_request("POST", BOOKS, {"name": "Suppliers"})
    key = api.post(BOOKS, name="Suppliers")
    assert key in api.get(BOOKS)
    assert api.get(f"{BOOKS}/{key}")["name"] == "Suppliers"
    assert api.get(f"{BOOKS}/{key}/phonebookContact") == []
    assert api.put(f"{BOOKS}/{key}", name="Key suppliers", bookKey="ignored") is None
    assert api.get(f"{BOOKS}/{key}")["name"] == "Key suppliers"
    assert api.delete(f"{BOOKS}/{key}") is None
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{BOOKS}/{key}")
    assert caught.value.response.json() == {
        "class": "Client::NotFound",
        "message": f"The requested object (bookKey = {key}) does not exist",
    }


def test_a_contact_is_created_read_changed_and_deleted(api):
    contacts = f"{BOOKS}/{_first_book(api)}/phonebookContact"
    body = {"name": "Nina", "surname": "Roux", "group": "Customers", "homeMobile": "+33639980099"}
    validate_request("POST", contacts, body)
    contact_id = api.post(contacts, **body)
    assert contact_id in api.get(contacts)
    assert api.get(f"{contacts}/{contact_id}") == {
        "id": contact_id,
        **body,
        "homePhone": None,
        "workMobile": None,
        "workPhone": None,
    }
    api.put(f"{contacts}/{contact_id}", group="VIP", homeMobile=None, workPhone="+33199001099")
    changed = api.get(f"{contacts}/{contact_id}")
    assert (changed["group"], changed["homeMobile"], changed["workPhone"]) == (
        "VIP",
        None,
        "+33199001099",
    )
    api.delete(f"{contacts}/{contact_id}")
    assert contact_id not in api.get(contacts)
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{contacts}/{contact_id}")
    assert caught.value.response.json()["message"] == (
        f"The requested object (id = {contact_id}) does not exist"
    )


BAD_CONTACTS = [
    ({"name": "Nina", "group": "Customers"}, "Missing surname. Send an object with group, name"),
    ({"name": "Nina", "surname": "Roux", "group": 3}, "Invalid group 3: a text"),
    (
        {"name": "Nina", "surname": "Roux", "group": "VIP", "homeMobile": "0639980099"},
        "homeMobile '0639980099': an international number, + and 1 to 15 digits",
    ),
]


def test_bad_contact_bodies_are_400s_that_say_what_is_accepted(api):
    contacts = f"{BOOKS}/{_first_book(api)}/phonebookContact"
    before = api.get(contacts)
    for body, says in BAD_CONTACTS:
        with pytest.raises(ovh_errors.BadParametersError, match=re.escape(says)):
            api.post(contacts, **body)
    with pytest.raises(ovh_errors.BadParametersError, match="optionally homeMobile, homePhone"):
        api.post(contacts)
    with pytest.raises(ovh_errors.BadParametersError, match=r"workPhone \[\]: .*, or null"):
        api.put(f"{contacts}/{before[0]}", workPhone=[])
    with pytest.raises(ovh_errors.BadParametersError, match="Missing name"):
        api.post(BOOKS, title="Suppliers")
    assert api.get(contacts) == before


def test_the_export_is_a_csv_of_the_contacts(api, sim):
    key = _first_book(api)
    pcs = api.get(f"{BOOKS}/{key}/export", format="csv")
    assert pcs["status"] == "done"
    assert pcs["filename"] == f"phonebook-{key}.csv"
    lines = requests.get(pcs["url"], timeout=5).text.splitlines()
    assert lines[0] == "surname,name,group,homeMobile,homePhone,workMobile,workPhone"
    assert len(lines) == 1 + len(api.get(f"{BOOKS}/{key}/phonebookContact"))
    assert "Martin,Claire,VIP,+33639980001,,," in lines
    with pytest.raises(ovh_errors.BadParametersError, match="format is required: one of csv"):
        api.get(f"{BOOKS}/{key}/export")


def test_unknown_books_and_contacts_are_404s(api):
    key = _first_book(api)
    for path in (
        f"{BOOKS}/nope",
        f"{BOOKS}/nope/phonebookContact",
        f"{BOOKS}/{key}/phonebookContact/1",
    ):
        with pytest.raises(ovh_errors.ResourceNotFoundError):
            api.get(path)
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        api.put(f"{BOOKS}/nope", name="x")
    with pytest.raises(ovh_errors.BadParametersError):
        api.get(f"{BOOKS}/{key}/phonebookContact/first")


def test_an_account_without_paperwork_has_no_phonebooks(api):
    assert api.get(f"/sms/{WAITING}/phonebooks") == []


def test_another_customers_phonebooks_do_not_exist(api, other_api):
    key = _first_book(api)
    for path in (BOOKS, f"{BOOKS}/{key}", f"{BOOKS}/{key}/phonebookContact"):
        with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
            other_api.get(path)
        assert caught.value.response.json()["message"] == "This service does not exist"
    with pytest.raises(ovh_errors.ResourceNotFoundError):
        other_api.post(BOOKS, name="Mine now")


def test_contact_ids_are_not_shared_between_accounts(api):
    def contact_ids(account: str) -> set[int]:
        books = api.get(f"/sms/{account}/phonebooks")
        return {
            i
            for book in books
            for i in api.get(f"/sms/{account}/phonebooks/{book}/phonebookContact")
        }

    main, full = contact_ids(MAIN), contact_ids(FULL)
    assert main
    assert full
    assert not main & full, "OVHcloud's ids are global"
