"""Client configurations: each reads as its tool's format, holds the account's values and a
placeholder for the password, and takes nothing from OVHcloud that could add settings."""

from __future__ import annotations

import ast
import re

import pytest

from smpp_tui.api.client_configs import (
    PASSWORD,
    Target,
    UnsafeValue,
    client_configs,
    jasmin,
    kannel,
    smpplib,
    target,
)
from smpp_tui.api.models import SmppEndpoint, SmppSettings

# Kannel's smsc group variables for SMPP (its user guide), and Jasmin's smppccm keys
# (jasmin/protocols/cli/smppccm.py, SMPPClientConfigKeyMap).
KANNEL_KEYS = {
    "group", "smsc", "smsc-id", "host", "port", "use-ssl", "transceiver-mode", "smsc-username",
    "smsc-password", "system-type", "dest-addr-ton", "dest-addr-npi", "enquire-link-interval",
    "max-pending-submits", "throughput",
}  # fmt: skip
JASMIN_KEYS = {
    "cid", "host", "port", "ssl", "username", "password", "bind", "dst_ton", "dst_npi",
    "elink_interval", "submit_throughput",
}  # fmt: skip


def settings(system_id: str = "smpp-dc12345-1", endpoint: str = "smpp1.example.net:2776"):
    return SmppSettings(
        system_id=system_id,
        endpoints=(SmppEndpoint(secured=endpoint, unsecured="smpp1.example.net:2775"),),
        status="SUCCESS",
        throughput=20,
        windowing=10,
    )


TLS = target("smpp-dc12345-1", settings(), tls=True)


def kannel_settings(text: str) -> dict[str, str]:
    """`key = value` lines of one group, comments aside; a quoted value unquoted."""
    found = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r'([a-z-]+) = ("[^"\n]*"|[^\s"]+)', line)
        assert match, f"not a Kannel setting: {line!r}"
        key, value = match.groups()
        assert key not in found, f"{key} twice"
        found[key] = value.strip('"')
    return found


def jasmin_commands(text: str) -> tuple[list[str], dict[str, str]]:
    lines = text.splitlines()
    assert lines[0] == "smppccm -a"
    assert "ok" in lines
    body = lines[1 : lines.index("ok")]
    pairs = [line.split(" ") for line in body]
    assert all(len(pair) == 2 for pair in pairs), body  # one key, one value, per line
    return lines[lines.index("ok") + 1 :], dict(pairs)


def test_the_target_is_the_first_tls_endpoint_apart():
    assert (
        Target("smpp-dc12345-1", "smpp-dc12345-1", "smpp1.example.net", 2776, True, 10, 20) == TLS
    )
    plain = target("smpp-dc12345-1", settings(), tls=False)
    assert (plain.port, plain.tls) == (2775, False)


def test_kannel_is_one_smsc_group_of_known_settings():
    found = kannel_settings(kannel(TLS))
    assert set(found) <= KANNEL_KEYS
    assert found["group"] == "smsc"
    assert found["smsc"] == "smpp"
    assert (found["host"], found["port"], found["use-ssl"]) == ("smpp1.example.net", "2776", "true")
    assert (found["smsc-username"], found["smsc-password"]) == ("smpp-dc12345-1", PASSWORD)
    assert (found["max-pending-submits"], found["throughput"]) == ("10", "20")
    assert (found["dest-addr-ton"], found["dest-addr-npi"]) == ("1", "1")
    assert found["system-type"] == ""  # Kannel does not start without one


def test_jasmin_adds_then_starts_one_connector():
    after, found = jasmin_commands(jasmin(TLS))
    assert set(found) <= JASMIN_KEYS
    assert found["cid"] == "smpp_dc12345_1"
    assert after == ["smppccm -1 smpp_dc12345_1"]
    assert (found["host"], found["port"], found["ssl"]) == ("smpp1.example.net", "2776", "yes")
    assert (found["username"], found["password"]) == ("smpp-dc12345-1", PASSWORD)
    assert (found["bind"], found["submit_throughput"]) == ("transceiver", "20")
    assert len(found["username"]) <= 15
    assert len(found["password"]) <= 16


@pytest.mark.parametrize("tls", [True, False])
def test_the_smpplib_script_is_python_with_the_accounts_values(tls):
    script = smpplib(target("smpp-dc12345-1", settings(), tls=tls))
    tree = ast.parse(script)
    values = {
        node.targets[0].elts[index].id: value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple)
        for index, value in enumerate(node.value.elts)
    }
    assert values["HOST"] == "smpp1.example.net"
    assert values["PORT"] == (2776 if tls else 2775)
    assert (values["SYSTEM_ID"], values["PASSWORD"]) == ("smpp-dc12345-1", PASSWORD)
    assert ("server_hostname=HOST" in script) is tls
    # The answers are read: a refused message raises rather than passing unseen.
    assert "client.read_once()" in script


def test_without_windowing_or_throughput_those_settings_are_left_out():
    bare = Target("a", "a", "h.example", 1, False, None, None)
    assert "max-pending-submits" not in kannel(bare)
    assert "throughput" not in kannel(bare)
    assert "submit_throughput" not in jasmin(bare)


@pytest.mark.parametrize(
    ("system_id", "endpoint", "said"),
    [
        ('a"\nsmsc-password = "x', "h.example:1", "SystemID"),
        ("a b", "h.example:1", "SystemID"),
        ("", "h.example:1", "SystemID"),
        ("smpp-dc12345-1", 'h"\nport = 1:1', "endpoint"),
        ("smpp-dc12345-1", "h.example", "endpoint"),
        ("smpp-dc12345-1", "[::1]:2776", "endpoint"),
        ("smpp-dc12345-1", "h.example:0", "endpoint"),
        ("smpp-dc12345-1", "h.example:65536", "endpoint"),
        ("smpp-dc12345-1", "h.example:" + "9" * 5000, "endpoint"),  # int() refuses 4,300
        ("smpp-dc12345-1", "h.example:\u0662\u0667\u0667\u0666", "endpoint"),  # Arabic digits
        ("smpp-dc12345-1", "include.example:2776", "Kannel reads as a directive"),
        ("include-1", "h.example:2776", "Kannel reads as a directive"),
    ],
)
def test_values_that_could_add_settings_are_refused(system_id, endpoint, said):
    with pytest.raises(UnsafeValue, match=said):
        target("smpp-dc12345-1", settings(system_id, endpoint), tls=True)


def test_an_account_name_that_could_add_settings_is_refused():
    with pytest.raises(UnsafeValue, match="account's name"):
        target('a"\ngroup = smsc', settings(), tls=True)


def test_jasmin_says_what_it_will_refuse_and_keeps_its_connector_id_short():
    long = Target("smpp-ab123456-12" + "x" * 20, "smpp-ab123456-12", "h.example", 1, True, 1, 1)
    (jasmin_config,) = [c for c in client_configs(long) if c.tool == "Jasmin"]
    assert "16" in jasmin_config.warning
    _, found = jasmin_commands(jasmin_config.text)
    assert re.fullmatch(r"[A-Za-z0-9_-]{3,25}", found["cid"])  # Jasmin's own rule
    assert [c.warning for c in client_configs(TLS)] == ["", "", ""]


def test_no_endpoint_of_the_kind_asked_is_said():
    only_plain = SmppSettings("a", (SmppEndpoint(None, "h.example:2775"),), "SUCCESS", None, None)
    with pytest.raises(UnsafeValue, match="no TLS endpoint"):
        target("a", only_plain, tls=True)


def test_three_tools_each_named_and_described():
    assert [config.tool for config in client_configs(TLS)] == ["Kannel", "Jasmin", "smpplib"]
