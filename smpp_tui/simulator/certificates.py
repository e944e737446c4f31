"""The simulator's TLS identity: a certificate authority of its own and one server certificate
for the names it is reached by, shared by the SMSC's TLS port and the HTTPS API (`--tls`), so
that a user trusts one file. Made on first use by trustme (its import and key generation take
~60 ms: nothing pays for them until a TLS server starts or a client asks for the CA).

The CA is written to a file only when a path is asked for (`smpp-tui simulator` prints it):
the demo's own client takes it from memory, so a demo ended by a closed terminal leaves no
folder behind."""

from __future__ import annotations

import shutil
import ssl
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import trustme

# How long a client may take to say hello: one that connects and says nothing holds its own
# thread that long, and no other.
HANDSHAKE_SECONDS = 10.0


class Certificates:
    def __init__(self, names: Sequence[str]) -> None:
        self._names = list(dict.fromkeys(names))
        self._lock = threading.Lock()
        self._issued: tuple[trustme.CA, trustme.LeafCert] | None = None
        self._contexts: dict[ssl.TLSVersion, ssl.SSLContext] = {}
        self._folder: Path | None = None

    @classmethod
    def for_host(cls, host: str) -> Certificates:
        """For loopback's names, `localhost` and `127.0.0.1`, and `host` when it is another."""
        return cls(["localhost", "127.0.0.1", host])

    @property
    def ca_pem(self) -> str:
        """The CA certificate a client trusts to verify the simulator's TLS servers."""
        with self._lock:
            authority, _ = self._issue()
        return authority.cert_pem.bytes().decode()

    @property
    def ca_path(self) -> Path:
        """The CA certificate, in a file of a folder of its own (0700) until `remove`."""
        pem = self.ca_pem
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="smpp-tui-simulator-"))
                (self._folder / "ca.pem").write_text(pem)
            return self._folder / "ca.pem"

    def server_context(self, minimum: ssl.TLSVersion) -> ssl.SSLContext:
        """A server context presenting the certificate, refusing TLS older than `minimum`."""
        with self._lock:
            context = self._contexts.get(minimum)
            if context is None:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.minimum_version = minimum
                self._issue()[1].configure_cert(context)
                self._contexts[minimum] = context
            return context

    def remove(self) -> None:
        """Delete the CA's file. The CA stays (a server still running presents it): a path
        asked for again writes it again."""
        with self._lock:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _issue(self) -> tuple[trustme.CA, trustme.LeafCert]:
        """The CA and the server certificate, made now if need be (the lock held)."""
        if self._issued is None:
            import trustme

            authority = trustme.CA(organization_name="smpp-tui simulator")
            self._issued = authority, authority.issue_cert(*self._names)
        return self._issued
