"""What an SMPP connection test reports: each step as it starts and ends, with its time, and
what failed, named for the app to explain (the test itself: `smpp_check`)."""

from __future__ import annotations

from dataclasses import dataclass

from smpp_tui.api.client_configs import host_and_port
from smpp_tui.api.models import SmppSettings

DNS, TCP, TLS = "DNS", "TCP connect", "TLS handshake"
BIND, ENQUIRE, UNBIND = "bind_transceiver", "enquire_link", "unbind"

# What failed, in the words the app explains.
NO_SUCH_HOST = "no such host"  # DNS
REFUSED = "refused"  # nothing listens on that port
UNREACHABLE = "unreachable"
TIMEOUT = "timeout"
CERTIFICATE = "certificate"  # the server's certificate did not verify
TLS_VERSION = "TLS version"  # no TLS version both sides accept
NOT_TLS = "not TLS"  # the port answered, but not in TLS (a plaintext endpoint?)
TLS_FAILED = "TLS"
CLOSED = "closed"  # the SMSC closed the connection before the bind's answer
LOST = "lost"  # the connection ended after the bind
STATUS = "status"  # the SMSC answered with an error `command_status`
BROKEN = "broken"  # anything else (its words in `detail`)

PASSWORD_MAX = 8  # SMPP 3.4: the password field holds 8 characters and a NUL


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    tls: bool
    system_id: str


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float | None = None  # None: under way
    detail: str = ""  # what it found: an address, a TLS version
    failed: bool = False


@dataclass(frozen=True)
class Failure:
    kind: str
    step: str
    detail: str = ""  # technical words, for whoever knows them
    status: int | None = None  # the `command_status` of a refused bind


@dataclass(frozen=True)
class Outcome:
    steps: tuple[Step, ...]
    failure: Failure | None = None
    source: str | None = None  # this machine's address as the SMSC saw it (None: no TCP)

    @property
    def passed(self) -> bool:
        return self.failure is None


def password_problem(password: str) -> str | None:
    """Why `password` cannot be sent in a bind (None: it can)."""
    if not password:
        return "Type the SMPP password (OVHcloud e-mailed it)."
    if len(password) > PASSWORD_MAX or not password.isascii() or not password.isprintable():
        return (
            f"An SMPP password is 1 to {PASSWORD_MAX} printable ASCII characters"
            f" (this one has {len(password)}): check the one OVHcloud e-mailed."
        )
    return None


def targets(settings: SmppSettings) -> list[Target]:
    """Each endpoint the settings name, TLS first in each pair; none that is not `host:port`
    with a port of 1 to 65535."""
    found = []
    for pair in settings.endpoints:
        for endpoint, tls in ((pair.secured, True), (pair.unsecured, False)):
            parts = host_and_port(endpoint) if endpoint else None
            if parts is not None and len(parts[1]) <= 5 and 0 < int(parts[1]) < 65536:
                found.append(Target(parts[0], int(parts[1]), tls, settings.system_id))
    return found
