"""OVHcloud's expanded lists: the `X-Pagination-*` request headers that ask a list route for
whole objects, filtered, sorted and cut into pages.

The filter is OVHcloud's control-panel grammar: `FIELD:OPERATOR=VALUE` pieces joined with `&`,
field and value percent-encoded, `%` the `like` wildcard, `in` taking comma-separated values;
a field may be dotted (`iam.urn`). The sort is one field and `ASC` or `DESC`. Fields are the
expanded model's, so an unknown one is refused rather than matching nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from smpp_tui.simulator import errors

MODE = "CachedObjectList-Pages"
OPERATORS = ("eq", "ne", "lt", "gt", "like", "in")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FORM = "FIELD:OPERATOR=VALUE pieces joined with &, such as status:eq=enable&name:like=sms-%25"


@dataclass(frozen=True)
class Condition:
    path: tuple[str, ...]
    operator: str
    values: tuple[str, ...]

    def holds(self, item: Any) -> bool:
        value = value_at(item, self.path)
        if self.operator == "ne":
            return not _equal(value, self.values[0])
        if value is None:
            return False
        if self.operator in ("eq", "in"):
            return any(_equal(value, given) for given in self.values)
        if self.operator == "like":
            return _like(self.values[0]).fullmatch(_text(value)) is not None
        order = _order(value, self.values[0])
        return order is not None and (order < 0 if self.operator == "lt" else order > 0)


@dataclass(frozen=True)
class View:
    """What the headers ask of a list: the conditions every object meets, then its order."""

    conditions: tuple[Condition, ...] = ()
    sort: tuple[str, ...] | None = None
    descending: bool = False

    @property
    def trivial(self) -> bool:
        return not self.conditions and self.sort is None

    def apply(self, items: list[Any]) -> list[Any]:
        kept = [item for item in items if all(c.holds(item) for c in self.conditions)]
        if self.sort is None:
            return kept
        # Nulls last whichever the order; numbers as numbers, anything else as its text.
        keyed = [(value_at(item, self.sort), item) for item in kept]
        known = [pair for pair in keyed if pair[0] is not None]
        known.sort(key=lambda pair: _sort_key(pair[0]), reverse=self.descending)
        return [item for _, item in known] + [item for value, item in keyed if value is None]


def view_of(header: Callable[[str], str | None], fields_of: Callable[[], Collection[str]]) -> View:
    """The view the request's headers ask for, or a 400 saying what is accepted. The model's
    fields are asked for only when a header names one: reading them parses the schema (~50 ms),
    which a plain page (the app's every list) does not need."""
    text, sort_text = header("X-Pagination-Filter"), header("X-Pagination-Sort")
    fields = fields_of() if text or sort_text else frozenset()
    conditions = tuple(_condition(piece, fields) for piece in text.split("&")) if text else ()
    order = (header("X-Pagination-Sort-Order") or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise errors.bad_request(f"Invalid X-Pagination-Sort-Order {order!r}: ASC or DESC")
    sort = _path(unquote(sort_text), fields, "X-Pagination-Sort") if sort_text else None
    return View(conditions, sort, order == "DESC")


def page_of(items: Sequence[Any], size: int, number: int) -> Sequence[Any]:
    return items[(number - 1) * size : number * size]


def value_at(item: Any, path: Sequence[str]) -> Any:
    for name in path:
        if not isinstance(item, dict):
            return None
        item = item.get(name)
    return item


def _condition(piece: str, fields: Collection[str]) -> Condition:
    field_text, colon, rest = piece.partition(":")
    operator, equals, value = rest.partition("=")
    if not (colon and equals and field_text):
        raise errors.bad_request(f"Invalid X-Pagination-Filter {piece!r}: {_FORM}")
    if operator not in OPERATORS:
        raise errors.bad_request(
            f"Invalid X-Pagination-Filter operator {operator!r}: one of {', '.join(OPERATORS)}"
        )
    values = value.split(",") if operator == "in" else [value]
    path = _path(unquote(field_text), fields, "X-Pagination-Filter")
    return Condition(path, operator, tuple(unquote(given) for given in values))


def _path(text: str, fields: Collection[str], header: str) -> tuple[str, ...]:
    if text not in fields:
        names = sorted(field for field in fields if "." not in field)
        raise errors.bad_request(
            f"Unknown field {text!r} in {header}: one of {', '.join(names)}, or a dotted"
            " field inside one of them"
        )
    return tuple(text.split("."))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _number(text: str) -> float | None:
    return float(text) if _NUMBER.fullmatch(text) else None  # not nan, inf nor 1_0


def _moment(text: str) -> datetime | None:
    if not _DATE.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _order(value: Any, given: str) -> int | None:
    """-1, 0 or 1 as the value sorts before, with or after the given text; numbers compare as
    numbers, dates as moments (whatever their offsets), the rest as text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = _number(given)
        if number is None:
            return None
        return (value > number) - (value < number)
    text = _text(value)
    moments = _moment(text), _moment(given)
    if moments[0] is not None and moments[1] is not None:
        return (moments[0] > moments[1]) - (moments[0] < moments[1])
    return (text > given) - (text < given)


def _equal(value: Any, given: str) -> bool:
    return value is not None and _order(value, given) == 0


def _like(pattern: str) -> re.Pattern[str]:
    # SQL's LIKE: % any run, _ one character. Case-insensitive: the simulator's own choice.
    parts = (".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _sort_key(value: Any) -> Any:
    return value if isinstance(value, int | float | str) else _text(value)
