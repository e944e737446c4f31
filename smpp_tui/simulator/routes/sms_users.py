"""`/sms/{sn}/users`: an account's SMS users, created, read, changed and deleted, and what each
one sent, received, queued and loaded."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, settled
from smpp_tui.simulator.routes.sms_history import register_history
from smpp_tui.simulator.routes.sms_jobs import Outlet, register_jobs
from smpp_tui.simulator.routes.sms_misc import export_document
from smpp_tui.simulator.routes.sms_receivers import register_receivers
from smpp_tui.simulator.sms.users import SmsUser, new_user

router = Router()

USER = "/sms/{serviceName}/users/{login}"


def user_of(request: Request) -> SmsUser:
    return found(account_of(request).users, "login", request.params["login"])


@router.route("GET", "/sms/{serviceName}/users")
def list_users(request: Request) -> Any:
    users = account_of(request).users
    return listing(request, sorted(users), lambda login: users[login].describe())


@router.route("POST", "/sms/{serviceName}/users")
def create_user(request: Request) -> None:
    users = account_of(request).users
    user = new_user(request.body, set(users))
    users[user.login] = user


@router.route("GET", USER)
def get_user(request: Request) -> dict[str, Any]:
    return user_of(request).describe()


@router.route("PUT", USER)
def change_user(request: Request) -> None:
    user_of(request).update(request.body)


@router.route("DELETE", USER)
def delete_user(request: Request) -> None:
    del account_of(request).users[user_of(request).login]


@router.route("GET", f"{USER}/document")
def export(request: Request) -> str:
    user = settled(request, user_of(request))
    return export_document(request, user.traffic, f"{request.params['serviceName']}-{user.login}")


def _outlet(request: Request) -> Outlet:
    user = user_of(request)
    return Outlet(user, account_of(request), user.receivers, user=user)


register_history(router, USER, user_of)
register_jobs(router, USER, _outlet)
register_receivers(router, USER, lambda request: user_of(request).receivers)
