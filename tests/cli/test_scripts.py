"""The commands for scripts, each run as a subprocess against the standalone simulator: what
they print on stdout and stderr, their exit codes, and the simulator's state afterwards (read
by an `ovh` client)."""

from __future__ import annotations

import json

import pytest

from smpp_tui.session.audit import default_audit_path
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
