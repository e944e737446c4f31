"""Fetching lists of objects: expanded pages when OVHcloud honours them, else id by id.

OVHcloud's list routes answer ids. Its web panel asks for whole objects page by page with
`X-Pagination-Mode: CachedObjectList-Pages`; whether calls signed with an application key get
them is unconfirmed, so every answer is looked at: objects are used as they are, ids are
fetched one by one (at most 10 in flight). Once a route answered ids to the expanded mode, it
is not asked again (routes differ: a server may page accounts and not senders).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from smpp_tui.api import errors
from smpp_tui.api.fanout import fan_out
from smpp_tui.api.routes import Route
from smpp_tui.api.transport import Connection

PAGE_SIZE = 500
ItemRoute = Callable[[Any], Route]  # the route of one item, from its id


@dataclass(frozen=True)
class Listing:
    """A list route's answer: objects when expanded, else ids; `total` over all pages."""

    objects: tuple[dict[str, Any], ...] | None
    ids: tuple[Any, ...] | None
    total: int | None  # elements over all pages, when the server says
    size: int | None = None  # the page size the server used, when it says (it may cap ours)


class Lister:
    def __init__(self, connection: Connection, expanded: bool = True) -> None:
        self.connection = connection
        self.expanded = expanded  # whether to ask for whole pages at all
        self._ids_only: set[str] = set()  # the route templates that answered ids to it

    def sends_pages(self, target: Route) -> bool:
        """Whether asking `target` for whole pages is worth it (it did not answer ids)."""
        return self.expanded and target.template not in self._ids_only

    def ids(self, target: Route, query: Mapping[str, Any] | None = None) -> list[Any]:
        """The plain id list, in the server's order."""
        return _ids(self.connection.request("GET", target, query=query).body, target)

    def everything(
        self, target: Route, item: ItemRoute, query: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Every object of the list, however it can be had."""
        objects, ids = self.pages_or_ids(target, query)
        return objects if objects is not None else self.each(ids, item)

    def pages_or_ids(
        self, target: Route, query: Mapping[str, Any] | None = None
    ) -> tuple[list[dict[str, Any]] | None, Sequence[Any]]:
        """Every object, page by page, when OVHcloud sends them; else None and the ids
        (fetching them one by one is for the caller to decide)."""
        if not self.sends_pages(target):
            return None, self.ids(target, query)
        first = self.page(target, 1, PAGE_SIZE, query)
        if first.objects is None:
            return None, first.ids or ()
        # Pages are numbered in the size the server used, which may be smaller than asked.
        size = first.size or len(first.objects)
        if not size:
            return [], ()
        pages: list[Sequence[dict[str, Any]]] = [first.objects]
        if first.total is not None:
            numbers = range(2, -(-first.total // size) + 1)
            pages += fan_out(
                lambda n: self.page(target, n, PAGE_SIZE, query).objects or (), numbers
            )
        return self._page_on(target, query, pages, size, first.total), ()

    def _page_on(
        self,
        target: Route,
        query: Mapping[str, Any] | None,
        pages: list[Sequence[dict[str, Any]]],
        size: int,
        total: int | None,
    ) -> list[dict[str, Any]]:
        """Page on while the last page came back full and the total (if known) is not reached."""
        found = [obj for page in pages for obj in page]
        while len(pages[-1]) >= size and (total is None or len(found) < total):
            more = self.page(target, len(pages) + 1, PAGE_SIZE, query).objects
            if not more or list(more) == list(pages[-1]):  # the end, or a page number ignored
                break
            pages.append(more)
            found.extend(more)
        return found

    def page(
        self, target: Route, number: int, size: int, query: Mapping[str, Any] | None = None
    ) -> Listing:
        """Page `number` (from 1) of `size` objects, or the ids when the mode is not honoured."""
        headers = {
            "X-Pagination-Mode": "CachedObjectList-Pages",
            "X-Pagination-Size": str(size),
            "X-Pagination-Number": str(number),
        }
        answer = self.connection.request("GET", target, query=query, headers=headers)
        body = answer.body
        if isinstance(body, list) and body and all(isinstance(item, dict) for item in body):
            return Listing(tuple(body), None, *_counts(answer.headers))
        ids = _ids(body, target)
        if not ids:  # an empty page: nothing tells the two modes apart
            return Listing((), None, *_counts(answer.headers))
        self._ids_only.add(target.template)
        return Listing(None, tuple(ids), len(ids))

    def objects_of(
        self,
        target: Route,
        item: ItemRoute,
        query: Mapping[str, Any],
        places: Mapping[Any, int],
        wanted: Sequence[Any],
    ) -> list[dict[str, Any]]:
        """The objects of the ids `wanted` (in that order; those deleted meanwhile left out),
        `places` giving each id's place in the list as the server orders it: from the (at most
        two) expanded pages that hold them when OVHcloud sends pages, else id by id."""
        covering = self._covering(target, query, places, wanted, max(len(wanted), 1))
        found = {obj.get("id"): obj for obj in covering}
        missing = [one for one in wanted if one not in found]
        found.update((obj.get("id"), obj) for obj in self.each(missing, item))
        return [found[one] for one in wanted if one in found]

    def _covering(
        self,
        target: Route,
        query: Mapping[str, Any],
        places: Mapping[Any, int],
        wanted: Sequence[Any],
        size: int,
    ) -> list[dict[str, Any]]:
        if not (self.sends_pages(target) and wanted):
            return []
        at = [places[one] for one in wanted if one in places]
        if not at:
            return []
        low, high = min(at) // size + 1, max(at) // size + 1
        if high - low > 1:  # the server's order is not the id order: id by id costs less
            return []
        numbers = range(low, high + 1)
        pages = fan_out(lambda n: self.page(target, n, size, query).objects or (), numbers)
        return [obj for page in pages for obj in page]

    def each(self, ids: Sequence[Any], item: ItemRoute) -> list[dict[str, Any]]:
        """The objects of these ids, 10 at a time; those deleted meanwhile are left out."""
        found = fan_out(lambda one: self._one(item(one)), list(ids))
        return [obj for obj in found if obj is not None]

    def _one(self, target: Route) -> dict[str, Any] | None:
        try:
            body = self.connection.request("GET", target).body
        except errors.NotFound:
            return None
        if not isinstance(body, dict):
            raise errors.InvalidResponse(f"OVHcloud sent no object for GET {target.pattern}")
        return body


def _ids(body: Any, target: Route) -> list[Any]:
    if not isinstance(body, list) or not all(isinstance(i, str | int) for i in body):
        raise errors.InvalidResponse(f"OVHcloud's GET {target.pattern} is not a list of ids")
    return body


def _counts(headers: Mapping[str, str]) -> tuple[int | None, int | None]:
    """Objects over all pages (`X-Pagination-Total` counts pages) and the page size served."""
    return _number(headers, "X-Pagination-Elements"), _number(headers, "X-Pagination-Size")


def _number(headers: Mapping[str, str], name: str) -> int | None:
    try:
        value = int(headers[name])
    except (KeyError, ValueError):
        return None
    return value if value >= 0 else None
