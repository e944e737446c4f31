"""`/sms/{sn}/smpp/...`: the SMPP settings, the allowed IPs and the password renewal."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, sms
from smpp_tui.simulator.sms.outbox import password_mail
from smpp_tui.simulator.sms.smpp import change_ips, renew_password, require_smpp

router = Router()


@router.route("GET", "/sms/{serviceName}/smpp/settings")
def settings(request: Request) -> dict[str, Any]:
    return require_smpp(account_of(request)).settings(request.world.now(), sms(request).endpoints)


@router.route("GET", "/sms/{serviceName}/smpp/allowedIPs")
def allowed_ips(request: Request) -> list[str]:
    return list(require_smpp(account_of(request)).allowed_ips)


@router.route("PUT", "/sms/{serviceName}/smpp/allowedIPs")
def change_allowed_ips(request: Request) -> list[str]:
    behaviour = sms(request).behaviour
    account = require_smpp(account_of(request))
    return change_ips(
        account,
        request.body,
        request.world.now(),
        behaviour.ip_settle_delay,
        behaviour.max_allowed_ips,
    )


@router.route("POST", "/sms/{serviceName}/smpp/password")
def new_password(request: Request) -> None:
    # OVHcloud e-mails the password to the customer's contact address and never returns it.
    account = require_smpp(account_of(request))
    now = request.world.now()
    password = renew_password(account, now)
    sms(request).outbox.send(password_mail(request.customer.email, account.name, password, now))
