"""What each gateway method calls, declared beside it, and the access rules that follow.

A consumer key should hold exactly the rights the app uses. Rather than keep a list apart from
the code (it would drift), every gateway method names its routes with `@calls(...)`; the rules
a new key asks for are derived from those declarations, and a test runs every method with a key
holding only those rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from smpp_tui.api.models import AccessRule

F = TypeVar("F", bound=Callable[..., Any])
_METHOD_ORDER = ("GET", "POST", "PUT", "DELETE", "PATCH")


def calls(*specs: str) -> Callable[[F], F]:
    """Declare the routes a method calls: `@calls("GET /sms/{}", "PUT /sms/{}")`."""
    declared = tuple(_parse(spec) for spec in specs)

    def mark(method: F) -> F:
        # A function takes attributes, but typing cannot declare one on a Callable.
        method.api_calls = declared  # type: ignore[attr-defined]
        return method

    return mark


def _parse(spec: str) -> tuple[str, str]:
    method, _, template = spec.partition(" ")
    if method not in _METHOD_ORDER or not template.startswith("/"):
        raise ValueError(f"not a call: {spec!r} (write 'GET /sms/{{}}')")
    return method, template


def declared_calls(cls: type) -> dict[str, tuple[tuple[str, str], ...]]:
    """Method name -> the (HTTP method, route template) pairs it declared."""
    return {
        name: member.api_calls
        for name, member in vars(cls).items()
        if callable(member) and hasattr(member, "api_calls")
    }


def access_rules(pairs: Iterable[tuple[str, str]]) -> tuple[AccessRule, ...]:
    """The fewest rules covering these calls: `{}` becomes `*`, and a rule that another one
    already covers is left out (`GET /sms/*` covers `GET /sms/*/senders`, as OVHcloud's `*`
    spans slashes). Sorted by path, then method."""
    rules = {AccessRule(method, template.replace("{}", "*")) for method, template in pairs}
    kept = [rule for rule in rules if not any(_covers(o, rule) for o in rules if o != rule)]
    return tuple(sorted(kept, key=lambda r: (r.path, _METHOD_ORDER.index(r.method))))


def rule_allows(rule: AccessRule, method: str, path: str) -> bool:
    """OVHcloud's matching: equal methods; in the path `*` is any run of characters."""
    pattern = ".*".join(re.escape(piece) for piece in rule.path.split("*"))
    return rule.method == method and re.fullmatch(pattern, path, re.DOTALL) is not None


def _covers(wider: AccessRule, rule: AccessRule) -> bool:
    return rule_allows(wider, rule.method, rule.path)
