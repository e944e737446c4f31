"""Delivery states: every PTT code of REFERENCE.md section 4 read as the user should see it."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from rich.cells import cell_len

from smpp_tui.api.delivery import (
    PTT_MEANINGS,
    STATES,
    STYLE,
    SYMBOLS,
    WORDS_MAX,
    DeliveryState,
    delivery_state,
    ptt_meaning,
)

# Every code REFERENCE.md documents, with the kind it means when no receipt came (receipt 0),
# and its documented meaning: written out here, not read from the module under test.
DOCUMENTED = {
    0: ("pending", "no error"),
    1: ("failed", "internal error"),
    2: ("failed", "network error"),
    3: ("failed", "unreachable destination"),
    4: ("failed", "equipment error"),
    5: ("failed", "subscriber or credit related"),
    6: ("failed", "timeout"),
    7: ("failed", "operator related"),
    8: ("failed", "parental lock"),
    9: ("failed", "undeliverable"),
    10: ("failed", "account credit exhausted"),
    50: ("failed", "internal error"),
    51: ("failed", "internal error"),
    52: ("failed", "missing template"),
    53: ("failed", "blacklisted (STOP)"),
    54: ("failed", "forbidden destination"),
    55: ("failed", "sender rate-limited"),
    100: ("failed", "invalid numbering plan"),
    101: ("failed", "invalid content"),
    102: ("failed", "invalid GSM7 coding"),
    103: ("failed", "too many segments"),
    254: ("pending", "pending"),
    255: ("failed", "unknown"),
    800: ("failed", "undeliverable"),
    801: ("expired", "expired"),
    802: ("failed", "deleted"),
    803: ("failed", "rejected"),
    804: ("failed", "unknown"),
}
UNDOCUMENTED = [-1, 11, 49, 56, 104, 253, 256, 799, 805, 99_999]


@pytest.mark.parametrize(("code", "kind"), [(c, k) for c, (k, _) in DOCUMENTED.items()])
def test_each_documented_code_without_receipt_has_its_kind(code, kind):
    state = delivery_state(0, code)
    assert state.kind == kind
    assert state.code == code
    assert state.symbol == SYMBOLS[kind]


@pytest.mark.parametrize("code", [*DOCUMENTED, *UNDOCUMENTED])
def test_a_receipt_means_delivered_whatever_the_code(code):
    state = delivery_state(1, code)
    assert (state.kind, state.reason, state.words) == ("delivered", "", "delivered")
    assert state.code == code


@pytest.mark.parametrize(
    ("receipt", "code", "words"),
    [
        (1, 0, "delivered"),
        (0, 0, "pending"),
        (0, 254, "pending"),
        (0, 801, "expired"),
        (0, 6, "failed: timed out"),
        (0, 3, "failed: unreachable number"),
        (0, 53, "failed: blacklisted (STOP)"),
        (0, 100, "failed: invalid number"),
        (0, 1, "failed: platform error"),
        (0, 50, "failed: platform error"),
        (0, 51, "failed: platform error"),
        (0, 11, "failed: code 11"),
        (0, 805, "failed: code 805"),
    ],
)
def test_words(receipt, code, words):
    assert delivery_state(receipt, code).words == words


@pytest.mark.parametrize("code", [c for c, (k, _) in DOCUMENTED.items() if k == "failed"])
def test_every_documented_failure_has_its_own_reason_not_a_bare_code(code):
    state = delivery_state(0, code)
    assert state.reason
    assert not state.reason.startswith("code ")
    assert state.words == f"failed: {state.reason}"


@pytest.mark.parametrize("code", UNDOCUMENTED)
def test_an_unknown_code_fails_and_names_the_code(code):
    state = delivery_state(0, code)
    assert (state.kind, state.reason) == ("failed", f"code {code}")


@pytest.mark.parametrize("code", [c for c, (k, _) in DOCUMENTED.items() if k != "failed"])
def test_only_failures_have_a_reason(code):
    assert delivery_state(0, code).reason == ""


@pytest.mark.parametrize("receipt", [0, 1])
@pytest.mark.parametrize("code", [*DOCUMENTED, *UNDOCUMENTED])
def test_the_words_fit_the_column(receipt, code):
    state = delivery_state(receipt, code)
    assert len(state.words) <= WORDS_MAX <= 26
    assert cell_len(f"{state.symbol} {state.words}") <= 28


def test_the_kinds_have_distinct_one_cell_symbols_and_a_style():
    assert set(SYMBOLS) == set(STYLE) == set(STATES)
    assert STATES == ("delivered", "failed", "pending", "expired")
    assert len(set(SYMBOLS.values())) == len(STATES)
    assert len(set(STYLE.values())) == len(STATES)
    for symbol in SYMBOLS.values():
        assert cell_len(symbol) == 1
        # "A" (ambiguous) is two cells wide in some terminals.
        assert unicodedata.east_asian_width(symbol) == "N"


@pytest.mark.parametrize(("code", "meaning"), [(c, m) for c, (_, m) in DOCUMENTED.items()])
def test_each_documented_code_has_its_meaning(code, meaning):
    assert ptt_meaning(code) == PTT_MEANINGS[code] == meaning


def test_the_meanings_are_exactly_the_documented_codes():
    assert set(PTT_MEANINGS) == set(DOCUMENTED)


@pytest.mark.parametrize("code", UNDOCUMENTED)
def test_an_undocumented_code_has_no_meaning_but_its_number(code):
    assert ptt_meaning(code) == f"unknown code {code}"


def test_a_state_is_a_frozen_value():
    state = delivery_state(0, 6)
    assert state == DeliveryState("failed", "timed out", "✗", 6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.kind = "delivered"  # type: ignore[misc]
