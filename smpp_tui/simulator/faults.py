"""Fault injection: make the simulator slow, flaky or broken on purpose.

A `Fault` matches requests by method and API path (without the `/1.0` or `/v1` prefix; `*`
matches anything, as in access rules) and applies one effect:

| effect   | what the client sees                                                     |
| -------- | ------------------------------------------------------------------------ |
| latency  | the answer arrives `value` seconds late (computed after the wait)        |
| late     | the answer, computed at once, arrives `value` seconds late: it tells what |
|          | was true when asked, even if a later request changed it meanwhile        |
| status   | HTTP `value` with an OVHcloud-style error body (or `body` when given)    |
| rate     | a 500 on a random share `value` (0..1) of the matching requests          |
| drop     | the connection closes before any answer                                  |
| slow     | headers and half the body at once, the rest `value` seconds later        |
| html     | a 502 with an HTML page instead of JSON                                  |
| list     | a 400 whose body is a JSON list (crashes unguarded `ovh` clients)        |
| nested   | a 200 whose body is `value` JSON lists nested in one another: `[[...]]`  |
| huge     | a 200 whose body is a JSON string of `value` megabytes                   |
| text     | a 200 whose body is the text `body` as is, though said to be JSON        |

Faults apply in the order added; latency and late add up with the others. `times` limits how many
requests a fault affects.
"""

from __future__ import annotations

import fnmatch
import random
import shlex
import threading
from dataclasses import dataclass, field
from typing import Any

EFFECTS = (
    "latency",
    "late",
    "status",
    "rate",
    "drop",
    "slow",
    "html",
    "list",
    "nested",
    "huge",
    "text",
)
_VALUED = {"latency", "late", "status", "rate", "slow", "nested", "huge"}
_DELAYS = {"latency", "late"}


@dataclass
class Fault:
    effect: str
    value: float = 0.0
    method: str = "*"
    path: str = "*"
    body: Any = None
    times: int | None = None
    hits: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.effect not in EFFECTS:
            raise ValueError(f"unknown fault effect {self.effect!r}; one of {', '.join(EFFECTS)}")
        if self.effect == "rate" and not 0 <= self.value <= 1:
            raise ValueError("an error rate is a share between 0 and 1")
        if self.effect == "status" and not 100 <= self.value <= 599:
            raise ValueError("a fault status is an HTTP status between 100 and 599")
        if self.value < 0:
            raise ValueError("a fault value cannot be negative")

    def matches(self, method: str, path: str) -> bool:
        method_ok = self.method in ("*", method)
        # fnmatch's `*` crosses slashes, as OVHcloud's access rules do.
        return method_ok and fnmatch.fnmatchcase(path, self.path)

    @property
    def spent(self) -> bool:
        return self.times is not None and self.hits >= self.times


@dataclass(frozen=True)
class Verdict:
    """What the faults decided for one request."""

    delay: float = 0.0  # before the request is handled
    fault: Fault | None = None
    late: float = 0.0  # after it is handled, before the answer leaves


class FaultPlan:
    """The faults in force; thread-safe, shared by every request of a simulator."""

    def __init__(self, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._random = random.Random(seed)

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        with self._lock:
            if fault in self._faults:
                self._faults.remove(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def active(self) -> list[Fault]:
        with self._lock:
            return [f for f in self._faults if not f.spent]

    def decide(self, method: str, path: str) -> Verdict:
        delays, chosen = dict.fromkeys(_DELAYS, 0.0), None
        with self._lock:
            for fault in self._faults:
                if fault.spent or not fault.matches(method, path):
                    continue
                if fault.effect in _DELAYS:
                    fault.hits += 1
                    delays[fault.effect] += fault.value
                elif chosen is None and self._fires(fault):
                    fault.hits += 1
                    chosen = fault
        return Verdict(delays["latency"], chosen, delays["late"])

    def _fires(self, fault: Fault) -> bool:
        return fault.effect != "rate" or self._random.random() < fault.value


def parse_fault(spec: str) -> Fault:
    """Read a fault from the command line: `[METHOD] [PATH] EFFECT[=VALUE] [times=N]`.

    Examples: `latency=0.04`, `GET /sms/* status=503`, `PUT /sms/*/smpp/allowedIPs status=403`,
    `/me drop times=1`, `rate=0.1`.
    """
    method, path, effect, value, times = "*", "*", None, 0.0, None
    for word in shlex.split(spec):
        name, _, raw = word.partition("=")
        if word.isupper() and not raw:
            method = word
        elif word.startswith("/"):
            path = word
        elif name == "times":
            times = _number(raw, word, int)
        elif name in EFFECTS and effect is None:
            if name in _VALUED and not raw:
                raise ValueError(f"fault {name!r} needs a value, as in {name}=N")
            effect, value = name, _number(raw, word, float) if raw else 0.0
        else:
            raise ValueError(
                f"cannot read {word!r} in fault {spec!r}; expected [METHOD] [PATH] EFFECT[=VALUE]"
                f" [times=N] with EFFECT one of {', '.join(EFFECTS)}"
            )
    if effect is None:
        raise ValueError(f"fault {spec!r} names no effect; one of {', '.join(EFFECTS)}")
    return Fault(effect, value, method, path, times=times)


def _number(raw: str, word: str, kind: type) -> Any:
    try:
        return kind(raw)
    except ValueError:
        raise ValueError(f"{word!r}: {raw!r} is not a number") from None
