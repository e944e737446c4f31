"""The local audit log: one JSON line per write the app sent to OVHcloud (time, profile,
account, action with its values, result, OVHcloud's query id). Never a secret: the actions
logged carry none (a new password is e-mailed, never seen), and errors are logged by their
message, which the API layer writes without secrets.

Appending must never stop the action it records: a log that cannot be written raises an
`OSError` naming the file and why, which the caller reports once; the write has happened.
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

    def record(self, account: str, action: str, result: str, query_id: str | None) -> None:
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "profile": self.profile,
            "account": account,
            "action": action,
            "result": result,
            "query_id": query_id,
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        try:
            self._append(line)
        except OSError as error:
            why = _why(error, self.path)
            raise OSError(f"the audit log {self.path} cannot be written: {why}") from error

    def _append(self, line: str) -> None:
        with self._lock:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(descriptor, "a", encoding="utf-8") as log:
                log.write(line)


def _why(error: OSError, path: Path) -> str:
    """Why, as the system says it ("Is a directory"); a folder on the way that is a file is
    named ("/var/log/smpp-tui is not a folder")."""
    on_the_way = error.filename is not None and Path(error.filename) != path
    if on_the_way and isinstance(error, FileExistsError | NotADirectoryError):
        return f"{error.filename} is not a folder"
    return error.strerror or str(error)
