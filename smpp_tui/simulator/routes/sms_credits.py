"""`POST /sms/{sn}/transferCredits`: move credits to another account of the same customer."""

from __future__ import annotations

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, sms
from smpp_tui.simulator.sms.credits import transfer, transfer_amount

router = Router()


@router.route("POST", "/sms/{serviceName}/transferCredits")
def transfer_credits(request: Request) -> None:
    source = account_of(request)
    credits, target_name = transfer_amount(request.body)
    target = sms(request).find(request.customer.nichandle, target_name)
    transfer(source, target, credits)
