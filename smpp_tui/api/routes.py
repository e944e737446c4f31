"""Routes with their pieces quoted, and query strings encoded the way the `ovh` client does.

A `Route` keeps the template apart from the pieces: the path sent has every piece URL-quoted
(names with spaces, `+`, `~` or non-ASCII characters would otherwise break the signature), and
the pattern (`/sms/*/smpp/allowedIPs`) names the route in messages without naming the account.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Route:
    template: str  # "/sms/{}/senders/{}"
    pieces: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return self.template.format(*(quote(str(piece), safe="") for piece in self.pieces))

    @property
    def pattern(self) -> str:
        """The route as access rules write it: `/sms/*/senders/*`."""
        return self.template.replace("{}", "*")


def route(template: str, *pieces: object) -> Route:
    return Route(template, tuple(str(piece) for piece in pieces))


def query_string(params: Mapping[str, Any]) -> str:
    """`a=1&b=true`: booleans lower-case, datetimes in ISO 8601, `None` values left out."""
    return urlencode({name: _text(value) for name, value in params.items() if value is not None})


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
