"""The rest of `/sms` an SMPP manager uses: PTT meanings, the blacklist, HLR lookups and the
history export."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import (
    account_of,
    integer,
    listing,
    missing,
    path_id,
    settled,
    sms,
)
from smpp_tui.simulator.routes.sms_history import date_range, equalities
from smpp_tui.simulator.sms.documents import INCOMING_COLUMNS, OUTGOING_COLUMNS, to_csv
from smpp_tui.simulator.sms.ptt import ptt_details
from smpp_tui.simulator.sms.schema import enum
from smpp_tui.simulator.sms.traffic import Blacklisted, HlrLookup, Traffic, operator_of

router = Router()

# The export filters on dates, batchID and tag only.
_EXPORT_FILTERS = {"batchID": "batch_id", "tag": "tag"}


@router.route("GET", "/sms/ptts")
def ptt(request: Request) -> dict[str, Any]:
    code = integer("ptt", request.arg("ptt"))
    if code is None:
        raise errors.bad_request("ptt is required: a PTT code such as 0 or 254")
    details = ptt_details(code)
    if details is None:
        raise missing("ptt", code)
    return details


@router.route("GET", "/sms/{serviceName}/blacklists")
def list_blacklist(request: Request) -> Any:
    batch = request.arg("batchID")
    outgoing = integer("smsOutgoingID", request.arg("smsOutgoingID"))
    blacklist = account_of(request).traffic.blacklist
    numbers = [
        entry.number
        for entry in blacklist.values()
        if (batch is None or entry.batch_id == batch)
        and (outgoing is None or entry.outgoing_id == outgoing)
    ]
    return listing(request, numbers, lambda number: blacklist[number].describe())


def _blacklisted(request: Request) -> tuple[dict[str, Blacklisted], str]:
    blacklist = account_of(request).traffic.blacklist
    number = request.params["number"]
    if number not in blacklist:
        raise missing("number", number)
    return blacklist, number


@router.route("GET", "/sms/{serviceName}/blacklists/{number}")
def get_blacklisted(request: Request) -> dict[str, Any]:
    blacklist, number = _blacklisted(request)
    return blacklist[number].describe()


@router.route("DELETE", "/sms/{serviceName}/blacklists/{number}")
def delete_blacklisted(request: Request) -> None:
    blacklist, number = _blacklisted(request)
    del blacklist[number]


def _lookup(request: Request) -> HlrLookup:
    lookups = account_of(request).traffic.hlr
    lookup_id = path_id(request)
    if lookup_id not in lookups:
        raise missing("id", lookup_id)
    return lookups[lookup_id]


@router.route("GET", "/sms/{serviceName}/hlr")
def list_lookups(request: Request) -> Any:
    lookups = account_of(request).traffic.hlr
    return listing(request, sorted(lookups, reverse=True), lambda id_: lookups[id_].describe())


@router.route("GET", "/sms/{serviceName}/hlr/{id}")
def get_lookup(request: Request) -> dict[str, Any]:
    return _lookup(request).describe()


@router.route("GET", "/sms/{serviceName}/hlr/{id}/operator")
def lookup_operator(request: Request) -> dict[str, Any]:
    return operator_of(_lookup(request).msisdn).describe()


@router.route("GET", "/sms/{serviceName}/document")
def export(request: Request) -> str:
    account = settled(request, account_of(request))
    return export_document(request, account.traffic, account.name)


def export_document(request: Request, traffic: Traffic, name: str) -> str:
    """A CSV of a history, as a `/me/document` id to poll until its size is not 0."""
    way = request.arg("wayType")
    ways = enum("sms.DocumentWayTypeEnum")
    if way not in ways:
        raise errors.bad_request(f"wayType is required: one of {', '.join(ways)}")
    history = traffic.outgoing if way == "outgoing" else traffic.incoming
    since, until = date_range(request)
    ids = history.query(equalities(request, _EXPORT_FILTERS), since, until)
    columns = OUTGOING_COLUMNS if way == "outgoing" else INCOMING_COLUMNS
    content = to_csv(columns, (record.describe() for record in history.records(ids)))
    state, now = sms(request), request.world.now()
    document = state.documents.add(
        request.customer.nichandle,
        f"{name}-{way}.csv",
        content,
        now,
        state.behaviour.document_delay,
    )
    return document.id
