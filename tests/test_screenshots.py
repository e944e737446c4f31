"""The README's pictures are the snapshot tests' pictures: what the README shows is today's app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SNAPSHOTS = Path(__file__).parent / "tui" / "__snapshots__" / "test_snapshots"

SHOWN = {
    "accounts.svg": "test_accounts[size0].svg",
    "accounts-80x24.svg": "test_accounts[size1].svg",
    "welcome-80x24.svg": "test_welcome[size1].svg",
    "connect-80x24.svg": "test_connect_form[size1].svg",
    "profiles.svg": "test_profiles[size0].svg",
    "keys-help-80x24.svg": "test_keys_help[size1].svg",
    "overview.svg": "test_overview[size0].svg",
    "reveal-80x24.svg": "test_reveal[size1].svg",
    "password-confirmation.svg": "test_password_confirmation[size0].svg",
    "client-configs.svg": "test_client_configs[size0].svg",
    "connection-test.svg": "test_connection_test_failed[size0].svg",
    "error-dialog-80x24.svg": "test_error_dialog[size1].svg",
    "mail.svg": "test_mail[size0].svg",
    "ips.svg": "test_ips[size0].svg",
    "add-ips-80x24.svg": "test_add_ips[size1].svg",
    "senders.svg": "test_senders[size0].svg",
    "sender-form-80x24.svg": "test_sender_form[size1].svg",
    "credits.svg": "test_credits[size0].svg",
    "transfer-form-80x24.svg": "test_transfer_form[size1].svg",
    "recharge-form-80x24.svg": "test_recharge_form[size1].svg",
    "transfer-confirmation.svg": "test_transfer_confirmation[size0].svg",
    "history.svg": "test_history[size0].svg",
    "sms-details.svg": "test_sms_details[size0].svg",
    "history-filter-80x24.svg": "test_history_filter_form[size1].svg",
    "export-80x24.svg": "test_export[size1].svg",
    "classic-account.svg": "test_classic_account[size0].svg",
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


def test_every_picture_the_readme_shows_exists():
    readme = (ROOT / "README.md").read_text()
    named = re.findall(r"\]\((screenshots/[^)]+)\)", readme)
    assert "screenshots/accounts.png" in named  # for the places that show no SVG
    assert [name for name in named if not (ROOT / name).is_file()] == []
