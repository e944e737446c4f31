"""The local audit log: one JSON line per write the app sent to OVHcloud (time, profile,
account, action, result, query id). Never a secret: the actions logged carry none, and errors
are logged by their message, which the API layer writes without secrets.

Appending must never stop the action it records: a log that cannot be written is reported
once by the caller, the write itself has already happened.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import platformdirs


def default_audit_path() -> Path:
    return platformdirs.user_log_path("smpp-tui") / "audit.log"


class AuditLog:
    def __init__(self, path: Path, profile: str) -> None:
        self.path = path
        self.profile = profile
        self._lock = threading.Lock()

    def record(self, account: str, action: str, error: Exception | None = None) -> None:
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "profile": self.profile,
            "account": account,
            "action": action,
            "result": "ok" if error is None else f"failed: {error}",
            "query_id": getattr(error, "query_id", None),
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(descriptor, "a", encoding="utf-8") as log:
                log.write(line)
