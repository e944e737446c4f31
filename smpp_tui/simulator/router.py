"""Routes of the simulated API: templates such as `/sms/{serviceName}/senders/{sender}` mapped
to handlers.

A handler takes a `Request` and returns a JSON-able value (`None` answers `null`, as OVHcloud's
void operations do), or a `Reply` when it needs headers, or raises `ApiError`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from smpp_tui.simulator import errors

if TYPE_CHECKING:
    from smpp_tui.simulator.world import Credential, Customer, World


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    world: World
    credential: Credential | None = None
    base_url: str = ""
    template: str = ""  # the route's, such as `/sms/{serviceName}/senders`

    @property
    def customer(self) -> Customer:
        """The customer the consumer key acts for (only on routes that need auth)."""
        assert self.credential is not None
        assert self.credential.customer is not None
        return self.credential.customer

    def arg(self, name: str, default: str | None = None) -> str | None:
        """One query-string argument (the last one when repeated)."""
        values = self.query.get(name)
        return values[-1] if values else default

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Reply:
    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"


Handler = Callable[[Request], Any]


@dataclass
class Route:
    method: str
    template: str
    handler: Handler
    auth: str  # "signed", "application" or "none"
    parts: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.parts = tuple(self.template.strip("/").split("/"))

    @property
    def literals(self) -> int:
        """How many fixed pieces: `/sms/ptts` wins over `/sms/{serviceName}`."""
        return sum(not part.startswith("{") for part in self.parts)

    def match(self, pieces: list[str]) -> dict[str, str] | None:
        if len(self.parts) != len(pieces):
            return None
        params = {}
        for part, piece in zip(self.parts, pieces, strict=True):
            if part.startswith("{"):
                params[part[1:-1]] = piece
            elif part != piece:
                return None
        return params


class Router:
    def __init__(self) -> None:
        self._routes: list[Route] = []  # most specific first: a fixed piece beats a parameter

    @property
    def routes(self) -> tuple[Route, ...]:
        return tuple(self._routes)

    def route(
        self, method: str, template: str, auth: str = "signed"
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._add(Route(method, template, handler, auth))
            return handler

        return register

    def include(self, other: Router) -> None:
        for route in other._routes:
            self._add(route)

    def _add(self, route: Route) -> None:
        # Kept in order as routes come, not sorted after each: a hundred sorts cost milliseconds
        # of every start.
        bisect.insort(self._routes, route, key=lambda known: -known.literals)

    def find(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route for a request path (still percent-encoded), or a 404/405 `ApiError`."""
        pieces = [unquote(piece) for piece in path.strip("/").split("/")]
        allowed = False
        for route in self._routes:
            params = route.match(pieces)
            if params is None:
                continue
            if route.method == method:
                return route, params
            allowed = True
        if allowed:
            raise errors.resource_error(405, f"Method {method} is not allowed on {path}")
        raise errors.invalid_url()
