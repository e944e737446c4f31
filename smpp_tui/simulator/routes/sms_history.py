"""`/outgoing` and `/incoming` of an account, a user or a virtual number: the history lists
with their filters, one message, its deletion, and the HLR of an outgoing message's receiver."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import (
    account_of,
    integer,
    listing,
    missing,
    path_id,
    settled,
)
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.sending import Sends
from smpp_tui.simulator.sms.times import parse_moment
from smpp_tui.simulator.sms.traffic import (
    INCOMING_FILTERS,
    OUTGOING_FILTERS,
    Traffic,
    operator_of,
)

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


SourceOf = Callable[[Request], Sends]


def register_history(router: Router, prefix: str, source_of: SourceOf) -> None:
    """The history routes under one prefix (an account, a user, a virtual number): the list,
    read and delete routes of both ways, and the HLR of an outgoing SMS's receiver. Jobs whose
    time has come are sent first, so that they are found here."""

    def traffic(request: Request) -> Traffic:
        return settled(request, source_of(request)).traffic

    for way, filters in (("outgoing", OUTGOING_FILTERS), ("incoming", INCOMING_FILTERS)):
        _register_way(router, f"{prefix}/{way}", filters, _way_of(traffic, way))

    def outgoing_hlr(request: Request) -> dict[str, Any]:
        outgoing = traffic(request).outgoing
        return operator_of(_record(request, outgoing).receiver).describe()

    router.route("GET", f"{prefix}/outgoing/{{id}}/hlr")(outgoing_hlr)


def _way_of(traffic: Callable[[Request], Traffic], way: str) -> Callable[[Request], History]:
    return lambda request: getattr(traffic(request), way)


def _register_way(
    router: Router, path: str, filters: Mapping[str, str], history: Callable[[Request], History]
) -> None:
    def list_(request: Request) -> Any:
        return _listing(request, history(request), filters)

    def get(request: Request) -> dict[str, Any]:
        return _record(request, history(request)).describe()

    def delete(request: Request) -> None:
        _delete(request, history(request))

    router.route("GET", path)(list_)
    router.route("GET", f"{path}/{{id}}")(get)
    router.route("DELETE", f"{path}/{{id}}")(delete)


register_history(router, "/sms/{serviceName}", account_of)
