"""Senders' paperwork: the documents behind a sender request, and the senders the customer may
have validated at once (its nichandle, its domain)."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_choices import choice
from smpp_tui.simulator.routes.sms_common import account_of, found, listing
from smpp_tui.simulator.routes.sms_senders import sender_of
from smpp_tui.simulator.sms.sender_documents import SenderDocument

router = Router()


def _documents(request: Request) -> dict[str, SenderDocument]:
    sender = sender_of(request)[1].sender
    return account_of(request).paperwork.sender_documents.get(sender, {})


@router.route("GET", "/sms/{serviceName}/senders/{sender}/documents")
def list_documents(request: Request) -> Any:
    documents = _documents(request)
    return listing(request, list(documents), lambda id_: documents[id_].describe())


@router.route("GET", "/sms/{serviceName}/senders/{sender}/documents/{documentID}")
def get_document(request: Request) -> dict[str, Any]:
    document = found(_documents(request), "documentID", request.params["documentID"])
    return document.describe()


@router.route("GET", "/sms/{serviceName}/sendersAvailableForValidation")
def available(request: Request) -> list[dict[str, str]]:
    """The simulator has no domains: the customer's is its e-mail's."""
    senders = account_of(request).senders
    referer = choice(request, "referer", "sms.SenderRefererEnum")
    customer = request.customer
    own = {"nichandle": customer.nichandle, "domain": customer.email.partition("@")[2]}
    return [
        {"referer": kind, "sender": sender}
        for kind, sender in own.items()
        if referer in (None, kind) and sender not in senders
    ]
