"""What went through one account: outgoing and incoming SMS, the blacklist, HLR lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.times import iso, iso_or_none

# API filter name -> record attribute.
OUTGOING_FILTERS = {
    "sender": "sender",
    "receiver": "receiver",
    "ptt": "ptt",
    "deliveryReceipt": "delivery_receipt",
    "differedDelivery": "differed_delivery",
    "messageID": "message_id",
    "batchID": "batch_id",
    "tag": "tag",
}
INCOMING_FILTERS = {"sender": "sender", "tag": "tag"}


@dataclass(slots=True)
class Outgoing:
    id: int
    created: float
    sender: str
    receiver: str
    message: str
    ptt: int
    delivery_receipt: int
    parts: int
    credits: float
    tariff_code: str
    tag: str = ""
    message_id: str | None = None
    batch_id: str | None = None
    differed_delivery: int = 0
    sent_at: float | None = None
    delivered_at: float | None = None

    def describe(self) -> dict[str, Any]:
        """The `sms.Outgoing` object."""
        return {
            "id": self.id,
            "creationDatetime": iso(self.created),
            "sentAt": iso_or_none(self.sent_at),
            "deliveredAt": iso_or_none(self.delivered_at),
            "sender": self.sender,
            "receiver": self.receiver,
            "message": self.message,
            "messageLength": len(self.message),
            "numberOfSms": self.parts,
            "credits": self.credits,
            "ptt": self.ptt,
            "deliveryReceipt": self.delivery_receipt,
            "differedDelivery": self.differed_delivery,
            "tariffCode": self.tariff_code,
            "tag": self.tag,
            "messageID": self.message_id,
            "batchID": self.batch_id,
        }


@dataclass(slots=True)
class Incoming:
    id: int
    created: float
    sender: str
    message: str
    credits: float = 0.0
    tag: str = ""

    def describe(self) -> dict[str, Any]:
        """The `sms.Incoming` object."""
        return {
            "id": self.id,
            "creationDatetime": iso(self.created),
            "sender": self.sender,
            "message": self.message,
            "credits": self.credits,
            "tag": self.tag,
        }


@dataclass(slots=True)
class Blacklisted:
    number: str
    created: float
    outgoing_id: int | None = None
    batch_id: str | None = None

    def describe(self) -> dict[str, Any]:
        """The `sms.Blacklist` object."""
        return {
            "number": self.number,
            "dateCreation": iso(self.created),
            "smsOutgoingID": self.outgoing_id,
            "batchID": self.batch_id,
        }


@dataclass(frozen=True, slots=True)
class Operator:
    """What an HLR says of a number's network: the `sms.Hlr` object."""

    country: str
    country_code: str
    network: str
    operator: str
    region: str
    code: str

    def describe(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "countryCode": self.country_code,
            "network": self.network,
            "operator": self.operator,
            "region": self.region,
        }


# Dialling prefix -> operator. The operators are simulator values, like the endpoints.
_OPERATORS = {
    "+33": Operator("France", "FR", "GSM", "Sim Mobile FR", "Europe", "20801"),
    "+32": Operator("Belgium", "BE", "GSM", "Sim Mobile BE", "Europe", "20601"),
    "+41": Operator("Switzerland", "CH", "GSM", "Sim Mobile CH", "Europe", "22801"),
    "+44": Operator("United Kingdom", "GB", "GSM", "Sim Mobile UK", "Europe", "23410"),
    "+49": Operator("Germany", "DE", "GSM", "Sim Mobile DE", "Europe", "26201"),
}
_UNKNOWN = Operator("Unknown", "", "", "", "", "")


def operator_of(number: str) -> Operator:
    return _OPERATORS.get(number[:3], _UNKNOWN)


@dataclass(slots=True)
class HlrLookup:
    id: int
    created: float
    msisdn: str
    reachable: bool
    roaming: bool = False
    ported: bool = False

    def describe(self) -> dict[str, Any]:
        """The `sms.HlrLookupNumber` object."""
        return {
            "id": self.id,
            "datetime": iso(self.created),
            "msisdn": self.msisdn,
            "operatorCode": operator_of(self.msisdn).code,
            "ported": self.ported,
            "reachable": self.reachable,
            "roaming": self.roaming,
            "status": "done",
            "valid": operator_of(self.msisdn) is not _UNKNOWN,
        }


@dataclass
class Traffic:
    outgoing: History = field(default_factory=lambda: History(OUTGOING_FILTERS))
    incoming: History = field(default_factory=lambda: History(INCOMING_FILTERS))
    blacklist: dict[str, Blacklisted] = field(default_factory=dict)
    hlr: dict[int, HlrLookup] = field(default_factory=dict)


@dataclass
class MadeOnUse:
    """Something SMS go through (an account, a user, a virtual number), whose history is made
    on first use: most are never opened."""

    traffic_source: Callable[[], Traffic] = field(default=Traffic, repr=False, kw_only=True)
    _traffic: Traffic | None = field(default=None, repr=False, init=False)

    @property
    def traffic(self) -> Traffic:
        if self._traffic is None:
            self._traffic = self.traffic_source()
        return self._traffic

    @property
    def traffic_made(self) -> bool:
        return self._traffic is not None
