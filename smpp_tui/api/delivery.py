"""What became of a sent SMS, from the `deliveryReceipt` and `ptt` of its `sms.Outgoing`.

Each outcome has a kind, a few words short enough for a table column, and a symbol that tells
the kinds apart without colour. The codes are OVHcloud's DLR / PTT codes (REFERENCE.md
section 4); the simulator has its own table, as the client and the simulator share no code.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = ("delivered", "failed", "pending", "expired")

# Every symbol is one cell wide, and not of "ambiguous" East Asian width (as "…" and "○" are),
# so that columns line up in every terminal.
SYMBOLS = {"delivered": "✓", "failed": "✗", "pending": "⋯", "expired": "⊘"}
STYLE = {"delivered": "green", "failed": "red", "pending": "yellow", "expired": "magenta"}

WORDS_MAX = 26  # the column holds ~28 cells: the symbol, a space and these words

DELIVERED_PTT = 0
PENDING_PTT = 254
EXPIRED_PTT = 801

PTT_MEANINGS: dict[int, str] = {
    0: "no error",
    1: "internal error",
    2: "network error",
    3: "unreachable destination",
    4: "equipment error",
    5: "subscriber or credit related",
    6: "timeout",
    7: "operator related",
    8: "parental lock",
    9: "undeliverable",
    10: "account credit exhausted",
    50: "internal error",
    51: "internal error",
    52: "missing template",
    53: "blacklisted (STOP)",
    54: "forbidden destination",
    55: "sender rate-limited",
    100: "invalid numbering plan",
    101: "invalid content",
    102: "invalid GSM7 coding",
    103: "too many segments",
    254: "pending",
    255: "unknown",
    800: "undeliverable",
    801: "expired",
    802: "deleted",
    803: "rejected",
    804: "unknown",
}

# The reason of each failure, at most 18 characters so that "failed: " + reason fits WORDS_MAX.
_REASONS: dict[int, str] = {
    1: "platform error",
    2: "network error",
    3: "unreachable number",
    4: "handset error",
    5: "subscriber/credit",
    6: "timed out",
    7: "operator problem",
    8: "parental lock",
    9: "undeliverable",
    10: "out of credits",
    50: "platform error",
    51: "platform error",
    52: "missing template",
    53: "blacklisted (STOP)",
    54: "forbidden number",
    55: "sender rate limit",
    100: "invalid number",
    101: "invalid content",
    102: "invalid GSM7 chars",
    103: "too many segments",
    255: "unknown",
    800: "undeliverable",
    802: "operator deleted",
    803: "operator rejected",
    804: "unknown (operator)",
}


@dataclass(frozen=True)
class DeliveryState:
    """The outcome of one sent SMS, in the user's words."""

    kind: str  # one of STATES
    reason: str  # why it failed, "" unless failed
    symbol: str
    code: int  # the PTT code it was read from

    @property
    def words(self) -> str:
        return f"{self.kind}: {self.reason}" if self.reason else self.kind


def delivery_state(delivery_receipt: int, ptt: int) -> DeliveryState:
    """The outcome of an `sms.Outgoing` from its `deliveryReceipt` and `ptt`."""
    if delivery_receipt == 1:
        return _state("delivered", "", ptt)
    # Code 0 without a receipt: the operator has not reported yet.
    if ptt in (DELIVERED_PTT, PENDING_PTT):
        return _state("pending", "", ptt)
    if ptt == EXPIRED_PTT:
        return _state("expired", "", ptt)
    return _state("failed", _REASONS.get(ptt, f"code {ptt}"), ptt)


def ptt_meaning(code: int) -> str:
    """The documented meaning of a PTT code."""
    return PTT_MEANINGS.get(code, f"unknown code {code}")


def _state(kind: str, reason: str, code: int) -> DeliveryState:
    return DeliveryState(kind, reason, SYMBOLS[kind], code)
