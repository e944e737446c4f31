"""Virtual numbers: the customer's (`/sms/virtualNumbers`, each a service) and an account's
(`/sms/{sn}/virtualNumbers`), with their history, jobs and web chat access."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, listing, missing, sms
from smpp_tui.simulator.routes.sms_history import register_history
from smpp_tui.simulator.routes.sms_jobs import Outlet, register_jobs
from smpp_tui.simulator.sms.numbers import ChatAccess, VirtualNumber, chat_url

router = Router()

ATTACHED = "/sms/{serviceName}/virtualNumbers/{number}"


def _service(request: Request) -> VirtualNumber:
    return sms(request).number(request.customer.nichandle, request.params["number"])


def _attached(request: Request) -> VirtualNumber:
    account, number = account_of(request), request.params["number"]
    if number not in sms(request).numbers_of(account.owner, account.name):
        raise missing("number", number)
    return sms(request).numbers[number]


@router.route("GET", "/sms/virtualNumbers")
def list_services(request: Request) -> Any:
    state = sms(request)
    numbers = state.numbers_of(request.customer.nichandle)
    return listing(request, numbers, lambda number: state.numbers[number].describe_service())


@router.route("GET", "/sms/virtualNumbers/{number}")
def get_service(request: Request) -> dict[str, Any]:
    return _service(request).describe()


@router.route("GET", "/sms/virtualNumbers/{number}/serviceInfos")
def service_infos(request: Request) -> dict[str, Any]:
    return _service(request).service_infos()


@router.route("GET", "/sms/{serviceName}/virtualNumbers")
def list_attached(request: Request) -> Any:
    account, state = account_of(request), sms(request)
    numbers = state.numbers_of(account.owner, account.name)
    return listing(request, numbers, lambda number: state.numbers[number].describe())


@router.route("GET", ATTACHED)
def get_attached(request: Request) -> dict[str, Any]:
    return _attached(request).describe()


@router.route("GET", f"{ATTACHED}/chatAccess")
def get_chat(request: Request) -> dict[str, Any]:
    number = _attached(request)
    if number.chat is None:
        raise errors.not_found(f"No chat access for {number.number}: create one with POST")
    return number.chat.describe()


@router.route("POST", f"{ATTACHED}/chatAccess")
def create_chat(request: Request) -> dict[str, Any]:
    number = _attached(request)
    if number.chat is not None:
        raise errors.conflict(f"{number.number} already has a chat access")
    # One access per number: the number's service id serves as the access's id.
    number.chat = ChatAccess(number.service_id, request.world.now(), chat_url(number.number))
    return number.chat.describe()


@router.route("DELETE", f"{ATTACHED}/chatAccess")
def delete_chat(request: Request) -> None:
    number = _attached(request)
    if number.chat is None:
        raise errors.not_found(f"No chat access for {number.number}")
    number.chat = None


def _outlet(request: Request) -> Outlet:
    number, account = _attached(request), account_of(request)
    return Outlet(number, account, account.receivers, number=number.number)


register_history(router, ATTACHED, _attached)
register_jobs(router, ATTACHED, _outlet, with_sender=False)
