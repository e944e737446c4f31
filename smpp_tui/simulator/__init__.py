"""A faithful local OVHcloud API: the embedded default the demo, the tests and the benchmarks
run on. It never imports Textual and shares no code with the client side (`smpp_tui.api`).
"""

from smpp_tui.simulator.demo import DemoKeys, build_demo_world
from smpp_tui.simulator.faults import Fault, parse_fault
from smpp_tui.simulator.gate import NOT_CREDENTIAL, GatePolicy
from smpp_tui.simulator.server import Simulator
from smpp_tui.simulator.world import Customer, World

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
