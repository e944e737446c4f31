"""Consumer-key access rules, matched as OVHcloud matches them.

A rule is `{"method": "GET", "path": "/sms/*"}`. The method must be equal; in the path, `*`
stands for any run of characters, slashes included, and everything else is literal. `/sms/*`
therefore covers `/sms/a` and `/sms/a/b` but not `/sms` itself, which is why clients ask for both
`/sms` and `/sms/*` (as `ovh`'s `add_recursive_rules` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


@lru_cache(maxsize=1024)
def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(piece) for piece in path.split("*")), re.DOTALL)


def rule_allows(rule: Mapping[str, str], method: str, path: str) -> bool:
    return rule.get("method") == method and bool(_pattern(rule.get("path", "")).fullmatch(path))


def rules_allow(rules: Iterable[Mapping[str, str]], method: str, path: str) -> bool:
    return any(rule_allows(rule, method, path) for rule in rules)


def rule_problem(rule: object) -> str | None:
    """Why a requested rule is not acceptable, or None when it is."""
    if not isinstance(rule, Mapping):
        return "each access rule must be an object with a method and a path"
    if rule.get("method") not in METHODS:
        return f"access rule method must be one of {', '.join(METHODS)}"
    path = rule.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        return "access rule path must be a string starting with /"
    return None
