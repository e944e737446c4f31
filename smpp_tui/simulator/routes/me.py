"""`/me`: the customer behind the consumer key."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router

router = Router()


@router.route("GET", "/me")
def me(request: Request) -> dict[str, Any]:
    return request.customer.me()
