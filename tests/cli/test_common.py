"""What every command shares, in process: the confirmation, and the audit of a write cut
short by Ctrl-C."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from smpp_tui.cli import exits
from smpp_tui.cli.common import Job
from smpp_tui.store.actions import IPS


def demo_job(**options) -> Job:
    keys = ("api_url", "config", "profile", "application_key", "application_secret")
    values = dict.fromkeys((*keys, "consumer_key"))
    return Job(argparse.Namespace(demo=True, read_only=False, **values, **options))


def test_ctrl_c_before_the_answer_is_logged_as_outcome_unknown():
    job = demo_job()
    try:
        with pytest.raises(KeyboardInterrupt), job.write(IPS, "smpp-dc12345-1", "add 192.0.2.9"):
            raise KeyboardInterrupt  # as if pressed while OVHcloud answers
        (entry,) = [json.loads(line) for line in job.session.audit_path.read_text().splitlines()]
        assert (entry["action"], entry["result"]) == (
            "change the allowed IPs: add 192.0.2.9",
            "sent, outcome unknown",
        )
        assert entry["profile"] == "demo (command line)"
    finally:
        job.close()


@pytest.mark.parametrize(("typed", "confirmed"), [("y\n", True), ("n\n", False), ("", False)])
def test_a_terminal_is_asked_and_ctrl_d_is_a_no(monkeypatch, typed, confirmed):
    stdin = io.StringIO(typed)  # "": Ctrl-D, the end of the input
    stdin.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", stdin)
    job = demo_job(yes=False)
    if confirmed:
        job.confirm("Go?")
    else:
        with pytest.raises(exits.Refused, match="not confirmed: nothing was sent"):
            job.confirm("Go?")
