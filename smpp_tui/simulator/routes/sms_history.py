"""`/sms/{sn}/outgoing` and `/incoming`: the history lists with their filters, one message,
its deletion, and the HLR of an outgoing message's receiver."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, integer, listing, missing, path_id
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.times import parse_moment
from smpp_tui.simulator.sms.traffic import INCOMING_FILTERS, OUTGOING_FILTERS, operator_of

router = Router()

_INTEGER_FILTERS = frozenset({"ptt", "deliveryReceipt", "differedDelivery"})


def date_range(request: Request) -> tuple[float | None, float | None]:
    bounds = []
    for name in ("creationDatetime.from", "creationDatetime.to"):
        text = request.arg(name)
        bounds.append(None if text is None else parse_moment(name, text))
    return bounds[0], bounds[1]


def equalities(request: Request, names: Mapping[str, str]) -> dict[str, Any]:
    found = {name: request.arg(name) for name in names if request.arg(name) is not None}
    return {
        name: integer(name, value) if name in _INTEGER_FILTERS else value
        for name, value in found.items()
    }


def _matching(request: Request, history: History, names: Mapping[str, str]) -> list[int]:
    since, until = date_range(request)
    return history.query(equalities(request, names), since, until)


def _listing(request: Request, history: History, names: Mapping[str, str]) -> Any:
    ids = _matching(request, history, names)
    return listing(request, ids, lambda record_id: history[record_id].describe())


def _record(request: Request, history: History) -> Any:
    record_id = path_id(request)
    record = history.get(record_id)
    if record is None:
        raise missing("id", record_id)
    return record


def _delete(request: Request, history: History) -> None:
    history.delete(_record(request, history).id)


def _register(way: str, filters: Mapping[str, str]) -> None:
    """The list, read and delete routes of one way (`outgoing` or `incoming`)."""

    def history(request: Request) -> History:
        return getattr(account_of(request).traffic, way)

    def list_(request: Request) -> Any:
        return _listing(request, history(request), filters)

    def get(request: Request) -> dict[str, Any]:
        return _record(request, history(request)).describe()

    def delete(request: Request) -> None:
        _delete(request, history(request))

    router.route("GET", f"/sms/{{serviceName}}/{way}")(list_)
    router.route("GET", f"/sms/{{serviceName}}/{way}/{{id}}")(get)
    router.route("DELETE", f"/sms/{{serviceName}}/{way}/{{id}}")(delete)


_register("outgoing", OUTGOING_FILTERS)
_register("incoming", INCOMING_FILTERS)


@router.route("GET", "/sms/{serviceName}/outgoing/{id}/hlr")
def outgoing_hlr(request: Request) -> dict[str, Any]:
    outgoing = account_of(request).traffic.outgoing
    return operator_of(_record(request, outgoing).receiver).describe()
