"""The `services.Service` object every billed service answers (`.../serviceInfos`)."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.sms.times import DAY, iso_date


def service_infos(domain: str, owner: str, created: float, service_id: int) -> dict[str, Any]:
    return {
        "serviceId": service_id,
        "domain": domain,
        "creation": iso_date(created),
        "expiration": iso_date(created + 3650 * DAY),
        "engagedUpTo": None,
        "contactAdmin": owner,
        "contactBilling": owner,
        "contactTech": owner,
        "status": "ok",
        "renewalType": "automaticV2016",
        "renew": {
            "automatic": True,
            "deleteAtExpiration": False,
            "forced": False,
            "manualPayment": False,
            "period": None,
        },
        "possibleRenewPeriod": None,
        "canDeleteAtExpiration": False,
    }
