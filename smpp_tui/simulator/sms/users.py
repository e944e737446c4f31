"""An account's SMS users (`sms.User`): logins that send through the HTTP and e-mail gateways,
each with its password, optional quota of the account's credits, alert threshold and own
history, jobs and receiver lists."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.jobs import Job
from smpp_tui.simulator.sms.receivers import Receiver
from smpp_tui.simulator.sms.schema import enum
from smpp_tui.simulator.sms.traffic import MadeOnUse

# OVHcloud publishes no rule for either: these are the simulator's own.
_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{2,19}")
_LOGIN_RULE = "3 to 20 letters, digits, '.', '_' or '-', starting with a letter or digit"
_WORD = re.compile(r"[\x21-\x7e]{8,32}")  # a user's password
_WORD_RULE = "8 to 32 printable ASCII characters, no space"


@dataclass
class SmsUser(MadeOnUse):
    login: str
    password: str
    quota: float | None = None  # credits of the account set aside for this user; None: none
    alert_threshold: int = 0
    alert_email: str = ""
    alert_number: str = ""
    alert_support: str = "mail"
    ip_restrictions: list[str] = field(default_factory=list)
    callback: str | None = None
    stop_callback: str | None = None
    jobs: dict[int, Job] = field(default_factory=dict)
    receivers: dict[int, Receiver] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """The `sms.User` object."""
        return {
            "login": self.login,
            "password": self.password,
            "quotaInformations": {
                "quotaLeft": self.quota or 0.0,
                "quotaStatus": "inactive" if self.quota is None else "active",
            },
            "alertThresholdInformations": {
                "alertThreshold": self.alert_threshold,
                "alertEmail": self.alert_email,
                "alertNumber": self.alert_number,
                "support": self.alert_support,
            },
            "ipRestrictions": list(self.ip_restrictions),
            "callBack": self.callback,
            "stopCallBack": self.stop_callback,
        }

    def update(self, body: object) -> None:
        """`PUT`: password, callbacks, IP restrictions, quota and alert threshold; every field
        checked before any is kept, so a refused change changes nothing."""
        if not isinstance(body, dict):
            raise errors.bad_request("Send an sms.User object")
        changes: dict[str, Any] = {}
        if "password" in body:
            changes["password"] = _password(body["password"])
        for name, attribute in (("callBack", "callback"), ("stopCallBack", "stop_callback")):
            if name in body:
                changes[attribute] = _optional_text(name, body[name])
        if "ipRestrictions" in body:
            changes["ip_restrictions"] = _texts("ipRestrictions", body["ipRestrictions"])
        if "quotaInformations" in body:
            changes["quota"] = _quota(body["quotaInformations"], self.quota)
        if "alertThresholdInformations" in body:
            changes |= self._alert(body["alertThresholdInformations"])
        for attribute, value in changes.items():
            setattr(self, attribute, value)

    def _alert(self, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise errors.bad_request("Invalid alertThresholdInformations: an sms.AlertThreshold")
        supports = enum("sms.SupportEnum")
        support = value.get("support", self.alert_support)
        if support not in supports:
            raise errors.bad_request(f"Invalid support: one of {', '.join(supports)}")
        threshold = value.get("alertThreshold", self.alert_threshold)
        if type(threshold) is not int or threshold < 0:
            raise errors.bad_request("Invalid alertThreshold: a whole number of credits >= 0")
        texts = {"alert_email": "alertEmail", "alert_number": "alertNumber"}
        changes = {
            attribute: value.get(name, getattr(self, attribute))
            for attribute, name in texts.items()
        }
        if not all(isinstance(text, str) for text in changes.values()):
            raise errors.bad_request("Invalid alertEmail or alertNumber: a text")
        return changes | {"alert_threshold": threshold, "alert_support": support}


def new_user(body: object, taken: set[str]) -> SmsUser:
    """`POST /sms/{sn}/users`: a login and a password, checked."""
    if not isinstance(body, dict) or "login" not in body or "password" not in body:
        raise errors.bad_request("login and password are required")
    login = body["login"]
    if not isinstance(login, str) or not _LOGIN.fullmatch(login):
        raise errors.bad_request(f"Invalid login {login!r}: {_LOGIN_RULE}")
    if login in taken:
        raise errors.conflict(f"The user {login} already exists")
    return SmsUser(login, _password(body["password"]))


def _password(value: object) -> str:
    if not isinstance(value, str) or not _WORD.fullmatch(value):
        raise errors.bad_request(f"Invalid password: {_WORD_RULE}")
    return value


def _optional_text(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise errors.bad_request(f"Invalid {name}: a URL or null")


def _texts(name: str, value: object) -> list[str]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise errors.bad_request(f"Invalid {name}: a list of texts")


def _quota(value: object, current: float | None) -> float | None:
    statuses = enum("sms.QuotaStatusUserEnum")
    if not isinstance(value, dict) or value.get("quotaStatus", "active") not in statuses:
        raise errors.bad_request(
            f"Invalid quotaInformations: quotaStatus one of {', '.join(statuses)}"
        )
    if value.get("quotaStatus") == "inactive":
        return None
    left = value.get("quotaLeft", current or 0.0)
    if not isinstance(left, int | float) or isinstance(left, bool) or not 0 <= left < math.inf:
        raise errors.bad_request("Invalid quotaLeft: a number of credits >= 0")
    return float(left)
