"""Opening a session from what the command line asks: the chosen profile and the settings,
the demo, read-only."""

from __future__ import annotations

import shutil
import stat

import pytest

from smpp_tui.api.errors import ReadOnlyRefused
from smpp_tui.cli import build_parser
from smpp_tui.config import Config, config_path, load_config, save_config, with_profile
from smpp_tui.session.audit import AuditLog, default_audit_path
from smpp_tui.session.open import open_session, profile_session
from tests.conftest import profile_on


def session_for(*argv):
    args = build_parser().parse_args(list(argv))
    path = config_path(args.config)
    return open_session(
        load_config(path),
        path,
        demo=args.demo,
        api_url=args.api_url,
        profile=args.profile,
        read_only=args.read_only,
    )


@pytest.fixture
def saved(sim, keys):
    profile = profile_on("work", sim, keys)
    config = with_profile(Config(), profile)
    document = {**config.document, "ui": {"refresh_interval": 12, "theme": "nord"}}
    save_config(config_path(), document)
    return profile


def test_the_only_profile_is_used_with_the_settings(saved):
    session = session_for()
    assert session.label == "work"
    assert session.profile == saved
    assert session.intervals.default == 12
    assert session.config.ui.theme == "nord"
    assert session.config_path == config_path()
    assert session.gateway.me().nichandle == "dc12345-ovh"


def test_read_only_from_the_command_line_refuses_writes(saved):
    session = session_for("--read-only", "--profile", "work")
    assert session.read_only
    with pytest.raises(ReadOnlyRefused):
        session.gateway.regenerate_password("smpp-dc12345-1")


def test_switching_profile_builds_a_fresh_session(saved, sim, customers):
    second = profile_on("other", sim, customers[1].keys, read_only=True)
    first = session_for()
    switched = profile_session(second, first.config, first.config_path)
    assert switched.label == "other"
    assert switched.gateway.read_only
    assert switched.gateway.me().nichandle == "jm67890-ovh"
    assert first.gateway.me().nichandle == "dc12345-ovh"


def test_the_demo_keeps_working_and_reads_the_settings(saved):
    session = session_for("--demo", "--read-only")
    try:
        assert session.label == "demo"
        assert session.gateway.read_only
        assert session.config.ui.refresh_interval == 12
        assert session.intervals.default == 12
    finally:
        session.close()


def test_the_demo_logs_its_writes_in_a_folder_of_its_own(saved):
    session = session_for("--demo")
    try:
        assert session.demo
        assert session.audit_path is not None
        assert session.audit_path.parent.name.startswith("smpp-tui-demo-")
        assert session.audit_path != default_audit_path()
        assert not session.audit_path.parent.exists()  # made by a write: no litter without one
        AuditLog(session.audit_path, "demo").record("smpp-dc12345-1", "test", "done", None)
        assert stat.S_IMODE(session.audit_path.parent.stat().st_mode) == 0o700
    finally:
        session.close()
        shutil.rmtree(session.audit_path.parent)


def test_the_demo_mailbox_reads_the_simulated_mails_newest_first(saved):
    session = session_for("--demo")
    try:
        assert session.mailbox is not None
        first = session.mailbox.mails()  # each SMPP account's first password, for its SMSC
        assert {mail.account for mail in first} == {
            a.name for a in session.gateway.list_accounts() if a.smpp
        }
        for account in ("smpp-dc12345-1", "smpp-dc12345-7"):
            session.gateway.regenerate_password(account)
        newest, second, *older = session.mailbox.mails()
        assert older == first
        assert (newest.account, second.account) == ("smpp-dc12345-7", "smpp-dc12345-1")
        assert newest.password is not None
        assert f"Password: {newest.password}\n" in newest.body
    finally:
        session.close()
