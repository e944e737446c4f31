"""The simulated API's routes, one module per section of OVHcloud's API."""

from __future__ import annotations

from smpp_tui.simulator.router import Router
from smpp_tui.simulator.routes import (
    auth,
    me,
    sms_accounts,
    sms_credits,
    sms_history,
    sms_misc,
    sms_senders,
    sms_smpp,
)

SECTIONS = (auth, me, sms_accounts, sms_smpp, sms_senders, sms_credits, sms_history, sms_misc)


def api_router() -> Router:
    router = Router()
    for section in SECTIONS:
        router.include(section.router)
    return router
