"""`.../jobs` of an account, a user or a virtual number: SMS sent through the API (`POST`),
those waiting to leave, read and cancelled.

Each prefix says where its SMS leave from and who pays (`Outlet`); jobs whose time has come are
sent before any of its routes answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import (
    account_of,
    found,
    listing,
    path_id,
    settled,
    sms,
)
from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.bodies import read_body
from smpp_tui.simulator.sms.jobs import Job
from smpp_tui.simulator.sms.receivers import Receiver
from smpp_tui.simulator.sms.senders import ENABLE
from smpp_tui.simulator.sms.sending import Order, Sends, order_of, send
from smpp_tui.simulator.sms.users import SmsUser

router = Router()

# The short number SMS leave from when the receiver may answer (`senderForResponse`): the
# simulator's own, plainly fictional.
RESPONSE_SENDER = "36000"


@dataclass(frozen=True)
class Outlet:
    """Where one prefix's SMS leave from, who pays, and what they may say they come from."""

    source: Sends
    account: SmsAccount
    receivers: dict[int, Receiver]  # the lists `receiversSlotId` names
    user: SmsUser | None = None  # its quota pays, when it has one
    number: str | None = None  # a virtual number sends as itself

    def sender(self, fields: dict[str, Any], now: float) -> str:
        if self.number is not None:
            return f"+{self.number}"
        if fields.get("senderForResponse"):
            if "sender" in fields:
                raise errors.bad_request("Either a sender or senderForResponse: true, not both")
            return RESPONSE_SENDER
        senders = self.account.senders
        usable = [name for name, s in senders.items() if s.status_at(now)[0] == ENABLE]
        name = fields.get("sender")
        if name not in usable:
            said = "sender is required" if name is None else f"The sender {name} cannot send"
            raise errors.bad_request(
                f"{said}: one of {', '.join(usable) or 'no validated sender yet'},"
                " or senderForResponse: true"
            )
        return name

    def pay(self, order: Order) -> None:
        """Take the order's credits (and a user's quota), or a 403 saying what is left."""
        left, user = self.account.credits_left, self.user
        if order.total > left:
            raise _short(order, f"{left:g}")
        if user is not None and user.quota is not None:
            if order.total > user.quota:
                raise _short(order, f"{user.quota:g} of {user.login}'s quota")
            user.quota = round(user.quota - order.total, 2)
        self.account.credits_left = round(left - order.total, 2)


def _short(order: Order, left: str) -> errors.ApiError:
    return errors.resource_error(403, f"Not enough credits: {order.total:g} needed, {left} left")


OutletOf = Callable[[Request], Outlet]
_RECEIVERS = ("receivers", "receiversSlotId", "receiversDocumentUrl")


def register_jobs(
    router: Router, prefix: str, outlet_of: OutletOf, *, with_sender: bool = True
) -> None:
    def source(request: Request) -> Sends:
        return settled(request, outlet_of(request).source)

    def job(request: Request) -> Job:
        return found(source(request).jobs, "id", path_id(request))

    def list_(request: Request) -> Any:
        jobs = source(request).jobs
        ids = sorted(jobs, reverse=True)
        return listing(request, ids, lambda job_id: jobs[job_id].describe(with_sender=with_sender))

    def get(request: Request) -> dict[str, Any]:
        return job(request).describe(with_sender=with_sender)

    def delete(request: Request) -> None:
        # The credits it took stay taken: the simulator's own choice (OVHcloud's is unknown).
        jobs = source(request).jobs
        del jobs[found(jobs, "id", path_id(request)).id]

    def post(request: Request) -> dict[str, Any]:
        outlet, now = outlet_of(request), request.world.now()
        fields = read_body("POST", request.template, request.body)
        settled(request, outlet.source)
        order = order_of(fields, outlet.sender(fields, now), _receivers(outlet, fields))
        outlet.pay(order)
        return send(outlet.source, order, now, sms(request).new_id)

    router.route("GET", f"{prefix}/jobs")(list_)
    router.route("POST", f"{prefix}/jobs")(post)
    router.route("GET", f"{prefix}/jobs/{{id}}")(get)
    router.route("DELETE", f"{prefix}/jobs/{{id}}")(delete)


def _receivers(outlet: Outlet, fields: dict[str, Any]) -> list[str]:
    given = [name for name in _RECEIVERS if name in fields]
    if len(given) > 1:
        raise errors.bad_request(f"One of {', '.join(_RECEIVERS)}, not {' and '.join(given)}")
    if "receiversDocumentUrl" in fields:
        raise errors.bad_request(
            "receiversDocumentUrl is not simulated: send receivers, or a receiversSlotId"
        )
    if "receiversSlotId" in fields:
        slot = fields["receiversSlotId"]
        lists = {str(number): receiver for number, receiver in outlet.receivers.items()}
        if slot not in lists:
            raise errors.bad_request(
                f"No receiver list in slot {slot}: one of {', '.join(lists) or 'none loaded'}"
            )
        return list(lists[slot].numbers)
    if not fields.get("receivers"):
        raise errors.bad_request(
            "receivers is required: international numbers, or a receiversSlotId"
        )
    return list(fields["receivers"])


def account_outlet(request: Request) -> Outlet:
    account = account_of(request)
    return Outlet(account, account, account.receivers)


register_jobs(router, "/sms/{serviceName}", account_outlet)
