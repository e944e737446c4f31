"""Query-string arguments that take a value of one of the schema's enums."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request
from smpp_tui.simulator.sms.schema import enum

_LISTED = 12  # a longer enum is named, with examples, rather than listed


def choice(request: Request, name: str, model: str, *, required: bool = False) -> Any:
    """The argument's value in the enum `model` (an integer for an integer enum), None when
    it is optional and absent; a 400 that says what is accepted."""
    text, values = request.arg(name), enum(model)
    if text is None and not required:
        return None
    chosen = next((value for value in values if str(value) == text), None)
    if chosen is not None:
        return chosen
    problem = f"{name} is required" if text is None else f"Invalid {name} {text!r}"
    if len(values) <= _LISTED:
        accepted = ", ".join(map(str, values))
    else:
        accepted = f"the {len(values)} values of {model}, such as {', '.join(map(str, values[:3]))}"
    raise errors.bad_request(f"{problem}: one of {accepted}")
