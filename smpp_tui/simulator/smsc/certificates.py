"""The local SMSC's TLS identity: a certificate authority of its own and a server certificate
for the names it is reached by, made on first use by trustme (its import and key generation
take ~60 ms: nothing pays for them until a TLS connection or a client asks for the CA)."""

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
        self._folder: Path | None = None

    @property
    def ca_path(self) -> Path:
        """The CA certificate (PEM) a client trusts to verify the SMSC."""
        self.server_context()
        assert self._folder is not None
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
            self._folder, self._context = None, None

    def _make(self) -> ssl.SSLContext:
        import trustme

        authority = trustme.CA(organization_name="smpp-tui simulator")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_3
        authority.issue_cert(*self._names).configure_cert(context)
        self._folder = Path(tempfile.mkdtemp(prefix="smpp-tui-smsc-"))  # 0700
        authority.cert_pem.write_to_path(str(self._folder / "smsc-ca.pem"))
        return context
