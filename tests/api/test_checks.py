"""The checks of what the user typed (`smpp_tui.api.checks`), pure functions run before any
request: what they accept, what they refuse, and that each refusal says what is accepted while
quoting what was typed short and escaped (a pasted page or a terminal escape never comes back
whole or raw in a message)."""

from __future__ import annotations

import pytest

from smpp_tui.api import checks
from smpp_tui.api.models import RECHARGE_PACKS, SENDER_DESCRIPTION_MAX, SENDER_REASON_MAX
from tests.conftest import refusal

REASON = "Alerts to our own on-call engineers"
ACCOUNTS = ["smpp-dc12345-1", "smpp-dc12345-2", "smpp-dc12345-3", "sms-dc12345-1"]
SOURCE = "smpp-dc12345-1"
PASTE = "9" * 10_000  # a page pasted into a field
ESC = "\x1b"


def assert_quoted_short_and_escaped(message: str) -> None:
    assert len(message) < 400, "a pasted page does not come back whole"
    assert ESC not in message, "no raw control character in a message"
    assert "\n" not in message


# new_sender


@pytest.mark.parametrize(
    "sender",
    [
        "A",
        "ACME",
        "ExampleTel",
        "Acme Co",  # a plain space
        "A_B-C.D,E&+",  # every sign allowed, 11 characters
        "12345678901",  # 11 digits without +: an alphanumeric sender
        "+3",
        "+33612345678",
        "+" + "1" * 15,
    ],
)
def test_a_sender_of_the_allowed_forms_is_accepted(sender):
    assert checks.new_sender(sender, REASON, "") is None


@pytest.mark.parametrize(
    "sender",
    [
        "",
        "ABCDEFGHIJKL",  # 12 characters
        "Café",
        "ACME\nCorp",
        "ACME\r",
        "ACME\t",
        "[bold]",
        "+" + "1" * 16,
        "1" * 12,  # digits without + longer than 11
    ],
)
def test_a_sender_not_of_the_allowed_forms_is_refused_saying_what_is(sender):
    message = refusal(checks.new_sender, sender, REASON, "")
    assert "is not a sender" in message
    assert "11" in message
    assert "15 digits" in message
    assert_quoted_short_and_escaped(message)


def test_an_empty_sender_is_named_as_such():
    assert refusal(checks.new_sender, "", REASON, "").startswith("an empty sender")


def test_the_description_has_at_most_40_characters():
    assert checks.new_sender("ACME", REASON, "d" * SENDER_DESCRIPTION_MAX) is None
    message = refusal(checks.new_sender, "ACME", REASON, "d" * (SENDER_DESCRIPTION_MAX + 1))
    assert message == "the description has 41 characters: at most 40"


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_an_empty_or_blank_reason_is_refused(reason):
    assert "give the moderator a reason" in refusal(checks.new_sender, "ACME", reason, "")


def test_the_reason_has_at_most_250_characters():
    assert checks.new_sender("ACME", "r" * SENDER_REASON_MAX, "") is None
    message = refusal(checks.new_sender, "ACME", "r" * (SENDER_REASON_MAX + 1), "")
    assert message == "the reason has 251 characters: at most 250"


def test_a_sender_starting_with_plus_must_be_a_number():
    assert "is not a sender" in refusal(checks.new_sender, "+ACME", REASON, "")


# recharge_threshold


@pytest.mark.parametrize(("typed", "threshold"), [("0", 0), ("100", 100), (" 100 ", 100)])
def test_a_whole_threshold_is_read(typed, threshold):
    assert checks.recharge_threshold(typed) == threshold


@pytest.mark.parametrize("typed", ["-5", "1.5", "abc", "\u0661\u0662", "", "  ", "1e3", "²"])
def test_a_threshold_not_a_whole_number_is_refused_saying_what_is(typed):
    message = refusal(checks.recharge_threshold, typed)
    assert "is not a threshold: give a whole number of credits, 0 or more" in message


# recharge_pack


@pytest.mark.parametrize("typed", ["off", "OFF", " Off ", "", "none"])
def test_off_or_nothing_is_no_recharge(typed):
    assert checks.recharge_pack(typed) is None


@pytest.mark.parametrize("pack", RECHARGE_PACKS)
def test_each_pack_of_ovhcloud_is_read(pack):
    assert checks.recharge_pack(str(pack)) == pack
    assert checks.recharge_pack(f" {pack} ") == pack


@pytest.mark.parametrize(
    "typed",
    ["123", "lots", "-100", "100.0", "0", "\u0661\u0660\u0660"],  # Arabic-Indic 100
)
def test_another_pack_is_refused_listing_those_accepted(typed):
    message = refusal(checks.recharge_pack, typed)
    assert "is not a pack: give one of 100, 200, 250, 500, 1000, 5000, 10000, or off" in message


# transfer_target


def test_another_account_of_the_list_is_a_target():
    assert checks.transfer_target("smpp-dc12345-2", SOURCE, ACCOUNTS) == "smpp-dc12345-2"
    assert checks.transfer_target(" sms-dc12345-1 ", SOURCE, ACCOUNTS) == "sms-dc12345-1"


def test_the_source_is_not_its_own_target():
    message = refusal(checks.transfer_target, SOURCE, SOURCE, ACCOUNTS)
    assert message == f"{SOURCE} cannot transfer credits to itself: choose another account"


def test_an_unknown_account_is_refused_listing_the_others():
    message = refusal(checks.transfer_target, "smpp-xx00000-1", SOURCE, ACCOUNTS)
    assert message.startswith("'smpp-xx00000-1' is not an SMS account of this customer")
    assert "(smpp-dc12345-2, smpp-dc12345-3, sms-dc12345-1)" in message
    assert SOURCE not in message, "the source is not offered as a target"


def test_an_empty_target_is_refused_as_nothing():
    assert refusal(checks.transfer_target, "  ", SOURCE, ACCOUNTS).startswith("nothing is not")


def test_the_accounts_offered_stay_few_with_many():
    many = [f"smpp-dc12345-{n}" for n in range(1, 2001)]
    message = refusal(checks.transfer_target, "smpp-xx00000-1", SOURCE, many)
    assert len(message) < 250
    assert message.endswith(", smpp-dc12345-1002 and 1,994 more)")  # sorted by name
    assert message.count("smpp-dc12345-") == 5


def test_no_other_account_is_said():
    message = refusal(checks.transfer_target, "smpp-dc12345-2", SOURCE, [SOURCE])
    assert "(there is none)" in message


# transfer_amount


@pytest.mark.parametrize(
    ("typed", "credits"),
    [("1", 1.0), ("50", 50.0), ("12.5", 12.5), (" 50 ", 50.0), ("250.5", 250.5), ("10.12", 10.12)],
)
def test_an_amount_from_1_to_the_balance_is_read(typed, credits):
    assert checks.transfer_amount(typed, 250.5) == credits


def test_the_whole_balance_may_be_transferred():
    assert checks.transfer_amount("12480.35", 12480.35) == 12480.35


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "0 credits is too few"),
        ("0.5", "0.5 credits is too few"),
        ("-5", "'-5' is not"),
        ("1e3", "'1e3' is not"),
        ("12.5.3", "'12.5.3' is not"),
        ("nan", "'nan' is not"),
        ("inf", "'inf' is not"),
        ("", "nothing is not"),
        ("1,000", "'1,000' is not"),
        ("10.123", "'10.123' is not"),
        ("250.51", "250.51 credits is more than the 250.50 left"),
        ("1000", "1000 credits is more than the 250.50 left"),
    ],
)
def test_an_amount_refused_says_what_is_accepted(typed, said):
    message = refusal(checks.transfer_amount, typed, 250.5)
    assert said in message
    assert "a number of credits from 1 to 250.50, to the cent, such as 50 or 12.5" in message


# what was typed, in a message


@pytest.mark.parametrize(
    ("check", "args"),
    [
        (checks.new_sender, ("A" * 10_000, REASON, "")),
        (checks.new_sender, (ESC + "[2J" + "A" * 100, REASON, "")),
        (checks.recharge_threshold, (ESC + PASTE,)),
        (checks.recharge_pack, (ESC + PASTE,)),
        (checks.transfer_target, (ESC + "]0;owned" + "a" * 10_000, SOURCE, ACCOUNTS)),
        (checks.transfer_amount, (ESC + PASTE, 100.0)),
        (checks.transfer_amount, ("12" + ESC + "[31m", 100.0)),
    ],
)
def test_what_was_typed_comes_back_short_and_escaped(check, args):
    message = refusal(check, *args)
    assert_quoted_short_and_escaped(message)
    assert r"\x1b" in message or "…" in message


def test_a_long_text_is_cut_with_an_ellipsis_in_quotes():
    message = refusal(checks.transfer_target, "a" * 10_000, SOURCE, ACCOUNTS)
    quoted = message.split(" is not")[0]
    assert quoted == repr("a" * 39 + "…")


@pytest.mark.parametrize("typed", ["0" * 10_000, PASTE], ids=["too-few", "too-many"])
def test_a_pasted_number_comes_back_short(typed):
    assert len(refusal(checks.transfer_amount, typed, 100.0)) < 400


# lists: every wrong item found, the first few quoted, how many more said


NOT_IPV4 = "expected four numbers 0-255 such as 192.0.2.10 (no mask, no IPv6)"


def test_a_pasted_page_of_bad_addresses_quotes_three_and_counts_the_rest():
    pasted = ", ".join(f"host-{n}" for n in range(10_000))
    message = refusal(checks.ips_to_add, pasted, [], 10)
    assert message == (
        f"'host-0', 'host-1', 'host-2' and 9,997 more are not IPv4 addresses; {NOT_IPV4}"
    )


def test_only_the_wrong_addresses_are_quoted():
    typed = "192.0.2.1, 192.0.2.300\n192.0.2.2; 10.0.0.0/8 192.0.2.3"
    message = refusal(checks.ips_to_add, typed, [], 10)
    assert message == f"'192.0.2.300', '10.0.0.0/8' are not IPv4 addresses; {NOT_IPV4}"
    assert refusal(checks.ipv4_addresses, ["nope"]) == f"'nope' is not an IPv4 address; {NOT_IPV4}"


def test_a_long_wrong_item_is_cut_short():
    message = refusal(checks.ipv4_addresses, ["9" * 10_000, ESC + "]52;c;owned" + ESC + "\\"])
    assert message.startswith(f"'{'9' * 39}…', '\\x1b]52;c;owned\\x1b\\\\' are not IPv4")
    assert_quoted_short_and_escaped(message)


def test_addresses_typed_twice_or_already_allowed_are_few_in_a_message():
    many = [f"192.0.{n // 250}.{n % 250 + 1}" for n in range(1000)]
    twice = refusal(checks.ips_to_add, " ".join(many * 2), [], 10)
    assert (
        twice
        == "192.0.0.1, 192.0.0.10, 192.0.0.100 and 997 more typed twice; give each address once"
    )
    already = refusal(checks.ips_to_add, " ".join(many), many, 2000)
    assert already == (
        "192.0.0.1, 192.0.0.2, 192.0.0.3 and 997 more already allowed; give only new addresses"
    )


def test_the_longest_list_of_addresses_fits_the_field():
    widest = [f"255.255.255.{n}" for n in range(246, 256)]  # ten of 15 characters
    typed = ",, ".join(widest)  # lines ending with a comma, pasted
    assert len(typed) <= checks.IPS_MAX
    assert checks.ips_to_add(typed, [], 10) == widest


def test_addresses_that_do_not_fit_are_counted_in_words():
    used = [f"192.0.2.{n}" for n in range(1, 10)]
    one = refusal(checks.ips_to_add, "198.51.100.1", [*used, "192.0.2.10"], 10)
    assert one == "198.51.100.1 does not fit: 10 of 10 are used, none is free; remove some first"
    two = refusal(checks.ips_to_add, "198.51.100.1 198.51.100.2", used, 10)
    assert two == "2 addresses do not fit: 9 of 10 are used, room for 1 more; remove some first"


# ip_blocks: where a consumer key may be used from


def test_ip_blocks_of_either_family_with_or_without_a_mask_are_read():
    typed = "192.0.2.10, 192.0.2.0/24\n2001:db8::/32;2001:db8::1  10.0.0.0/8"
    assert checks.ip_blocks(typed) == [
        "192.0.2.10",
        "192.0.2.0/24",
        "2001:db8::/32",
        "2001:db8::1",
        "10.0.0.0/8",
    ]
    assert checks.ip_blocks("  ") == []


def test_wrong_ip_blocks_are_listed_few():
    typed = "192.0.2.0/24 " + " ".join(f"office-{n}" for n in range(10_000))
    message = refusal(checks.ip_blocks, typed)
    assert message == (
        "'office-0', 'office-1', 'office-2' and 9,997 more are not IP blocks; give addresses"
        " or blocks such as 192.0.2.10 or 192.0.2.0/24"
    )
    assert refusal(checks.ip_blocks, "192.0.2.0/33").startswith("'192.0.2.0/33' is not an IP")


# application_key: what goes into a request header


@pytest.mark.parametrize("key", ["7kbG7Bk7S9Nt7ZSV", "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF", "a" * 64])
def test_a_key_of_letters_and_digits_is_taken(key):
    assert checks.application_key("application key", key) == key


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7kbG7Bk7\x01S9Nt7ZSV",
        "7kbG7Bk7\x7fS9Nt7ZSV",
        "7kbG7Bk7\x9bS9Nt7ZSV",
        "7kbG7Bk7S9Nt7ZSV\r\nX-Injected: 1",
        "7kbG7Bk7 S9Nt7ZSV",
        "7kbG7Bk7S9Nt7ZSé",
        "a" * 65,
    ],
    ids=["empty", "c0", "del", "c1", "header", "space", "accent", "too-long"],
)
def test_a_key_with_anything_else_is_refused_without_being_quoted(typed):
    message = refusal(checks.application_key, "application secret", typed)
    assert message == (
        "the application secret is letters and digits only, at most 64, as the page that made"
        " it shows them; copy it again"
    )
