"""One SMS account: its billing side (`sms.Account`) and, for SMPP accounts, its settings."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.jobs import Job
from smpp_tui.simulator.sms.paperwork import Paperwork
from smpp_tui.simulator.sms.receivers import Receiver
from smpp_tui.simulator.sms.schema import enum
from smpp_tui.simulator.sms.senders import Sender
from smpp_tui.simulator.sms.services import service_infos
from smpp_tui.simulator.sms.traffic import MadeOnUse
from smpp_tui.simulator.sms.users import SmsUser

SUCCESS = "SUCCESS"
WAITING_IP = "WAITING_IP"
UPDATING_IP = "UPDATING_IP"
# States the account is put in by OVHcloud, whatever its IPs.
PINNED = frozenset({"ERROR", "UNKNOWN", "DELETED"})

# Simulator values, plainly not OVHcloud's hosts (the real ones are published nowhere).
ENDPOINT_HOSTS = ("smpp1.sim.ovh.invalid", "smpp2.sim.ovh.invalid")
SECURED_PORT, UNSECURED_PORT = 2776, 2775


@dataclass(frozen=True)
class Endpoints:
    """Where the settings say to bind: names that resolve nowhere, until a local SMSC runs and
    names its own ports (`smpp_tui.simulator.smsc`)."""

    hosts: tuple[str, ...] = ENDPOINT_HOSTS
    secured: int = SECURED_PORT
    unsecured: int = UNSECURED_PORT


def _default_response() -> dict[str, Any]:
    return {
        "responseType": "cgi",
        "cgiUrl": None,
        "text": None,
        "trackingDefaultSmsSender": None,
        "trackingOptions": [],
    }


def _default_templates() -> dict[str, Any]:
    return {
        "customizedEmailMode": False,
        "customizedSmsMode": False,
        "emailBody": None,
        "emailFrom": None,
        "emailSubject": None,
        "smsBody": None,
        "time2chatAutomaticResponse": None,
    }


@dataclass
class SmsAccount(MadeOnUse):
    name: str
    owner: str  # the customer's nichandle
    smpp: bool
    created: float
    description: str = ""
    status: str = "enable"
    credits_left: float = 0.0
    recredit_amount: int | None = None
    recredit_threshold: float = 0.0
    callback: str | None = None
    stop_callback: str | None = None
    sms_response: dict[str, Any] = field(default_factory=_default_response)
    templates: dict[str, Any] = field(default_factory=_default_templates)
    # SMPP side
    allowed_ips: list[str] = field(default_factory=list)
    ip_settles_at: float = 0.0
    pinned_status: str | None = None
    password: str = ""
    throughput: int = 20
    windowing: int = 10
    senders: dict[str, Sender] = field(default_factory=dict)
    users: dict[str, SmsUser] = field(default_factory=dict)
    jobs: dict[int, Job] = field(default_factory=dict)
    receivers: dict[int, Receiver] = field(default_factory=dict)
    paperwork: Paperwork = field(default_factory=Paperwork)
    service_id: int = 0

    @property
    def users_with_quota(self) -> int:
        return sum(user.quota is not None for user in self.users.values())

    @property
    def credits_held(self) -> float:
        """Credits set aside by the quotas of the account's users."""
        return sum(user.quota or 0.0 for user in self.users.values())

    # the SMPP side

    def smpp_status(self, now: float) -> str:
        if self.pinned_status in PINNED:
            return self.pinned_status
        if not self.allowed_ips:
            return WAITING_IP
        return UPDATING_IP if now < self.ip_settles_at else SUCCESS

    def settings(self, now: float, endpoints: Endpoints) -> dict[str, Any]:
        """The `sms.Settings` object."""
        return {
            "systemID": self.name,
            "endpoints": [
                {
                    "secured": f"{host}:{endpoints.secured}",
                    "unsecured": f"{host}:{endpoints.unsecured}",
                }
                for host in endpoints.hosts
            ],
            "status": self.smpp_status(now),
            "throughput": self.throughput,
            "windowing": self.windowing,
        }

    # the billing side

    def describe(self) -> dict[str, Any]:
        """The `sms.AccountWithIAM` object."""
        return {
            "name": self.name,
            "description": self.description,
            "smpp": self.smpp,
            "status": self.status,
            "channel": "both",
            "creditsLeft": self.credits_left,
            "creditsHoldByQuota": self.credits_held,
            "automaticRecreditAmount": self.recredit_amount,
            "creditThresholdForAutomaticRecredit": self.recredit_threshold,
            "callBack": self.callback,
            "stopCallBack": self.stop_callback,
            "smsResponse": dict(self.sms_response),
            "templates": dict(self.templates),
            "userQuantityWithQuota": self.users_with_quota,
            "iam": {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"sms/{self.name}")),
                "urn": f"urn:v1:eu:resource:sms:{self.name}",
                "displayName": self.description or self.name,
                "tags": None,
            },
        }

    def service_infos(self) -> dict[str, Any]:
        """The `services.Service` object."""
        return service_infos(self.name, self.owner, self.created, self.service_id)

    def update(self, body: object) -> None:
        """`PUT /sms/{sn}`: writable fields only; read-only ones sent back are ignored."""
        if not isinstance(body, dict):
            raise errors.bad_request("Send an sms.Account object")
        checked = {name: check(body[name]) for name, check in _WRITABLE.items() if name in body}
        for name, value in checked.items():
            setattr(self, _ATTRIBUTES[name], value)


def _text(name: str, nullable: bool) -> Callable[[object], Any]:
    def check(value: object) -> Any:
        if isinstance(value, str) or (nullable and value is None):
            return value
        raise errors.bad_request(f"Invalid {name}: a text{' or null' if nullable else ''}")

    return check


def _recredit_amount(value: object) -> int | None:
    packs = enum("sms.PackQuantityAutomaticRecreditEnum")
    if value is None or (type(value) is int and value in packs):
        return value
    raise errors.bad_request(
        f"Invalid automaticRecreditAmount {value!r}: one of "
        f"{', '.join(map(str, packs))}, or null for no automatic recharge"
    )


def _threshold(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return value
    raise errors.bad_request(
        f"Invalid creditThresholdForAutomaticRecredit {value!r}: a number >= 0"
    )


def _merge(name: str, base: Callable[[], dict[str, Any]]) -> Callable[[object], Any]:
    def check(value: object) -> dict[str, Any]:
        if not isinstance(value, dict) or not set(value) <= set(base()):
            raise errors.bad_request(f"Invalid {name}: an object with {', '.join(base())}")
        return {**base(), **value}

    return check


def _response(value: object) -> dict[str, Any]:
    merged = _merge("smsResponse", _default_response)(value)
    if merged["responseType"] not in enum("sms.ResponseTypeEnum"):
        raise errors.bad_request(
            f"Invalid smsResponse.responseType: one of {', '.join(enum('sms.ResponseTypeEnum'))}"
        )
    return merged


_WRITABLE: dict[str, Callable[[object], Any]] = {
    "description": _text("description", nullable=False),
    "automaticRecreditAmount": _recredit_amount,
    "creditThresholdForAutomaticRecredit": _threshold,
    "callBack": _text("callBack", nullable=True),
    "stopCallBack": _text("stopCallBack", nullable=True),
    "smsResponse": _response,
    "templates": _merge("templates", _default_templates),
}
_ATTRIBUTES = {
    "description": "description",
    "automaticRecreditAmount": "recredit_amount",
    "creditThresholdForAutomaticRecredit": "recredit_threshold",
    "callBack": "callback",
    "stopCallBack": "stop_callback",
    "smsResponse": "sms_response",
    "templates": "templates",
}
