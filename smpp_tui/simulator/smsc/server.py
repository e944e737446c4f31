"""The local SMSC's listeners: a plaintext port and a TLS one on loopback, each connection
served by a thread of its own (`Link`), the accounts' rules in `Binds`.

Usable in-process (`with Smsc(world) as smsc: ...`, free ports) and beside `smpp-tui
simulator` (`--smpp-port`, `--smpps-port`). While it listens, the accounts' SMPP settings name
its ports.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from smpp_tui.simulator.certificates import HANDSHAKE_SECONDS, Certificates
from smpp_tui.simulator.sms.account import Endpoints
from smpp_tui.simulator.smsc.rules import Binds

if TYPE_CHECKING:
    from smpp_tui.simulator.sms.traffic import Outgoing
    from smpp_tui.simulator.smsc.link import Link
    from smpp_tui.simulator.world import World

log = logging.getLogger("smpp_tui.simulator.smsc")


class Smsc:
    def __init__(
        self,
        world: World,
        host: str = "127.0.0.1",
        plain_port: int = 0,
        tls_port: int = 0,
        *,
        certificates: Certificates | None = None,
    ) -> None:
        self.world = world
        self.binds: Binds[Link] = Binds(world)
        self._host = host
        self._wanted = (plain_port, tls_port)
        # The name the settings give: loopback is reached as `localhost`, which TLS verifies.
        self.hostname = "localhost" if host == "127.0.0.1" else host
        # Given when the HTTPS API shares them: one CA for the user to trust.
        self.certificates = certificates or Certificates.for_host(host)
        self._owns_certificates = certificates is None  # a shared CA file is its owner's
        self._listeners: list[socket.socket] = []
        self._links: set[Link] = set()
        self._lock = threading.Lock()
        self._serving = False

    # lifecycle

    def listen(self) -> Smsc:
        """Bind both ports (a connection waits in the backlog until `start`) and have the
        accounts' settings name them. `OSError` when a port is taken."""
        if self._listeners:
            return self
        try:
            for port in self._wanted:
                listener = socket.create_server((self._host, port), backlog=64)
                self._listeners.append(listener)
        except OSError:
            self._close_listeners()
            raise
        with self.world.lock:
            self.world.sms.endpoints = Endpoints((self.hostname,), self.tls_port, self.plain_port)
        return self

    def start(self) -> Smsc:
        self.listen()
        with self._lock:
            if self._serving:
                return self
            self._serving = True
        for listener, tls in zip(self._listeners, (False, True), strict=True):
            name = f"smsc-accept:{listener.getsockname()[1]}"
            threading.Thread(
                target=self._accept, args=(listener, tls), name=name, daemon=True
            ).start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._serving = False
        self._close_listeners()
        with self._lock:
            links, self._links = self._links, set()
        for link in links:
            link.close()
        with self.world.lock:
            self.world.sms.endpoints = Endpoints()
        if self._owns_certificates:
            self.certificates.remove()

    def __enter__(self) -> Smsc:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def plain_port(self) -> int:
        return int(self._listeners[0].getsockname()[1])

    @property
    def tls_port(self) -> int:
        return int(self._listeners[1].getsockname()[1])

    @property
    def ca_path(self) -> Path:
        """The CA a client trusts to verify the TLS port, in a file (made now if need be)."""
        return self.certificates.ca_path

    @property
    def ca_pem(self) -> str:
        """The same CA, in memory (made now if need be)."""
        return self.certificates.ca_pem

    # what links ask

    def submitted(
        self, system_id: str, sender: str, receiver: str, text: str, data_coding: int
    ) -> Outgoing:
        from smpp_tui.simulator.smsc import messages

        with self.world.lock:
            account = self.world.sms.accounts[system_id]
            return messages.record(
                self.world.sms, account, sender, receiver, text, data_coding, self.world.now()
            )

    def deliver_receipt(self, system_id: str, sms: Outgoing) -> None:
        for link in self.binds.receivers(system_id):
            with contextlib.suppress(OSError):
                link.deliver(sms)

    # serving

    def _accept(self, listener: socket.socket, tls: bool) -> None:
        while True:
            try:
                sock, address = listener.accept()
            except OSError:  # closed by `stop`
                return
            name = f"smsc-link:{address[0]}:{address[1]}"
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(
                    target=self._serve, args=(sock, address[0], tls), name=name, daemon=True
                ).start()
            except (OSError, RuntimeError) as error:  # that connection only: others come
                log.info("SMPP connection from %s dropped: %s", address[0], error)
                sock.close()

    def _serve(self, sock: socket.socket, source: str, tls: bool) -> None:
        from smpp_tui.simulator.smsc.link import Link

        if not self._serving:  # stopped while this connection waited
            sock.close()
            return
        try:
            if tls:
                sock = self._handshake(sock)
        except (OSError, ssl.SSLError) as error:
            log.info("TLS handshake with %s failed: %s", source, error)
            sock.close()
            return
        link = Link(sock, source, self)
        with self._lock:
            if not self._serving:
                link.close()
                return
            self._links.add(link)
        try:
            link.serve()
        finally:
            with self._lock:
                self._links.discard(link)

    def _handshake(self, sock: socket.socket) -> socket.socket:
        # TLS 1.3 at least, as OVHcloud's SMPP endpoints require.
        context = self.certificates.server_context(ssl.TLSVersion.TLSv1_3)
        wrapped = context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        wrapped.settimeout(HANDSHAKE_SECONDS)
        wrapped.do_handshake()
        return wrapped

    def _close_listeners(self) -> None:
        listeners, self._listeners = self._listeners, []
        for listener in listeners:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept
            listener.close()
