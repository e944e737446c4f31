"""The README's pictures are the snapshot tests' pictures: what the README shows is today's app."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SNAPSHOTS = Path(__file__).parent / "tui" / "__snapshots__" / "test_snapshots"

SHOWN = {
    "accounts.svg": "test_accounts[size0].svg",
    "accounts-80x24.svg": "test_accounts[size1].svg",
    "overview.svg": "test_overview.svg",
    "ips.svg": "test_ips.svg",
    "password-confirmation.svg": "test_password_confirmation.svg",
    "senders.svg": "test_senders[size0].svg",
    "sender-form-80x24.svg": "test_sender_form[size1].svg",
    "credits.svg": "test_credits[size0].svg",
    "transfer-confirmation.svg": "test_transfer_confirmation[size0].svg",
    "history.svg": "test_history[size0].svg",
    "sms-details.svg": "test_sms_details[size0].svg",
    "history-filter-80x24.svg": "test_history_filter_form[size1].svg",
}


def test_every_picture_is_named_here():
    assert sorted(p.name for p in (ROOT / "screenshots").glob("*.svg")) == sorted(SHOWN)


@pytest.mark.parametrize(("picture", "snapshot"), SHOWN.items())
def test_each_picture_is_the_current_snapshot(picture, snapshot):
    shown = (ROOT / "screenshots" / picture).read_bytes()
    assert shown == (SNAPSHOTS / snapshot).read_bytes(), f"cp '{SNAPSHOTS / snapshot}' {picture}"


def test_the_readme_shows_every_picture():
    readme = (ROOT / "README.md").read_text()
    assert [p for p in SHOWN if f"(screenshots/{p})" not in readme] == []
