"""A faithful local OVHcloud API: the embedded default the demo, the tests and the benchmarks
run on. It never imports Textual and shares no code with the client side (`smpp_tui.api`).

Its names load on first use: the app on a real account, `--help` and `--version` never load
the simulator (its server and demo data alone take ~150 ms to import).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smpp_tui.simulator.demo import DemoKeys, build_demo_world
    from smpp_tui.simulator.faults import Fault, parse_fault
    from smpp_tui.simulator.gate import GatePolicy
    from smpp_tui.simulator.knobs import NOT_CREDENTIAL
    from smpp_tui.simulator.server import Simulator
    from smpp_tui.simulator.world import Customer, World

# Where each name lives.
_MODULES = {
    "NOT_CREDENTIAL": "knobs",
    "Customer": "world",
    "DemoKeys": "demo",
    "Fault": "faults",
    "GatePolicy": "gate",
    "Simulator": "server",
    "World": "world",
    "build_demo_world": "demo",
    "parse_fault": "faults",
}

__all__ = [
    "NOT_CREDENTIAL",
    "Customer",
    "DemoKeys",
    "Fault",
    "GatePolicy",
    "Simulator",
    "World",
    "build_demo_world",
    "parse_fault",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:  # a submodule (`from smpp_tui.simulator import server`) too
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
