"""The simulator's own routes under `/_sim/`: plainly not OVHcloud's, no authentication.

They let a standalone simulator be steered from outside (curl, another process): list, add and
clear faults. Python callers use `Simulator.faults` directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.faults import Fault, parse_fault
from smpp_tui.simulator.router import Request, Router

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

    return router
