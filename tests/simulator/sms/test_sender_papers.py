"""Senders' paperwork: the documents behind a sender's request, and the senders the customer
may have validated at once."""

from __future__ import annotations

import pytest
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms.schema import enum
from tests.simulator.sms.conftest import FULL, MAIN

DOCUMENTS = f"/sms/{MAIN}/senders/ExampleTel/documents"


def test_the_first_sender_has_a_document(api):
    (document_id,) = api.get(DOCUMENTS)
    document = api.get(f"{DOCUMENTS}/{document_id}")
    assert (document["name"], document["putUrl"]) == ("company-registration.pdf", None)
    assert document["size"] > 0
    page, headers = api.page(DOCUMENTS, 10, 1, DOCUMENTS + "/{documentID}")
    assert page == [document]
    assert headers["X-Pagination-Elements"] == "1"
    assert api.get(f"/sms/{MAIN}/senders/PROMO/documents") == []


def test_documents_of_unknown_senders_and_unknown_documents_are_404s(api, other_api):
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"/sms/{MAIN}/senders/Nobody/documents")
    assert caught.value.response.json()["message"] == (
        "The requested object (sender = Nobody) does not exist"
    )
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        api.get(f"{DOCUMENTS}/00000000-0000-0000-0000-000000000000")
    assert (
        "documentID = 00000000-0000-0000-0000-000000000000"
        in (caught.value.response.json()["message"])
    )
    with pytest.raises(ovh_errors.ResourceNotFoundError) as caught:
        other_api.get(DOCUMENTS)
    assert caught.value.response.json()["message"] == "This service does not exist"


def test_a_senders_documents_are_its_accounts_own(api):
    (main,) = api.get(DOCUMENTS)
    (full,) = api.get(f"/sms/{FULL}/senders/ExampleTel/documents")
    assert main != full


def test_senders_available_for_validation(api, customers):
    me = customers[0].customer
    domain = me.email.partition("@")[2]
    # The main account already sends from the nichandle.
    assert api.get(f"/sms/{MAIN}/sendersAvailableForValidation") == [
        {"referer": "domain", "sender": domain}
    ]
    available = api.get(f"/sms/{FULL}/sendersAvailableForValidation", referer="nichandle")
    assert available == [{"referer": "nichandle", "sender": me.nichandle}]
    assert {"nichandle", "domain"} == set(enum("sms.SenderRefererEnum"))
    with pytest.raises(ovh_errors.BadParametersError, match="one of domain, nichandle"):
        api.get(f"/sms/{FULL}/sendersAvailableForValidation", referer="nic")
