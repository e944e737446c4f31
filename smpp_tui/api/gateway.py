"""The gateway: every read and write the app makes on OVHcloud, typed.

Methods block; the app runs them off its event loop (on daemon threads, see `fanout`).
Writes raise `ReadOnlyRefused` in read-only mode before anything is sent. Every
failure is one of `smpp_tui.api.errors`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeAlias, TypeVar

from smpp_tui.api import checks
from smpp_tui.api.calls import calls
from smpp_tui.api.connection import DEFAULT_TIMEOUT, Credentials
from smpp_tui.api.errors import InvalidInput, InvalidResponse, ReadOnlyRefused
from smpp_tui.api.history import HistoryFilter, HistoryIds, Way
from smpp_tui.api.lists import Lister
from smpp_tui.api.models import (
    Account,
    AllowedIps,
    CurrentCredential,
    Document,
    HistorySms,
    Hlr,
    IncomingSms,
    Me,
    OutgoingSms,
    PttMeaning,
    Sender,
    ServiceInfo,
    SmppSettings,
    Usage,
)
from smpp_tui.api.routes import route
from smpp_tui.api.transport import Connection

_KEEP = object()  # an argument left as it is
_answered = threading.local()  # per thread: the answer to the last write it sent
P = ParamSpec("P")
R = TypeVar("R")
_Method: TypeAlias = Callable[Concatenate["Gateway", P], R]  # a method of the gateway


def last_write_query_id() -> str | None:
    """OVHcloud's query id of the answer to the last write this thread sent (None: none yet,
    or the answer had none): the audit log's reference of a write that succeeded."""
    query_id: str | None = getattr(_answered, "query_id", None)
    return query_id


def _write(action: str) -> Callable[[_Method[P, R]], _Method[P, R]]:
    """Refuse the method in read-only mode, naming what would have been done."""

    def decorate(method: _Method[P, R]) -> _Method[P, R]:
        @functools.wraps(method)
        def guarded(self: Gateway, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if self.read_only:
                raise ReadOnlyRefused(f"read-only profile: not allowed to {action}")
            return method(self, *args, **kwargs)

        return guarded

    return decorate


class Gateway:
    def __init__(
        self, connection: Connection, *, read_only: bool = False, expanded_lists: bool = True
    ) -> None:
        self.connection = connection
        self.read_only = read_only
        self.lists = Lister(connection, expanded=expanded_lists)

    @classmethod
    def connect(
        cls,
        endpoint: str,
        credentials: Credentials,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        read_only: bool = False,
        expanded_lists: bool = True,
    ) -> Gateway:
        """A gateway on `ovh-eu`, `ovh-ca`, `ovh-us` or an API URL; nothing is sent yet."""
        connection = Connection(endpoint, credentials, timeout)
        return cls(connection, read_only=read_only, expanded_lists=expanded_lists)

    @property
    def expanded_lists(self) -> bool:
        """OVHcloud sends whole pages of accounts (else each must be fetched by its name)."""
        return self.lists.sends_pages(route("/sms"))

    def _get(self, template: str, *pieces: object, **query: Any) -> Any:
        return self.connection.request("GET", route(template, *pieces), query=query).body

    def _send(self, method: str, template: str, *pieces: object, body: Any = None) -> Any:
        answer = self.connection.request(method, route(template, *pieces), body=body)
        _answered.query_id = answer.query_id
        return answer.body

    # accounts

    @calls("GET /sms")
    def account_names(self) -> list[str]:
        return sorted(self.lists.ids(route("/sms")))

    @calls("GET /sms", "GET /sms/{}")
    def list_accounts(self) -> tuple[Account, ...]:
        """Every SMS account of the customer, by name."""
        bodies = self.lists.everything(route("/sms"), lambda name: route("/sms/{}", name))
        return tuple(sorted((Account.from_api(b) for b in bodies), key=lambda a: a.name))

    @calls("GET /sms/{}")
    def account(self, name: str) -> Account:
        return Account.from_api(self._get("/sms/{}", name))

    @calls("PUT /sms/{}")
    @_write("change an SMS account")
    def update_account(
        self,
        name: str,
        *,
        description: str | None = None,
        callback_url: Any = _KEEP,
        stop_callback_url: Any = _KEEP,
    ) -> None:
        """Change what is given (a URL may be None: no callback); the rest stays."""
        changes = {
            "description": description,
            "callBack": callback_url,
            "stopCallBack": stop_callback_url,
        }
        body = {key: value for key, value in changes.items() if value is not _KEEP}
        if description is None:
            del body["description"]
        if not body:
            raise InvalidInput("nothing to change")
        self._send("PUT", "/sms/{}", name, body=body)

    @calls("PUT /sms/{}")
    @_write("change the automatic recharge")
    def set_automatic_recharge(self, name: str, pack: int | None, threshold: float) -> None:
        """Buy `pack` credits (None: never) when fewer than `threshold` are left."""
        checks.recharge(pack, threshold)
        body = {"automaticRecreditAmount": pack, "creditThresholdForAutomaticRecredit": threshold}
        self._send("PUT", "/sms/{}", name, body=body)

    @calls("GET /sms/{}/serviceInfos")
    def service_info(self, name: str) -> ServiceInfo:
        return ServiceInfo.from_api(self._get("/sms/{}/serviceInfos", name))

    # SMPP

    @calls("GET /sms/{}/smpp/settings")
    def smpp_settings(self, name: str) -> SmppSettings:
        return SmppSettings.from_api(self._get("/sms/{}/smpp/settings", name), name)

    @calls("GET /sms/{}/smpp/allowedIPs")
    def allowed_ips(self, name: str) -> AllowedIps:
        return AllowedIps.from_api(self._get("/sms/{}/smpp/allowedIPs", name))

    @calls("PUT /sms/{}/smpp/allowedIPs")
    @_write("add allowed IPs")
    def add_allowed_ips(self, name: str, ips: Iterable[str]) -> AllowedIps:
        return self._change_ips(name, "add", ips)

    @calls("PUT /sms/{}/smpp/allowedIPs")
    @_write("remove allowed IPs")
    def remove_allowed_ips(self, name: str, ips: Iterable[str]) -> AllowedIps:
        return self._change_ips(name, "remove", ips)

    def _change_ips(self, name: str, action: str, ips: Iterable[str]) -> AllowedIps:
        body = {"action": action, "ips": checks.ipv4_addresses(ips)}
        return AllowedIps.from_api(self._send("PUT", "/sms/{}/smpp/allowedIPs", name, body=body))

    @calls("POST /sms/{}/smpp/password")
    @_write("regenerate an SMPP password")
    def regenerate_password(self, name: str) -> None:
        """OVHcloud e-mails the new password to the contact address; it never returns it."""
        self._send("POST", "/sms/{}/smpp/password", name)

    # senders

    @calls("GET /sms/{}/senders", "GET /sms/{}/senders/{}")
    def senders(self, name: str) -> tuple[Sender, ...]:
        bodies = self.lists.everything(
            route("/sms/{}/senders", name), lambda sender: route("/sms/{}/senders/{}", name, sender)
        )
        return tuple(sorted((Sender.from_api(b) for b in bodies), key=lambda s: s.sender))

    @calls("GET /sms/{}/senders/{}")
    def sender(self, name: str, sender: str) -> Sender:
        return Sender.from_api(self._get("/sms/{}/senders/{}", name, sender))

    @calls("POST /sms/{}/senders")
    @_write("request a sender")
    def request_sender(self, name: str, sender: str, reason: str, description: str = "") -> None:
        """Ask for a new sender; it waits for OVHcloud's moderator (`waitingValidation`)."""
        checks.new_sender(sender, reason, description)
        body = {"sender": sender, "reason": reason}
        if description:
            body["description"] = description
        self._send("POST", "/sms/{}/senders", name, body=body)

    @calls("DELETE /sms/{}/senders/{}")
    @_write("delete a sender")
    def delete_sender(self, name: str, sender: str) -> None:
        self._send("DELETE", "/sms/{}/senders/{}", name, sender)

    # credits

    @calls("POST /sms/{}/transferCredits")
    @_write("transfer credits")
    def transfer_credits(self, name: str, target: str, credits: float) -> None:
        checks.transfer(name, target, credits)
        body = {"credits": credits, "smsAccountTarget": target}
        self._send("POST", "/sms/{}/transferCredits", name, body=body)

    # history

    @calls("GET /sms/{}/outgoing", "GET /sms/{}/incoming")
    def history_ids(self, name: str, way: Way, filters: HistoryFilter) -> HistoryIds:
        """The ids of the SMS `filters` select: one request, whatever the history's size."""
        ids = self.lists.ids(route(f"/sms/{{}}/{way}", name), filters.query())
        if not all(isinstance(one, int) for one in ids):
            raise InvalidResponse(f"OVHcloud's {way} SMS ids are not numbers")
        return HistoryIds(name, way, filters, tuple(ids))

    @calls(
        "GET /sms/{}/outgoing",
        "GET /sms/{}/outgoing/{}",
        "GET /sms/{}/incoming",
        "GET /sms/{}/incoming/{}",
    )
    def history_slice(self, ids: HistoryIds, start: int, count: int) -> tuple[HistorySms, ...]:
        """The SMS from the `start`-th newest (from 0), `count` of them, newest first; those
        deleted since the ids were asked are left out."""
        if start < 0 or count < 1:
            raise InvalidInput("a slice of the history starts at 0 and holds at least one SMS")
        way, name = ids.way, ids.account
        bodies = self.lists.objects_of(
            route(f"/sms/{{}}/{way}", name),
            lambda sms: route(f"/sms/{{}}/{way}/{{}}", name, sms),
            ids.filters.query(),
            ids.places,
            ids.newest_first[start : start + count],
        )
        parse = OutgoingSms.from_api if way == "outgoing" else IncomingSms.from_api
        return tuple(parse(body) for body in bodies)

    @calls("GET /sms/{}/outgoing/{}/hlr")
    def hlr(self, name: str, sms_id: int) -> Hlr:
        """What the operator's register says of a sent SMS's receiver."""
        return Hlr.from_api(self._get("/sms/{}/outgoing/{}/hlr", name, sms_id))

    @calls("DELETE /sms/{}/outgoing/{}", "DELETE /sms/{}/incoming/{}")
    @_write("delete an SMS from the history")
    def delete_sms(self, name: str, way: Way, sms_id: int) -> None:
        self._send("DELETE", f"/sms/{{}}/{way}/{{}}", name, sms_id)

    @calls("GET /sms/{}/document")
    def export_history(self, name: str, way: Way, filters: HistoryFilter) -> str:
        """Ask OVHcloud for a CSV of the history (dates, tag and batch filters only): the id
        of the document to wait for."""
        if not filters.exportable:
            raise InvalidInput("OVHcloud's export filters by dates, tag and batch only")
        answer = self._get("/sms/{}/document", name, wayType=way, **filters.query())
        if not isinstance(answer, str) or not answer:
            raise InvalidResponse("OVHcloud's export gave no document id")
        return answer

    @calls("GET /me/document/{}")
    def document(self, document_id: str) -> Document:
        return Document.from_api(self._get("/me/document/{}", document_id))

    @calls("GET /sms/{}/outgoing")
    def usage(self, name: str, since: datetime) -> Usage:
        """How many SMS were sent since `since`, and their credits when OVHcloud sends whole
        pages of them (the count alone otherwise: id by id would cost a request per SMS)."""
        target, query = route("/sms/{}/outgoing", name), {"creationDatetime.from": since}
        objects, ids = self.lists.pages_or_ids(target, query)
        if objects is None:
            return Usage(since, len(ids), None)
        sent = [OutgoingSms.from_api(body) for body in objects]
        return Usage(since, len(sent), round(sum(sms.credits for sms in sent), 2))

    @calls("GET /sms/ptts")
    def ptt(self, code: int) -> PttMeaning:
        """What a delivery report (PTT) code means."""
        return PttMeaning.from_api(self._get("/sms/ptts", ptt=code), code)

    # identity

    @calls("GET /me")
    def me(self) -> Me:
        return Me.from_api(self._get("/me"))

    @calls("GET /auth/currentCredential")
    def current_credential(self) -> CurrentCredential:
        return CurrentCredential.from_api(self._get("/auth/currentCredential"))

    @calls("POST /auth/logout")
    def logout(self) -> None:
        """Expire the consumer key in use (allowed in read-only mode: it changes no account)."""
        self._send("POST", "/auth/logout")
