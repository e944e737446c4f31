"""The `smpp-tui` command as a user runs it, in a subprocess."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import ovh
import pytest
import requests

from smpp_tui import __version__
from smpp_tui.api.client_configs import PASSWORD, client_configs, target
from smpp_tui.api.models import SmppSettings
from tests.cli.conftest import KEYS, SCRIPT, run


def test_version_from_the_script_and_the_module():
    assert run("--version").stdout.strip() == f"smpp-tui {__version__}"
    script = subprocess.run([SCRIPT, "--version"], capture_output=True, text=True, timeout=30)
    assert script.stdout.strip() == f"smpp-tui {__version__}"


def test_help_lists_the_simulator():
    result = run("--help")
    assert result.returncode == 0
    assert "simulator" in result.stdout
    assert "--port" in run("simulator", "--help").stdout


def test_the_standalone_simulator_answers_curl_and_the_ovh_client(standalone):
    process, printed = standalone
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/1\.0", printed["endpoint"])
    assert isinstance(requests.get(printed["endpoint"] + "/auth/time", timeout=5).json(), int)
    ovh.client.ENDPOINTS["standalone-simulator"] = printed["endpoint"]
    client = ovh.Client(
        "standalone-simulator",
        printed["application_key"],
        printed["application_secret"],
        printed["consumer_key"],
        timeout=(2, 5),
    )
    assert client.get("/me")["nichandle"] == "dc12345-ovh"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0


def test_the_smpplib_script_binds_to_the_standalone_smsc_with_the_mailed_password(
    standalone, tmp_path
):
    """What the guide promises: the ports and the CA printed, the password in the outbox, the
    client configuration's script run as a user runs it."""
    _, printed = standalone
    ovh.client.ENDPOINTS["standalone-smsc"] = printed["endpoint"]
    client = ovh.Client(
        "standalone-smsc", *(printed[k] for k in KEYS), timeout=(2, 5)
    )  # fmt: skip
    account = "smpp-dc12345-1"
    settings = SmppSettings.from_api(client.get(f"/sms/{account}/smpp/settings"), account)
    assert settings.endpoints[0].secured == f"localhost:{printed['tls_port']}"
    outbox = printed["endpoint"].removesuffix("/1.0") + "/_sim/outbox"
    mails = requests.get(outbox, params={"to": "ops@example.com"}, timeout=5).json()
    (mail,) = [m for m in mails if m["subject"] == f"Your SMPP account {account} is ready"]
    password = re.search(r"^Password: (\S+)$", mail["body"], re.MULTILINE).group(1)
    (script,) = [
        c.text for c in client_configs(target(account, settings, True)) if c.tool == "smpplib"
    ]
    path = tmp_path / "send.py"
    path.write_text(script.replace(PASSWORD, password).replace("YOUR-SENDER", "ExampleTel"))
    environment = {**os.environ, "SSL_CERT_FILE": printed["ca"]}
    sent = subprocess.run(
        [sys.executable, path], capture_output=True, text=True, timeout=30, env=environment
    )
    assert sent.returncode == 0, sent.stderr
    message_id = sent.stdout.split("message id: b'")[1].split("'")[0]
    assert client.get(f"/sms/{account}/outgoing", messageID=message_id)


def test_faults_from_the_command_line():
    process = subprocess.Popen(
        [sys.executable, "-m", "smpp_tui", "simulator", "--fault", "GET /auth/time status=503"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        endpoint = next(line.split()[-1] for line in process.stdout if "API endpoint" in line)
        answer = requests.get(endpoint + "/auth/time", timeout=5)
        assert answer.status_code == 503
        assert answer.json()["class"] == "Server::ServiceUnavailable"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fault", "explode"], "cannot read 'explode'"),
        (["--error-rate", "3"], "between 0 and 1"),
    ],
)
def test_bad_fault_options_exit_2_with_a_message(args, message):
    result = run("simulator", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_busy_port_exits_2_with_a_message():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("simulator", "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_api_url_without_credentials_says_what_is_needed():
    result = run("--api-url", "http://127.0.0.1:9/1.0")
    assert result.returncode == 2
    assert "--application-key" in result.stderr
    assert "OVH_* variables" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_api_url_that_is_not_one_is_refused():
    result = run(
        "--api-url",
        "ftp://example",
        "--application-key",
        "k",
        "--application-secret",
        "s",
        "--consumer-key",
        "c",
    )
    assert result.returncode == 2
    assert "use one of ovh-eu, ovh-ca, ovh-us or an http(s):// API URL" in result.stderr


def test_config_path_honours_the_flag_and_the_variable(monkeypatch, tmp_path):
    default = run("config", "path")
    assert default.returncode == 0
    assert default.stdout.strip().endswith("/smpp-tui/config.toml")
    assert default.stdout.startswith(str(tmp_path.parent))  # the test's HOME, not the user's
    assert run("--config", "/a/b.toml", "config", "path").stdout.strip() == "/a/b.toml"
    assert run("config", "path", "--config", "/c.toml").stdout.strip() == "/c.toml"
    monkeypatch.setenv("SMPP_TUI_CONFIG", "/from/env.toml")
    assert run("config", "path").stdout.strip() == "/from/env.toml"


def test_a_broken_config_stops_before_the_ui_with_file_and_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[profiles.work]\nendpoint = "ovh-xx"\nsource = "ovh.conf"\n')
    result = run("--config", str(path))
    assert result.returncode == 2
    assert f"{path}, line 2: profiles.work.endpoint" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text().startswith("[profiles.work]")


def test_without_credentials_it_says_how_to_start(tmp_path):
    result = run("--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "smpp-tui --demo" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_terminal_the_ovh_conf_found_is_named_with_its_profile(tmp_path):
    (Path.home() / ".ovh.conf").write_text("[default]\nendpoint=ovh-eu\n")
    result = run("--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "~/.ovh.conf: ovh.conf / OVH_* for ovh-eu lacks application_key" in result.stderr


def test_an_unknown_profile_is_refused(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[profiles.work]\nsource = "ovh.conf"\n')
    result = run("--config", str(path), "--profile", "play")
    assert result.returncode == 2
    assert "there is no profile 'play' (profiles: work)" in result.stderr


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_load_neither_textual_nor_the_simulator(flag):
    # -X importtime lists every module the command imported, on stderr.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smpp_tui", flag],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "smpp_tui.cli" in imported
    heavy = {"textual", "ovh", "requests", "smpp_tui.simulator.server", "smpp_tui.simulator.demo"}
    assert imported & heavy == set()
