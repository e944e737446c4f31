"""What the simulated OVHcloud knows: customers, their API applications and consumer keys.

Everything here is guarded by one
re-entrant lock held for the length of a request handler, so handlers see a consistent world.
Time comes from an injectable clock, so tests move it instead of sleeping.
"""

from __future__ import annotations

import secrets
import string
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from smpp_tui.simulator.sms.state import SmsState

_ALPHABET = string.ascii_letters + string.digits

PENDING = "pendingValidation"
VALIDATED = "validated"
REFUSED = "refused"
EXPIRED = "expired"


def random_token(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def iso(moment: float) -> str:
    """OVHcloud's datetime format: ISO 8601 with the UTC offset."""
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


@dataclass
class Customer:
    nichandle: str
    email: str
    firstname: str
    name: str
    organisation: str | None = None
    country: str = "FR"
    language: str = "fr_FR"
    ovh_subsidiary: str = "FR"

    def me(self) -> dict[str, Any]:
        """The `nichandle.Nichandle` object that `GET /me` returns."""
        return {
            "nichandle": self.nichandle,
            "email": self.email,
            "firstname": self.firstname,
            "name": self.name,
            "organisation": self.organisation,
            "legalform": "corporation" if self.organisation else "individual",
            "country": self.country,
            "language": self.language,
            "currency": {"code": "EUR", "symbol": "EURO"},
            "ovhCompany": "ovh",
            "ovhSubsidiary": self.ovh_subsidiary,
            "state": "complete",
            "customerCode": None,
            "kycValidated": True,
            "address": None,
            "city": None,
            "zip": None,
            "area": None,
            "phone": None,
            "phoneCountry": None,
            "phoneType": None,
            "fax": None,
            "spareEmail": None,
            "vat": None,
            "sex": None,
            "birthDay": None,
            "birthCity": None,
            "nationalIdentificationNumber": None,
            "companyNationalIdentificationNumber": None,
            "corporationType": None,
            "complementaryAddress": None,
            "italianSDI": None,
            "purposeOfPurchase": None,
        }


@dataclass
class Application:
    application_id: int
    key: str
    secret: str
    owner: Customer
    name: str = "smpp-tui"
    status: str = "active"


@dataclass
class Credential:
    credential_id: int
    consumer_key: str
    application: Application
    rules: list[dict[str, str]]
    created: float
    customer: Customer | None = None
    status: str = PENDING
    expires: float | None = None
    last_use: float | None = None
    allowed_ips: list[str] | None = None
    validation_token: str = field(default_factory=lambda: random_token(64))

    def state_at(self, now: float) -> str:
        if self.status == VALIDATED and self.expires is not None and now >= self.expires:
            return EXPIRED
        return self.status

    def describe(self, now: float) -> dict[str, Any]:
        """The `auth.Credential` object that `GET /auth/currentCredential` returns."""
        return {
            "credentialId": self.credential_id,
            "applicationId": self.application.application_id,
            "creation": iso(self.created),
            "expiration": iso(self.expires) if self.expires is not None else None,
            "lastUse": iso(self.last_use) if self.last_use is not None else None,
            "status": self.state_at(now),
            "rules": [dict(rule) for rule in self.rules],
            "allowedIPs": list(self.allowed_ips) if self.allowed_ips is not None else None,
            "ovhSupport": False,
        }


class World:
    """The registry of customers, applications and credentials."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.lock = threading.RLock()
        self._clock = clock
        self.time_offset = 0.0
        self.customers: dict[str, Customer] = {}
        self.applications: dict[str, Application] = {}
        self.credentials: dict[str, Credential] = {}
        self._next_id = 1
        # The /sms section's state; its knobs are `world.sms.behaviour`.
        self.sms = SmsState()

    def now(self) -> float:
        """The server's clock: the injected clock plus `time_offset` (to simulate skew)."""
        return self._clock() + self.time_offset

    def _new_id(self) -> int:
        with self.lock:
            self._next_id += 1
            return self._next_id * 7919 % 100_000_000

    def add_customer(self, customer: Customer) -> Customer:
        with self.lock:
            self.customers[customer.nichandle] = customer
        return customer

    def register_application(
        self,
        owner: Customer,
        key: str | None = None,
        secret: str | None = None,
        name: str = "smpp-tui",
    ) -> Application:
        """A new API application; random key and secret unless given (the demo's are public)."""
        app = Application(
            application_id=self._new_id(),
            key=key or random_token(16),
            secret=secret or random_token(32),
            owner=owner,
            name=name,
        )
        with self.lock:
            self.applications[app.key] = app
        return app

    def request_credential(
        self,
        application: Application,
        rules: list[dict[str, str]],
        allowed_ips: list[str] | None = None,
        consumer_key: str | None = None,
    ) -> Credential:
        """A consumer key waiting for its owner to open the validation URL."""
        credential = Credential(
            credential_id=self._new_id(),
            consumer_key=consumer_key or random_token(32),
            application=application,
            rules=[{"method": r["method"], "path": r["path"]} for r in rules],
            created=self.now(),
            allowed_ips=allowed_ips,
        )
        with self.lock:
            self.credentials[credential.consumer_key] = credential
        return credential

    def validate(
        self,
        credential: Credential,
        customer: Customer | None = None,
        lifetime: float | None = None,
    ) -> Credential:
        """What logging in on the validation page does: binds the key to a customer."""
        with self.lock:
            credential.customer = customer or credential.application.owner
            credential.status = VALIDATED
            credential.expires = None if lifetime is None else self.now() + lifetime
        return credential

    def refuse(self, credential: Credential) -> None:
        with self.lock:
            credential.status = REFUSED

    def expire(self, credential: Credential) -> None:
        with self.lock:
            credential.status = EXPIRED

    def issue_credential(
        self,
        application: Application,
        rules: list[dict[str, str]],
        customer: Customer | None = None,
        consumer_key: str | None = None,
        lifetime: float | None = None,
    ) -> Credential:
        """A consumer key validated at once: a shortcut for demos and tests."""
        credential = self.request_credential(application, rules, consumer_key=consumer_key)
        return self.validate(credential, customer, lifetime)

    def credential_by_token(self, token: str) -> Credential | None:
        with self.lock:
            return next((c for c in self.credentials.values() if c.validation_token == token), None)
