"""`/sms/{sn}/senders`: request, read, change and delete senders."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, sms
from smpp_tui.simulator.sms.senders import Sender, new_sender, update_sender

router = Router()


def sender_of(request: Request) -> tuple[dict[str, Sender], Sender]:
    senders = account_of(request).senders
    return senders, found(senders, "sender", request.params["sender"])


@router.route("GET", "/sms/{serviceName}/senders")
def list_senders(request: Request) -> Any:
    senders, now = account_of(request).senders, request.world.now()
    return listing(request, list(senders), lambda name: senders[name].describe(now))


@router.route("POST", "/sms/{serviceName}/senders")
def create_sender(request: Request) -> str:
    account = account_of(request)
    delay = sms(request).behaviour.sender_review_delay
    sender = new_sender(request.body, request.world.now(), delay)
    if sender.sender in account.senders:
        raise errors.conflict(f"The sender {sender.sender} already exists on {account.name}")
    account.senders[sender.sender] = sender
    return sender.sender


@router.route("GET", "/sms/{serviceName}/senders/{sender}")
def get_sender(request: Request) -> dict[str, Any]:
    return sender_of(request)[1].describe(request.world.now())


@router.route("PUT", "/sms/{serviceName}/senders/{sender}")
def change_sender(request: Request) -> None:
    update_sender(sender_of(request)[1], request.body, request.world.now())


@router.route("DELETE", "/sms/{serviceName}/senders/{sender}")
def delete_sender(request: Request) -> None:
    senders, sender = sender_of(request)
    del senders[sender.sender]
    # Its papers go with it: a sender asked for again under that name starts with none.
    account_of(request).paperwork.sender_documents.pop(sender.sender, None)
