"""The audit log's file: one JSON line per write, readable by its owner only, and, when it
cannot be written, an `OSError` whose message names the file and why (the app says it once)."""

from __future__ import annotations

import json
import os
import re

import pytest

from smpp_tui.session.audit import AuditLog


def test_an_entry_is_one_json_line_in_a_file_only_its_owner_reads(tmp_path):
    path = tmp_path / "logs" / "audit.log"
    log = AuditLog(path, "prod")
    log.record("smpp-dc12345-1", "change the allowed IPs: add 192.0.2.10", "ok", "EU.ext-1.abc")
    log.record("smpp-dc12345-1", "regenerate the SMPP password", "sent, outcome unknown", None)
    first, second = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert set(first) == {"time", "profile", "account", "action", "result", "query_id"}
    assert (first["profile"], first["action"], first["query_id"]) == (
        "prod",
        "change the allowed IPs: add 192.0.2.10",
        "EU.ext-1.abc",
    )
    assert (second["result"], second["query_id"]) == ("sent, outcome unknown", None)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize(
    ("make", "why"),
    [
        pytest.param(lambda path: path.mkdir(parents=True), "Is a directory", id="a directory"),
        pytest.param(
            lambda path: path.parent.write_text("a file"),
            "{folder} is not a folder",
            id="a file in place of its folder",
        ),
        pytest.param(
            lambda path: path.parent.mkdir(mode=0o500),
            "Permission denied",
            id="a read-only folder",
            marks=pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere"),
        ),
    ],
)
def test_a_log_that_cannot_be_written_says_which_file_and_why(tmp_path, make, why):
    path = tmp_path / "logs" / "audit.log"
    make(path)
    said = f"the audit log {path} cannot be written: {why.format(folder=path.parent)}"
    with pytest.raises(OSError, match=f"^{re.escape(said)}$"):
        AuditLog(path, "prod").record("smpp-dc12345-1", "regenerate the SMPP password", "ok", None)
