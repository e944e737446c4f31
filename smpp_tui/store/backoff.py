"""How long to wait before retrying a resource whose refresh failed: doubling from `first`
up to `longest` (five minutes), or what OVHcloud asked for with `Retry-After` if longer.

The long waits are for an OVHcloud that answers nothing: once it answers other requests, a
resource that failed for want of an answer waits no more than `answered` (or its own interval,
if shorter) after its last try, so the screen is fresh soon after an outage.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    first: float = 5.0
    longest: float = 300.0
    answered: float = 30.0

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        doubled = self.first * 2.0 ** max(0, failures - 1)
        return max(min(doubled, self.longest), retry_after or 0.0)
