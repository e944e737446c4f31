"""`clean`: text from outside made safe to show, sample by sample of the hostile corpus."""

from __future__ import annotations

import time

import pytest

from smpp_tui.api.text import clean
from tests.hostile import CORPUS, controls_in


@pytest.mark.parametrize("sample", CORPUS, ids=lambda sample: sample.name)
def test_each_hostile_sample_leaves_only_its_visible_text(sample):
    cleaned = clean(sample.text)
    assert cleaned == sample.visible
    assert [gone for gone in sample.gone if gone in cleaned] == []
    assert controls_in(cleaned) == set()


def test_no_character_of_any_kind_gets_through():
    every = "".join(map(chr, range(0x3000))) + "\ufeff\U000e0041"
    cleaned = clean(every)
    assert controls_in(cleaned) == set()
    assert controls_in(clean(every, lines=True), lines=True) == set()
    hiding = "\u061c\u200b\u200d\u200e\u202a\u202e\u2066\u2069\u2028\ufeff\U000e0041"
    assert [c for c in hiding if c in cleaned] == []


def test_line_breaks_are_kept_only_when_asked():
    text = "one\r\ntwo\nthree\u2029four\tfive"
    assert clean(text) == "one two three four five"
    assert clean(text, lines=True) == "one\ntwo\nthree\nfour five"
    assert clean("carriage\rreturn", lines=True) == "carriage␍return"  # it would overwrite


def test_controls_become_visible_and_the_rest_is_untouched():
    assert clean("\x00\x1f\x7f\x85") == "␀␟␡\ufffd"
    ordinary = "Staging [/] do not use [bold] · Île-de-France ✓ 日本語 👍🏽 +33 6 12 34 56 78"
    assert clean(ordinary) == ordinary  # markup stays literal: the app never parses it


def test_a_long_hostile_value_is_cleaned_at_once():
    # Unterminated sequences over and over: no backtracking may make them quadratic.
    values = ["\x1b]" * 5000, "\x9b" + "0;" * 5000, "\x1bP" + "x" * 10_000, "\x1b[" * 5000]
    start = time.perf_counter()
    assert [controls_in(clean(value)) for value in values] == [set()] * len(values)
    assert time.perf_counter() - start < 0.5
