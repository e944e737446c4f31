"""`.../receivers` of an account or a user: the receiver lists in their slots, their CSV, their
description, their removal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, path_id
from smpp_tui.simulator.sms.receivers import Receiver

router = Router()

ReceiversOf = Callable[[Request], dict[int, Receiver]]


def register_receivers(router: Router, prefix: str, receivers_of: ReceiversOf) -> None:
    def receiver(request: Request) -> Receiver:
        return found(receivers_of(request), "slotId", path_id(request, "slotId"))

    def list_(request: Request) -> Any:
        receivers = receivers_of(request)
        return listing(request, sorted(receivers), lambda slot: receivers[slot].describe())

    def get(request: Request) -> dict[str, Any]:
        return receiver(request).describe()

    def csv(request: Request) -> str:
        return receiver(request).csv()

    def change(request: Request) -> None:
        receiver(request).update(request.body)

    def delete(request: Request) -> None:
        del receivers_of(request)[receiver(request).slot]

    path = f"{prefix}/receivers"
    router.route("GET", path)(list_)
    router.route("GET", f"{path}/{{slotId}}")(get)
    router.route("GET", f"{path}/{{slotId}}/csv")(csv)
    router.route("PUT", f"{path}/{{slotId}}")(change)
    router.route("DELETE", f"{path}/{{slotId}}")(delete)


register_receivers(router, "/sms/{serviceName}", lambda request: account_of(request).receivers)
