"""How long to wait before retrying a resource whose refresh failed: doubling from `first`
up to `longest` (five minutes), or what OVHcloud asked for with `Retry-After` if longer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    first: float = 5.0
    longest: float = 300.0

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        doubled = self.first * 2.0 ** max(0, failures - 1)
        return max(min(doubled, self.longest), retry_after or 0.0)
