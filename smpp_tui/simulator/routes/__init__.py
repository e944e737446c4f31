"""The simulated API's routes, one module per section of OVHcloud's API."""

from __future__ import annotations

from smpp_tui.simulator.router import Router
from smpp_tui.simulator.routes import (
    auth,
    descriptions,
    me,
    sms_accounts,
    sms_batches,
    sms_catalogue,
    sms_credits,
    sms_history,
    sms_jobs,
    sms_misc,
    sms_numbers,
    sms_phonebooks,
    sms_receivers,
    sms_sender_papers,
    sms_senders,
    sms_smpp,
    sms_tasks,
    sms_templates,
    sms_users,
)

SECTIONS = (
    auth,
    descriptions,
    me,
    sms_accounts,
    sms_smpp,
    sms_senders,
    sms_credits,
    sms_history,
    sms_misc,
    sms_jobs,
    sms_receivers,
    sms_users,
    sms_numbers,
    sms_catalogue,
    sms_sender_papers,
    sms_phonebooks,
    sms_templates,
    sms_batches,
    sms_tasks,
)


def api_router() -> Router:
    router = Router()
    for section in SECTIONS:
        router.include(section.router)
    return router
