"""The commands for scripts, each run as a subprocess against the standalone simulator: what
they print on stdout and stderr, their exit codes, and the simulator's state afterwards (read
by an `ovh` client)."""

from __future__ import annotations

import json

import pytest
import requests

from smpp_tui.session.audit import default_audit_path
from smpp_tui.store.export import COLUMNS_OUT
from tests.cli.conftest import run

MAIN = "smpp-dc12345-1"  # SUCCESS: 192.0.2.1, 198.51.100.14, 127.0.0.1
FULL = "smpp-dc12345-7"  # 10 of 10 IPs


def test_accounts_as_json_and_as_a_table(on_standalone):
    on, _ = on_standalone
    listed = on("accounts", "--smpp", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    accounts = json.loads(listed.stdout)
    assert [a["name"] for a in accounts][:2] == [MAIN, "smpp-dc12345-2"]
    assert all(a["smpp"] for a in accounts)
    (main,) = [a for a in accounts if a["name"] == MAIN]
    assert main == {
        "name": MAIN,
        "description": "Production gateway (Kannel)",
        "smpp": True,
        "status": "enable",
        "smpp_status": "SUCCESS",
        "credits_left": 12480.35,
        "ips": ["192.0.2.1", "198.51.100.14", "127.0.0.1"],
        "ips_limit": 10,
    }
    table = on("accounts").stdout.splitlines()
    assert table[0].split()[:4] == ["NAME", "SMPP", "STATUS", "SMPP"]
    assert table[1].split()[:6] == [MAIN, "yes", "enable", "SUCCESS", "12,480.35", "3/10"]
    assert any(line.startswith("sms-dc12345-1 ") for line in table), "classic ones too"


def test_show_prints_one_field_alone_for_scripts(on_standalone):
    on, client = on_standalone
    settings = client.get(f"/sms/{MAIN}/smpp/settings")
    field = on("show", MAIN, "--field", "tls-endpoint")
    assert (field.returncode, field.stdout) == (0, settings["endpoints"][0]["secured"] + "\n")
    shown = json.loads(on("show", MAIN, "--json").stdout)
    assert (shown["system_id"], shown["smpp_status"], shown["windowing"]) == (MAIN, "SUCCESS", 10)
    assert f"localhost:{shown['tls_port']}" == settings["endpoints"][0]["secured"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("show", "smpp-nobody-1"), "no account named smpp-nobody-1; SMPP accounts: "),
        (("show", "sms-dc12345-1"), "sms-dc12345-1 is a classic SMS account"),
        (("ips", "add", MAIN, "192.0.2.300"), "'192.0.2.300' is not an IPv4 address"),
        (("ips", "add", MAIN), "give the ACCOUNT and at least one IP"),
    ],
)
def test_bad_input_exits_2_before_any_write(on_standalone, args, says):
    on, client = on_standalone
    before = client.get(f"/sms/{MAIN}/smpp/allowedIPs")
    result = on(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert client.get(f"/sms/{MAIN}/smpp/allowedIPs") == before


def test_ips_add_waits_until_applied_and_is_idempotent(on_standalone):
    on, client = on_standalone
    added = on("ips", "add", MAIN, "192.0.2.10", "--wait", "--json")
    assert added.returncode == 0, added.stderr
    ips = ["192.0.2.1", "198.51.100.14", "127.0.0.1", "192.0.2.10"]
    assert json.loads(added.stdout) == {"account": MAIN, "ips": ips, "limit": 10}
    assert f"Allowed 192.0.2.10 on {MAIN}" in added.stderr
    assert f"{MAIN}'s SMPP status: SUCCESS" in added.stderr
    assert client.get(f"/sms/{MAIN}/smpp/allowedIPs") == ips
    assert client.get(f"/sms/{MAIN}/smpp/settings")["status"] == "SUCCESS"
    again = on("ips", "add", MAIN, "192.0.2.10")
    assert again.returncode == 0
    assert "192.0.2.10: allowed already" in again.stderr
    assert again.stdout.split() == ["ADDRESS", *ips]


def test_ips_remove_and_a_removal_already_done(on_standalone):
    on, client = on_standalone
    removed = on("ips", "remove", MAIN, "198.51.100.14", "203.0.113.5")
    assert removed.returncode == 0, removed.stderr
    assert "203.0.113.5: not allowed already" in removed.stderr
    assert client.get(f"/sms/{MAIN}/smpp/allowedIPs") == ["192.0.2.1", "127.0.0.1"]


def test_a_rule_or_read_only_refuses_with_exit_1(on_standalone):
    on, client = on_standalone
    full = on("ips", "add", FULL, "192.0.2.99")
    assert full.returncode == 1
    assert "does not fit: 10 of 10 are used" in full.stderr
    read_only = on("ips", "add", MAIN, "192.0.2.99", "--read-only")
    assert read_only.returncode == 1
    assert "read-only" in read_only.stderr
    assert "192.0.2.99" not in client.get(f"/sms/{MAIN}/smpp/allowedIPs")


def test_unreachable_exits_3_and_refused_keys_4(standalone):
    _, printed = standalone
    dead = run("accounts", "--api-url", "http://127.0.0.1:9/1.0", *_keys(printed))
    assert dead.returncode == 3
    assert "could not be reached" in dead.stderr
    keys = _keys({**printed, "consumer_key": "x" * 32})
    refused = run("accounts", "--api-url", printed["endpoint"], *keys)
    assert refused.returncode == 4, refused.stderr
    assert "query id" in refused.stderr


def _keys(printed: dict[str, str]) -> list[str]:
    names = ("application_key", "application_secret", "consumer_key")
    return [part for name in names for part in (f"--{name.replace('_', '-')}", printed[name])]


def test_a_write_is_audit_logged_as_from_the_command_line(on_standalone):
    on, _ = on_standalone
    assert on("ips", "add", MAIN, "192.0.2.11").returncode == 0
    log = default_audit_path()  # in the test's own HOME, as the command saw it
    (entry,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert entry["profile"].endswith("(command line)")
    assert (entry["account"], entry["action"], entry["result"]) == (
        MAIN,
        "change the allowed IPs: add 192.0.2.11",
        "ok",
    )


def test_the_demo_adds_and_waits_too():
    added = run("ips", "add", MAIN, "192.0.2.10", "--wait", "--demo")
    assert added.returncode == 0, added.stderr
    assert added.stdout.split() == [
        "ADDRESS",
        "192.0.2.1",
        "198.51.100.14",
        "127.0.0.1",
        "192.0.2.10",
    ]


def test_password_needs_a_confirmation_then_is_mailed(on_standalone, standalone):
    on, _ = on_standalone
    outbox = standalone[1]["endpoint"].removesuffix("/1.0") + "/_sim/outbox"
    before = len(requests.get(outbox, timeout=5).json())
    unconfirmed = on("password", MAIN, "--regenerate")  # no terminal, no --yes
    assert unconfirmed.returncode == 2
    assert "Add --yes to confirm without a terminal" in unconfirmed.stderr
    waiting = on("password", "smpp-dc12345-2", "--regenerate", "--yes")
    assert waiting.returncode == 1
    assert "SMPP status is WAITING_IP: a new password can only be generated" in waiting.stderr
    assert len(requests.get(outbox, timeout=5).json()) == before, "nothing sent"
    done = on("password", MAIN, "--regenerate", "--yes", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"account": MAIN, "emailed_to": "ops@example.com"}
    (mail,) = requests.get(outbox, timeout=5).json()[before:]
    assert mail["subject"] == f"Your new SMPP password for {MAIN}"


def test_senders_and_credits(on_standalone):
    on, _ = on_standalone
    senders = json.loads(on("senders", MAIN, "--json").stdout)
    assert {"sender": "PROMO", "type": "alpha", "status": "refused"}.items() <= next(
        s for s in senders if s["sender"] == "PROMO"
    ).items()
    credits = json.loads(on("credits", MAIN, "--json").stdout)
    assert credits == {
        "account": MAIN,
        "credits_left": 12480.35,
        "credits_held_by_quota": 0.0,
        "recharge_pack": 1000,
        "recharge_threshold": 500.0,
    }


def test_a_transfer_checks_its_amount_then_moves_the_credits(on_standalone):
    on, client = on_standalone
    negative = on("credits", "transfer", "sms-dc12345-1", MAIN, "-5", "--yes")
    assert negative.returncode == 2
    assert "is not a number of credits from 1 to 3,200.75" in negative.stderr
    to_itself = on("credits", "transfer", MAIN, MAIN, "5", "--yes")
    assert to_itself.returncode == 2
    assert "cannot transfer credits to itself" in to_itself.stderr
    moved = on("credits", "transfer", "sms-dc12345-1", MAIN, "50", "--yes", "--json")
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout)["left"] == 3150.75
    assert client.get("/sms/sms-dc12345-1")["creditsLeft"] == 3150.75
    assert client.get(f"/sms/{MAIN}")["creditsLeft"] == 12530.35


def test_recharge_on_and_off(on_standalone):
    on, client = on_standalone
    assert on("recharge", MAIN, "--below", "200", "--pack", "5000").returncode == 0
    account = client.get(f"/sms/{MAIN}")
    assert (account["automaticRecreditAmount"], account["creditThresholdForAutomaticRecredit"]) == (
        5000,
        200,
    )
    bad = on("recharge", MAIN, "--below", "200", "--pack", "7")
    assert bad.returncode == 2
    assert "is not a pack: give one of 100, 200" in bad.stderr
    assert on("recharge", MAIN, "--off").returncode == 0
    assert client.get(f"/sms/{MAIN}")["automaticRecreditAmount"] is None


def test_history_streams_json_and_csv_with_the_tuis_columns(on_standalone, tmp_path):
    on, _ = on_standalone
    shown = on("history", MAIN, "--since", "7d", "--state", "delivered", "--json")
    assert shown.returncode == 0, shown.stderr
    sms = json.loads(shown.stdout)
    assert sms, "some were delivered in 7 days"
    assert all(s["state"] == "delivered" and s["delivery_receipt"] == 1 for s in sms)
    assert [s["id"] for s in sms] == sorted((s["id"] for s in sms), reverse=True)
    assert list(sms[0]) == list(COLUMNS_OUT)
    path = tmp_path / "sent.csv"
    written = on("history", MAIN, "--since", "7d", "--state", "delivered", "--csv", str(path))
    assert written.returncode == 0
    assert written.stdout == ""
    assert f"Wrote {len(sms):,} SMS to {path}" in written.stderr
    rows = path.read_text().splitlines()
    assert (rows[0], len(rows)) == (",".join(COLUMNS_OUT), len(sms) + 1)
    bad = on("history", MAIN, "--since", "yesterday")
    assert bad.returncode == 2
    assert "give a day such as 2026-11-01, or Nd such as 7d" in bad.stderr


def test_the_connection_test_with_the_mailed_password(on_standalone, standalone):
    on, _ = on_standalone
    outbox = standalone[1]["endpoint"].removesuffix("/1.0") + "/_sim/outbox"
    (mail,) = [m for m in requests.get(outbox, timeout=5).json() if m["account"] == MAIN]
    password = mail["body"].split("Password: ")[1].split()[0]
    # The standalone SMSC's CA is not trusted here: TLS fails on its certificate, untrusted.
    untrusted = on("test", MAIN, env_extra={"SMPP_PASSWORD": password})
    assert untrusted.returncode == 1
    assert "✗ TLS handshake" in untrusted.stdout
    assert "the password was not sent" in untrusted.stdout
    bound = on("test", MAIN, "--plaintext", "--json", env_extra={"SMPP_PASSWORD": password})
    assert bound.returncode == 0, bound.stdout + bound.stderr
    said = json.loads(bound.stdout)
    assert (said["passed"], said["source"], said["failure"]) == (True, "127.0.0.1", None)
    assert [s["name"] for s in said["steps"]][-3:] == ["bind_transceiver", "enquire_link", "unbind"]
    wrong = on("test", MAIN, "--plaintext", env_extra={"SMPP_PASSWORD": "wrong"})
    assert wrong.returncode == 1
    assert "Wrong password (0x0E)" in wrong.stdout
    assert password not in bound.stdout + bound.stderr + wrong.stdout + wrong.stderr
    no_password = on("test", MAIN)
    assert no_password.returncode == 2
    assert "give the password in $SMPP_PASSWORD" in no_password.stderr


def test_the_demos_failed_sms_of_today_as_json():
    result = run("history", MAIN, "--since", "1d", "--state", "failed", "--json", "--demo")
    assert result.returncode == 0, result.stderr
    failed = json.loads(result.stdout)
    assert failed, "the demo's main account has failures today"
    assert {sms["state"] for sms in failed} == {"failed"}


@pytest.mark.parametrize(
    "command",
    ["accounts", "show", "ips", "password", "senders", "credits", "recharge", "history", "test"],
)
def test_each_command_has_help_with_an_example(command):
    helped = run(command, "--help")
    assert helped.returncode == 0
    example = helped.stdout.split("example:\n", 1)[1].strip()
    assert f"smpp-tui {command} " in example
    for option in ("--json", "--demo", "--api-url", "--profile", "--config", "--read-only"):
        assert option in helped.stdout


def test_options_may_come_between_a_commands_words(on_standalone):
    on, client = on_standalone
    added = on("ips", "add", MAIN, "--wait", "192.0.2.12")
    assert added.returncode == 0, added.stderr
    assert "192.0.2.12" in client.get(f"/sms/{MAIN}/smpp/allowedIPs")
    unknown = on("ips", "add", MAIN, "192.0.2.13", "--nope")
    assert unknown.returncode == 2
    assert "unrecognized arguments: --nope" in unknown.stderr


def test_wait_fails_when_the_change_leaves_the_account_not_working(on_standalone):
    on, client = on_standalone
    unknown = "smpp-dc12345-5"  # UNKNOWN, whatever its IPs
    waited = on("ips", "add", unknown, "192.0.2.77", "--wait")
    assert waited.returncode == 1
    assert f"{unknown}'s SMPP status is UNKNOWN: the change did not make it work" in waited.stderr
    assert "192.0.2.77" in client.get(f"/sms/{unknown}/smpp/allowedIPs"), "sent all the same"


def test_a_history_refused_at_once_prints_nothing_on_stdout(on_standalone, standalone):
    on, _ = on_standalone
    faults = standalone[1]["endpoint"].removesuffix("/1.0") + "/_sim/faults"
    spec = f"GET /sms/{MAIN}/outgoing status=503"
    assert requests.post(faults, json={"spec": spec}, timeout=5).status_code == 200
    failed = on("history", MAIN, "--json")
    assert (failed.returncode, failed.stdout) == (3, "")
    assert failed.stderr.startswith("smpp-tui: ")


def test_received_sms_take_no_state_nor_receiver(on_standalone):
    on, _ = on_standalone
    refused = on("history", MAIN, "--incoming", "--state", "failed")
    assert refused.returncode == 2
    assert "the received SMS have no --state nor --receiver" in refused.stderr


def test_api_url_without_keys_is_a_usage_error():
    missing = run("accounts", "--api-url", "http://127.0.0.1:9/1.0")
    assert missing.returncode == 2
    assert "--api-url needs credentials" in missing.stderr


def test_a_deleted_account_refuses_an_ip_change_with_exit_1(on_standalone):
    on, client = on_standalone
    refused = on("ips", "add", "smpp-dc12345-6", "192.0.2.77")
    assert refused.returncode == 1
    assert "is deleted: its allowed IPs can no longer change" in refused.stderr
    assert "query id EU.sim-1." in refused.stderr
    assert "192.0.2.77" not in client.get("/sms/smpp-dc12345-6/smpp/allowedIPs")
