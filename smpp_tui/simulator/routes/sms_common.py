"""What the `/sms` route modules share: finding the caller's account, reading arguments, and
OVHcloud's expanded lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from smpp_tui.simulator import errors, expanded
from smpp_tui.simulator.router import Reply, Request
from smpp_tui.simulator.sms import SmsAccount, SmsState
from smpp_tui.simulator.sms.schema import expanded_fields
from smpp_tui.simulator.sms.sending import Sends, settle

K = TypeVar("K")
V = TypeVar("V")
S = TypeVar("S", bound=Sends)


def sms(request: Request) -> SmsState:
    return request.world.sms


def settled(request: Request, source: S) -> S:
    """The source, its jobs whose time has come sent first (before anything reads it)."""
    settle(source, request.world.now(), sms(request).new_id)
    return source


def account_of(request: Request) -> SmsAccount:
    """The `{serviceName}` account, if it is the caller's (404 as for a missing one)."""
    return sms(request).account(request.customer.nichandle, request.params["serviceName"])


def integer(name: str, text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise errors.bad_request(f"Invalid {name} {text!r}: an integer") from None


def path_id(request: Request, name: str = "id") -> int:
    value = integer(name, request.params[name])
    assert value is not None
    return value


def missing(name: str, value: object) -> errors.ApiError:
    return errors.not_found(f"The requested object ({name} = {value}) does not exist")


def found(items: Mapping[K, V], name: str, key: K) -> V:
    """`items[key]`, or OVHcloud's 404 naming the object missing."""
    if key not in items:
        raise missing(name, key)
    return items[key]


def _page_header(request: Request, name: str, default: int) -> int:
    value = integer(name, request.header(name)) if request.header(name) else default
    if value is None or value < 1:
        raise errors.bad_request(f"Invalid {name}: a whole number of at least 1")
    return value


def listing(request: Request, ids: Sequence[Any], expand: Callable[[Any], Any]) -> Any:
    """A list route's answer: the ids, or with `X-Pagination-Mode: CachedObjectList-Pages`
    (unless the behaviour ignores it) one page of whole objects, filtered and sorted as the
    headers ask (`smpp_tui.simulator.expanded`), and the pagination headers."""
    behaviour = sms(request).behaviour
    if request.header("X-Pagination-Mode") != expanded.MODE or not behaviour.expanded_lists:
        return list(ids)
    size = min(_page_header(request, "X-Pagination-Size", behaviour.max_page_size),
               behaviour.max_page_size)  # fmt: skip
    number = _page_header(request, "X-Pagination-Number", 1)
    view = expanded.view_of(request.header, lambda: expanded_fields(request.template))
    if view.trivial:  # only the page is expanded: 20,000 SMS are not described for 50
        total, page = len(ids), [expand(item) for item in expanded.page_of(ids, size, number)]
    else:
        chosen = view.apply([expand(item) for item in ids])
        total, page = len(chosen), list(expanded.page_of(chosen, size, number))
    headers = {
        "X-Pagination-Mode": expanded.MODE,
        "X-Pagination-Elements": str(total),
        "X-Pagination-Total": str(-(-total // size)),
        "X-Pagination-Size": str(size),
        "X-Pagination-Number": str(number),
    }
    return Reply(page, headers=headers)
