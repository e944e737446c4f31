"""What OVHcloud tells about SMS accounts, as frozen values in the user's words.

Each model is built with `from_api(body)` from the JSON of its route (the models of the vendored
`sms.json` and `me-subset.json`). A body without a required field, or with a field of the wrong
type, raises `InvalidResponse`: the app never shows half-read data. Every text is read through
`clean`: no model holds a control character or an escape sequence, whatever OVHcloud sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, TypeVar, overload

from smpp_tui.api.errors import InvalidResponse
from smpp_tui.api.text import clean

ALLOWED_IPS_LIMIT = 10  # the control panel's limit per account
RECHARGE_PACKS = (100, 200, 250, 500, 1000, 5000, 10000)  # sms.PackQuantityAutomaticRecreditEnum
SENDER_DESCRIPTION_MAX = 40  # the control panel's limits of a sender request
SENDER_REASON_MAX = 250

T = TypeVar("T")
_MISSING = object()


class _Reader:
    """Typed access to one JSON object; what is wrong is said with the model's name."""

    def __init__(self, body: Any, model: str) -> None:
        if not isinstance(body, Mapping):
            raise InvalidResponse(f"OVHcloud sent {type(body).__name__} where {model} was expected")
        self.body, self.model = body, model

    @overload
    def _get(self, name: str, kinds: tuple[type[T], ...], optional: Literal[False]) -> T: ...
    @overload
    def _get(self, name: str, kinds: tuple[type[T], ...], optional: bool) -> T | None: ...
    def _get(self, name: str, kinds: tuple[type[T], ...], optional: bool) -> T | None:
        value = self.body.get(name, _MISSING)
        if value is _MISSING or value is None:
            if optional:
                return None
            raise InvalidResponse(f"OVHcloud's {self.model} has no {name}")
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            raise InvalidResponse(f"OVHcloud's {self.model} has a {name} of the wrong type")
        return value

    def text(self, name: str, *, lines: bool = False) -> str:
        """Safe to show (`clean`); line breaks kept only with `lines`."""
        return clean(self._get(name, (str,), False), lines=lines)

    def maybe_text(self, name: str, *, lines: bool = False) -> str | None:
        value = self._get(name, (str,), True)
        return None if value is None else clean(value, lines=lines)

    def integer(self, name: str) -> int:
        return self._get(name, (int,), False)

    def maybe_integer(self, name: str) -> int | None:
        return self._get(name, (int,), True)

    def number(self, name: str) -> float:
        return float(self._get(name, (int, float), False))

    def maybe_number(self, name: str, default: float = 0.0) -> float:
        value = self._get(name, (int, float), True)
        return default if value is None else float(value)

    def flag(self, name: str, default: bool | None = None) -> bool:
        if default is None:
            return self._get(name, (bool,), False)
        value = self._get(name, (bool,), True)
        return default if value is None else value

    def items(self, name: str) -> list[Any]:
        return self._get(name, (list,), True) or []

    def moment(self, name: str) -> datetime | None:
        return self._parse(name, datetime.fromisoformat)

    def day(self, name: str) -> date | None:
        return self._parse(name, lambda text: date.fromisoformat(text[:10]))

    def _parse(self, name: str, parse: Callable[[str], T]) -> T | None:
        text = self._get(name, (str,), True)  # parsed, never shown: read as sent
        try:
            return None if text is None else parse(text)
        except ValueError:
            raise InvalidResponse(f"OVHcloud's {self.model} has an unreadable {name}") from None


def _texts(values: Iterable[object]) -> tuple[str, ...]:
    """Each value of a list from OVHcloud as text safe to show."""
    return tuple(clean(str(value)) for value in values)


@dataclass(frozen=True)
class Account:
    """An SMS account (`sms.Account`); SMPP accounts have `smpp` true."""

    name: str
    description: str
    smpp: bool
    status: str  # enable, disable
    credits_left: float
    credits_held_by_quota: float
    users_with_quota: int  # users of the account given a quota of credits
    recharge_pack: int | None  # automaticRecreditAmount: credits bought when under the threshold
    recharge_threshold: float
    channel: str | None
    callback_url: str | None
    stop_callback_url: str | None

    @property
    def recharges(self) -> bool:
        """Credits are bought by themselves when few are left."""
        return self.recharge_pack is not None

    def runs_low(self, level: float) -> bool:
        """Fewer credits left than the recharge threshold (when it recharges), else `level`."""
        return self.credits_left < (self.recharge_threshold if self.recharges else level)

    @classmethod
    def from_api(cls, body: Any) -> Account:
        r = _Reader(body, "SMS account")
        return cls(
            name=r.text("name"),
            description=r.maybe_text("description") or "",
            smpp=r.flag("smpp", default=False),
            status=r.text("status"),
            credits_left=r.number("creditsLeft"),
            credits_held_by_quota=r.maybe_number("creditsHoldByQuota"),
            users_with_quota=r.maybe_integer("userQuantityWithQuota") or 0,
            recharge_pack=r.maybe_integer("automaticRecreditAmount"),
            recharge_threshold=r.maybe_number("creditThresholdForAutomaticRecredit"),
            channel=r.maybe_text("channel"),
            callback_url=r.maybe_text("callBack"),
            stop_callback_url=r.maybe_text("stopCallBack"),
        )


@dataclass(frozen=True)
class Usage:
    """What the SMS sent since a moment used: their number, and their credits when OVHcloud
    sent whole pages of them (id by id it would cost a request per SMS: not asked)."""

    since: datetime
    messages: int
    credits: float | None


@dataclass(frozen=True)
class SmppEndpoint:
    """One endpoint pair, each `host:port`."""

    secured: str | None  # TLS
    unsecured: str | None  # plaintext

    @classmethod
    def from_api(cls, body: Any) -> SmppEndpoint:
        r = _Reader(body, "SMPP endpoint")
        return cls(secured=r.maybe_text("secured"), unsecured=r.maybe_text("unsecured"))


@dataclass(frozen=True)
class SmppSettings:
    """How to bind: SystemID, endpoints, limits, and the SMPP status (`sms.Settings`)."""

    system_id: str
    endpoints: tuple[SmppEndpoint, ...]
    status: str  # WAITING_IP, UPDATING_IP, SUCCESS, ERROR, UNKNOWN, DELETED
    throughput: int | None
    windowing: int | None

    @classmethod
    def from_api(cls, body: Any, account: str) -> SmppSettings:
        r = _Reader(body, "SMPP settings")
        return cls(
            # Older schemas lack systemID; the control panel then shows the service name.
            system_id=r.maybe_text("systemID") or account,
            endpoints=tuple(SmppEndpoint.from_api(item) for item in r.items("endpoints")),
            status=r.text("status"),
            throughput=r.maybe_integer("throughput"),
            windowing=r.maybe_integer("windowing"),
        )


@dataclass(frozen=True)
class AllowedIps:
    """The IPv4 addresses an SMPP client may bind from."""

    ips: tuple[str, ...]
    limit: int = ALLOWED_IPS_LIMIT

    @classmethod
    def from_api(cls, body: Any) -> AllowedIps:
        if not isinstance(body, list) or not all(isinstance(ip, str) for ip in body):
            raise InvalidResponse("OVHcloud's list of allowed IPs is not a list of addresses")
        return cls(_texts(body))

    @property
    def quota(self) -> str:
        return f"{len(self.ips)}/{self.limit}"


@dataclass(frozen=True)
class Sender:
    """A sender name or number (`sms.Sender`)."""

    sender: str
    type: str | None  # alpha, numeric, shortcode, virtual
    status: str  # waitingValidation, enable, refused, disable
    referer: str | None
    description: str
    comment: str | None  # the moderator's

    @classmethod
    def from_api(cls, body: Any) -> Sender:
        r = _Reader(body, "sender")
        return cls(
            sender=r.text("sender"),
            type=r.maybe_text("type"),
            status=r.text("status"),
            referer=r.maybe_text("referer"),
            description=r.maybe_text("description") or "",
            comment=r.maybe_text("comment"),
        )


@dataclass(frozen=True)
class OutgoingSms:
    """One sent SMS (`sms.Outgoing`)."""

    id: int
    created: datetime | None
    sender: str
    receiver: str
    message: str
    parts: int  # numberOfSms
    credits: float
    ptt: int  # the delivery report code
    delivery_receipt: int
    tariff_code: str
    tag: str
    message_id: str | None
    batch_id: str | None
    sent_at: datetime | None
    delivered_at: datetime | None

    @property
    def delivered(self) -> bool:
        return self.delivery_receipt == 1

    @classmethod
    def from_api(cls, body: Any) -> OutgoingSms:
        r = _Reader(body, "outgoing SMS")
        return cls(
            id=r.integer("id"),
            created=r.moment("creationDatetime"),
            sender=r.maybe_text("sender") or "",
            receiver=r.text("receiver"),
            message=r.maybe_text("message", lines=True) or "",
            parts=r.maybe_integer("numberOfSms") or 0,
            credits=r.maybe_number("credits"),
            ptt=r.integer("ptt"),
            delivery_receipt=r.maybe_integer("deliveryReceipt") or 0,
            tariff_code=r.maybe_text("tariffCode") or "",
            tag=r.maybe_text("tag") or "",
            message_id=r.maybe_text("messageID"),
            batch_id=r.maybe_text("batchID"),
            sent_at=r.moment("sentAt"),
            delivered_at=r.moment("deliveredAt"),
        )


@dataclass(frozen=True)
class IncomingSms:
    """One received SMS (`sms.Incoming`)."""

    id: int
    created: datetime | None
    sender: str
    message: str
    credits: float
    tag: str

    @classmethod
    def from_api(cls, body: Any) -> IncomingSms:
        r = _Reader(body, "incoming SMS")
        return cls(
            id=r.integer("id"),
            created=r.moment("creationDatetime"),
            sender=r.maybe_text("sender") or "",
            message=r.maybe_text("message", lines=True) or "",
            credits=r.maybe_number("credits"),
            tag=r.maybe_text("tag") or "",
        )


@dataclass(frozen=True)
class Document:
    """A file OVHcloud prepares (`nichandle.document.Document`): ready once its size is not 0."""

    id: str
    name: str
    size: int
    url: str

    @property
    def ready(self) -> bool:
        return self.size > 0

    @classmethod
    def from_api(cls, body: Any) -> Document:
        r = _Reader(body, "document")
        return cls(
            id=r.text("id"),
            name=r.maybe_text("name") or "",
            size=r.maybe_integer("size") or 0,
            url=r.text("getUrl"),
        )


@dataclass(frozen=True)
class Hlr:
    """What the operator's register says of an SMS's receiver: every field OVHcloud gives, as
    text (the fields differ between lookups and between schema versions)."""

    fields: tuple[tuple[str, str], ...]  # (API name, value as text), in the API's order

    @classmethod
    def from_api(cls, body: Any) -> Hlr:
        r = _Reader(body, "HLR")
        values = ("" if value is None else value for value in r.body.values())
        return cls(tuple(zip(_texts(r.body), _texts(values), strict=True)))


HistorySms = OutgoingSms | IncomingSms


@dataclass(frozen=True)
class PttMeaning:
    """What a PTT (delivery report) code means (`sms.PttDetails`)."""

    code: int
    comment: str
    description: str
    duration: str | None  # indeterminated, permanent, temporary

    @classmethod
    def from_api(cls, body: Any, code: int) -> PttMeaning:
        r = _Reader(body, "PTT meaning")
        return cls(
            code=code,
            comment=r.maybe_text("comment") or "",
            description=r.maybe_text("description") or "",
            duration=r.maybe_text("duration"),
        )


@dataclass(frozen=True)
class ServiceInfo:
    """The account as a subscribed service (`services.Service`)."""

    service_id: int | None
    status: str | None
    creation: date | None
    expiration: date | None
    contact_admin: str | None
    contact_billing: str | None
    contact_tech: str | None
    automatic_renewal: bool | None

    @classmethod
    def from_api(cls, body: Any) -> ServiceInfo:
        r = _Reader(body, "service information")
        renew = body.get("renew")
        return cls(
            service_id=r.maybe_integer("serviceId"),
            status=r.maybe_text("status"),
            creation=r.day("creation"),
            expiration=r.day("expiration"),
            contact_admin=r.maybe_text("contactAdmin"),
            contact_billing=r.maybe_text("contactBilling"),
            contact_tech=r.maybe_text("contactTech"),
            automatic_renewal=_Reader(renew, "renewal").flag("automatic", default=False)
            if isinstance(renew, Mapping)
            else None,
        )


@dataclass(frozen=True)
class AccessRule:
    method: str
    path: str


@dataclass(frozen=True)
class CurrentCredential:
    """The consumer key in use (`auth.Credential`): its rights and state."""

    credential_id: int
    application_id: int
    status: str  # pendingValidation, validated, refused, expired
    rules: tuple[AccessRule, ...]
    creation: datetime | None
    expiration: datetime | None
    last_use: datetime | None
    allowed_ips: tuple[str, ...] | None

    @classmethod
    def from_api(cls, body: Any) -> CurrentCredential:
        r = _Reader(body, "current credential")
        rules = tuple(_rule(item) for item in r.items("rules"))
        ips = body.get("allowedIPs")
        return cls(
            credential_id=r.integer("credentialId"),
            application_id=r.integer("applicationId"),
            status=r.text("status"),
            rules=rules,
            creation=r.moment("creation"),
            expiration=r.moment("expiration"),
            last_use=r.moment("lastUse"),
            allowed_ips=_texts(ips) if isinstance(ips, list) else None,
        )


def _rule(body: Any) -> AccessRule:
    r = _Reader(body, "access rule")
    return AccessRule(method=r.text("method"), path=r.text("path"))


@dataclass(frozen=True)
class Me:
    """The OVHcloud customer behind the key (`nichandle.Nichandle`)."""

    nichandle: str
    email: str  # where new SMPP passwords are sent
    firstname: str
    name: str
    organisation: str | None
    country: str | None
    language: str | None

    @classmethod
    def from_api(cls, body: Any) -> Me:
        r = _Reader(body, "customer account")
        return cls(
            nichandle=r.text("nichandle"),
            email=r.text("email"),
            firstname=r.maybe_text("firstname") or "",
            name=r.maybe_text("name") or "",
            organisation=r.maybe_text("organisation"),
            country=r.maybe_text("country"),
            language=r.maybe_text("language"),
        )
