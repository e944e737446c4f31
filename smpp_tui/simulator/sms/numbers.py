"""Virtual numbers: phone numbers a customer rents to send from and receive replies on, each
a service of its own (`/sms/virtualNumbers/{number}`) attached to one SMS account
(`/sms/{sn}/virtualNumbers/{number}`), with its history, jobs and web chat access."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator.sms.jobs import Job
from smpp_tui.simulator.sms.services import service_infos
from smpp_tui.simulator.sms.times import iso
from smpp_tui.simulator.sms.traffic import MadeOnUse


def chat_url(number: str) -> str:
    # The web chat application is OVHcloud's; the simulator names a page nobody serves.
    return f"https://chat.sim.ovh.invalid/{number}"


@dataclass
class ChatAccess:
    id: int
    created: float
    url: str

    def describe(self) -> dict[str, Any]:
        """The `sms.ChatAccess` object."""
        return {"id": self.id, "creationDate": iso(self.created), "url": self.url}


@dataclass
class VirtualNumber(MadeOnUse):
    number: str  # international, without `+`: 33644001122
    country: str  # sms.VirtualNumberIsoCountryCodeEnum
    owner: str
    created: float
    service_id: int
    account: str | None = None
    chat: ChatAccess | None = None
    jobs: dict[int, Job] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """The `sms.VirtualNumber` object (also `sms.VirtualNumberGenericService`)."""
        return {"number": self.number, "countryCode": self.country}

    def describe_service(self) -> dict[str, Any]:
        """The `sms.VirtualNumberGenericServiceWithIAM` object of `/sms/virtualNumbers`."""
        return self.describe() | {
            "iam": {
                "id": f"00000000-0000-4000-8000-{self.number.zfill(12)[-12:]}",
                "urn": f"urn:v1:eu:resource:smsVirtualNumbers:{self.number}",
                "displayName": self.number,
                "tags": None,
            }
        }

    def service_infos(self) -> dict[str, Any]:
        return service_infos(self.number, self.owner, self.created, self.service_id)
