"""The simulator's own routes under `/_sim/`: plainly not OVHcloud's, no authentication.

They let a standalone simulator be steered from outside (curl, another process): list, add and
clear faults; count the requests answered; read the outbox (the e-mails OVHcloud would send,
such as new SMPP passwords); read and change the SMS behaviour knobs; download exported
documents (the `getUrl` of `/me/document/{id}`). Python callers use `Simulator.faults` and
`world.sms` directly.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.faults import Fault, parse_fault
from smpp_tui.simulator.router import Reply, Request, Router
from smpp_tui.simulator.sms import SmsBehaviour

if TYPE_CHECKING:
    from smpp_tui.simulator.server import Simulator

CONTROL_PREFIX = "/_sim"


def describe(fault: Fault) -> dict[str, Any]:
    return {
        "method": fault.method,
        "path": fault.path,
        "effect": fault.effect,
        "value": fault.value,
        "times": fault.times,
        "hits": fault.hits,
    }


def control_router(sim: Simulator) -> Router:
    router = Router()

    @router.route("GET", "/faults", auth="none")
    def list_faults(request: Request) -> list[dict[str, Any]]:
        return [describe(fault) for fault in sim.faults.active()]

    @router.route("POST", "/faults", auth="none")
    def add_fault(request: Request) -> dict[str, Any]:
        spec = request.body.get("spec") if isinstance(request.body, dict) else None
        if not isinstance(spec, str):
            raise errors.bad_request('send {"spec": "[METHOD] [PATH] EFFECT[=VALUE] [times=N]"}')
        return describe(sim.faults.add(parse_fault(spec)))

    @router.route("DELETE", "/faults", auth="none")
    def clear_faults(request: Request) -> None:
        sim.faults.clear()

    @router.route("GET", "/exchanges", auth="none")
    def exchanges(request: Request) -> dict[str, int]:
        # How many requests a client sent (these controls not counted): a budget checked
        # from outside, in another process.
        return {"answered": sim.answered}

    @router.route("GET", "/outbox", auth="none")
    def outbox(request: Request) -> list[dict[str, Any]]:
        to = request.arg("to")
        mails = sim.world.sms.outbox.mails
        return [mail.describe() for mail in mails if to is None or mail.to == to]

    @router.route("DELETE", "/outbox", auth="none")
    def clear_outbox(request: Request) -> None:
        sim.world.sms.outbox.clear()

    @router.route("GET", "/sms/behaviour", auth="none")
    def behaviour(request: Request) -> dict[str, Any]:
        return dataclasses.asdict(sim.world.sms.behaviour)

    @router.route("PUT", "/sms/behaviour", auth="none")
    def change_behaviour(request: Request) -> dict[str, Any]:
        sim.world.sms.behaviour = _behaviour(sim.world.sms.behaviour, request.body)
        return dataclasses.asdict(sim.world.sms.behaviour)

    @router.route("GET", "/documents/{file}", auth="none")
    def document(request: Request) -> Reply:
        name = request.params["file"].removesuffix(".csv")
        content = sim.world.sms.documents.content(name, sim.world.now())
        if content is None:
            raise errors.not_found("No such document, or it is not ready yet")
        return Reply(content.decode("utf-8"), content_type="text/csv; charset=utf-8")

    return router


def _behaviour(current: SmsBehaviour, body: object) -> SmsBehaviour:
    known = {knob.name: knob for knob in dataclasses.fields(SmsBehaviour)}
    if not isinstance(body, dict) or not set(body) <= set(known):
        raise errors.bad_request(f"Send an object with some of {', '.join(known)}")
    for name, value in body.items():
        expected = type(getattr(current, name))
        if type(value) is not expected and not (expected is float and type(value) is int):
            raise errors.bad_request(f"{name} must be a {expected.__name__}")
    return dataclasses.replace(current, **body)
