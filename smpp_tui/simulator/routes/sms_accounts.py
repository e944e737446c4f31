"""`/sms` accounts: the list, one account, its changes and its service information."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, listing, sms

router = Router()


@router.route("GET", "/sms")
def list_accounts(request: Request) -> Any:
    state = sms(request)
    names = state.names_of(request.customer.nichandle)
    return listing(request, names, lambda name: state.accounts[name].describe())


@router.route("GET", "/sms/{serviceName}")
def get_account(request: Request) -> dict[str, Any]:
    return account_of(request).describe()


@router.route("PUT", "/sms/{serviceName}")
def update_account(request: Request) -> None:
    account_of(request).update(request.body)


@router.route("GET", "/sms/{serviceName}/serviceInfos")
def service_infos(request: Request) -> dict[str, Any]:
    return account_of(request).service_infos()
