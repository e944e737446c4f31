"""The `smpp-tui` command as a user or a script runs it: in a subprocess, against the standalone
simulator it starts (`smpp-tui simulator`, whose printed keys the commands are given)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import ovh
import pytest

SCRIPT = Path(sys.executable).parent / "smpp-tui"
KEYS = ("application_key", "application_secret", "consumer_key")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smpp_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@contextlib.contextmanager
def standalone_simulator(*options: str):
    """`smpp-tui simulator --port 0 OPTIONS` running, with what it printed parsed (`api_ca`:
    the CA its banner says to trust, under `--tls`); interrupted at the end."""
    process = subprocess.Popen(
        [sys.executable, "-m", "smpp_tui", "simulator", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process, _parse_banner(process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)


def _parse_banner(process: subprocess.Popen) -> dict[str, str]:
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("Stop with"):
            break
    text = "".join(lines)
    printed = {
        name: re.search(rf"{label}\s+(\S+)", text).group(1)
        for name, label in [
            ("endpoint", "API endpoint"),
            ("application_key", "application key"),
            ("application_secret", "application secret"),
            ("consumer_key", "consumer key"),
            ("ca", "its CA certificate"),
        ]
    }
    printed["tls_port"] = re.search(r"TLS port (\d+)", text).group(1)
    if trusted := re.search(r"REQUESTS_CA_BUNDLE=(\S+)", text):
        printed["api_ca"] = trusted.group(1)
    return printed


@pytest.fixture
def standalone():
    """`smpp-tui simulator` running, with what it printed parsed."""
    with standalone_simulator() as running:
        yield running


@pytest.fixture
def on_standalone(standalone):
    """`run` against the standalone simulator, its keys in the `OVH_*` variables as a script
    gives them, and an `ovh` client that reads its state afterwards."""
    _, printed = standalone
    env = {**os.environ, **{f"OVH_{k.upper()}": printed[k] for k in KEYS}}
    endpoint = printed["endpoint"]

    def on(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run(*args, "--api-url", endpoint, env={**env, **(env_extra or {})})

    ovh.client.ENDPOINTS["standalone-scripts"] = endpoint
    client = ovh.Client("standalone-scripts", *(printed[k] for k in KEYS), timeout=(2, 5))
    return on, client
