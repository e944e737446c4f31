"""The local SMSC's TLS identity: a certificate authority of its own and a server certificate
for the names it is reached by, made on first use by trustme (its import and key generation
take ~60 ms: nothing pays for them until a TLS connection or a client asks for the CA).

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


class Certificates:
    def __init__(self, names: Sequence[str]) -> None:
        self._names = list(dict.fromkeys(names))
        self._lock = threading.Lock()
        self._context: ssl.SSLContext | None = None
        self._ca_pem = ""
        self._folder: Path | None = None

    @property
    def ca_pem(self) -> str:
        """The CA certificate a client trusts to verify the SMSC."""
        self.server_context()
        return self._ca_pem

    @property
    def ca_path(self) -> Path:
        """The CA certificate, in a file of a folder of its own (0700) until `remove`."""
        pem = self.ca_pem
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="smpp-tui-smsc-"))
                (self._folder / "smsc-ca.pem").write_text(pem)
            return self._folder / "smsc-ca.pem"

    def server_context(self) -> ssl.SSLContext:
        """TLS 1.3 at least, as OVHcloud's endpoints require."""
        with self._lock:
            if self._context is None:
                self._context = self._make()
            return self._context

    def remove(self) -> None:
        with self._lock:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
            self._folder, self._context, self._ca_pem = None, None, ""

    def _make(self) -> ssl.SSLContext:
        import trustme

        authority = trustme.CA(organization_name="smpp-tui simulator")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_3
        authority.issue_cert(*self._names).configure_cert(context)
        self._ca_pem = authority.cert_pem.bytes().decode()
        return context
