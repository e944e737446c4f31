"""The simulated API's routes, one module per section of OVHcloud's API."""

from __future__ import annotations

from smpp_tui.simulator.router import Router
from smpp_tui.simulator.routes import auth, me


def api_router() -> Router:
    router = Router()
    for section in (auth, me):
        router.include(section.router)
    return router
