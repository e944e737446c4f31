"""The SMPP connection test: resolve, connect, shake hands, bind as a transceiver, enquire,
unbind; each step timed and reported as it happens, and the first failure named.

The PDUs are smpplib's. This module only opens the socket itself, a step at a time, so that each
step has its own time and TLS verifies the server's name (smpplib wraps without it). The
password is sent in the bind and kept nowhere; smpplib's debug log (which writes each PDU in
hex, the bind's password included) is silenced.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp

from smpp_tui.api import smpp_steps as steps
from smpp_tui.api.smpp_steps import Failure, Outcome, Step, Target

_LOGGER = "smpp_tui.smpplib"
logging.getLogger(_LOGGER).setLevel(logging.INFO)  # never its DEBUG lines: the PDUs in hex

Report = Callable[[Step], None]


class _Failed(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.kind)
        self.failure = failure


class _Client(smpplib.client.Client):  # type: ignore[misc]
    """smpplib's client on a socket already connected (and TLS already shaken)."""

    def __init__(self, sock: socket.socket, target: Target, timeout: float) -> None:
        super().__init__(
            target.host, target.port, timeout, logger_name=_LOGGER, allow_unknown_opt_params=True
        )
        self._socket = sock  # smpplib's own attribute: `connect` would make another

    def connect(self) -> None:
        self.state = smpplib.consts.SMPP_CLIENT_STATE_OPEN

    def __del__(self) -> None:
        pass  # smpplib warns of a socket left open: it is `run`'s to close, and it does


def run(
    target: Target,
    password: str,
    report: Report,
    *,
    ca: str | None = None,
    timeout: float = 5.0,
    clock: Callable[[], float] = time.perf_counter,
) -> Outcome:
    """Test a bind to `target` with `password`; `ca` (a PEM certificate: the demo's SMSC's) is
    trusted instead of the system's authorities."""
    check = _Check(report, clock)
    opened: list[socket.socket] = []
    try:
        addresses = check.step(steps.DNS, lambda: _resolve(target, timeout), _first)
        plain: socket.socket = check.step(steps.TCP, lambda: _connect(addresses, timeout), _peer)
        opened.append(plain)
        check.source = plain.getsockname()[0]
        sock = plain
        if target.tls:
            context = _context(ca)
            sock = check.step(steps.TLS, lambda: _handshake(context, plain, target), _version)
            opened.append(sock)
        client = _Client(sock, target, timeout)
        client.connect()
        check.step(steps.BIND, lambda: _bind(client, target, password, timeout))
        check.step(steps.ENQUIRE, lambda: _enquire(client))
        check.step(steps.UNBIND, lambda: _unbind(client))
    except _Failed as failed:
        return Outcome(tuple(check.done), failed.failure, check.source)
    finally:
        for opening in reversed(opened):
            with contextlib.suppress(OSError):
                opening.close()
    return Outcome(tuple(check.done), None, check.source)


class _Check:
    def __init__(self, report: Report, clock: Callable[[], float]) -> None:
        self._report, self._clock = report, clock
        self.done: list[Step] = []
        self.source: str | None = None

    def step(self, name: str, act: Callable[[], Any], say: Callable[[Any], str] = str) -> Any:
        """Run one step, reported as it starts and as it ends (`say`: what it found)."""
        self._report(Step(name))
        started = self._clock()
        try:
            result = act()
        except _Failed as failed:
            failure = failed.failure
            said = f"0x{failure.status:02X}" if failure.status is not None else failure.kind
            self._end(Step(name, self._clock() - started, said, failed=True))
            raise
        except Exception as error:  # whatever else: said, never raised to the app
            failure = Failure(steps.BROKEN, name, f"{type(error).__name__}: {error}")
            self._end(Step(name, self._clock() - started, steps.BROKEN, failed=True))
            raise _Failed(failure) from None
        self._end(Step(name, self._clock() - started, say(result) if result is not None else ""))
        return result

    def _end(self, step: Step) -> None:
        self.done.append(step)
        self._report(step)


def _resolve(target: Target, timeout: float) -> list[Any]:
    """getaddrinfo has no timeout of its own: it runs on a thread of its own, given `timeout`."""
    found: list[Any] = []
    problem: list[OSError] = []

    def look() -> None:
        try:
            found.extend(socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM))
        except OSError as error:
            problem.append(error)

    looking = threading.Thread(target=look, daemon=True, name="smpp-check-dns")
    looking.start()
    looking.join(timeout)
    if looking.is_alive():
        raise _Failed(Failure(steps.TIMEOUT, steps.DNS, f"no answer in {timeout:g} s"))
    if problem or not found:
        detail = problem[0].strerror if problem and problem[0].strerror else "no address"
        raise _Failed(Failure(steps.NO_SUCH_HOST, steps.DNS, detail or ""))
    return found


def _connect(addresses: list[Any], timeout: float) -> socket.socket:
    """The first address that takes the connection, as `socket.create_connection` tries them."""
    last: Failure | None = None
    for family, kind, protocol, _, address in addresses:
        sock = socket.socket(family, kind, protocol)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except OSError as error:
            sock.close()
            last = _connect_failure(error, address[0])
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    assert last is not None
    raise _Failed(last)


def _connect_failure(error: OSError, address: str) -> Failure:
    if isinstance(error, TimeoutError):
        return Failure(steps.TIMEOUT, steps.TCP, f"{address}: no answer")
    if isinstance(error, ConnectionRefusedError):
        return Failure(steps.REFUSED, steps.TCP, f"{address}: connection refused")
    return Failure(steps.UNREACHABLE, steps.TCP, f"{address}: {error.strerror or error}")


def _context(ca: str | None) -> ssl.SSLContext:
    context = ssl.create_default_context(cadata=ca)
    context.minimum_version = ssl.TLSVersion.TLSv1_3  # what OVHcloud's endpoints require
    return context


def _handshake(context: ssl.SSLContext, sock: socket.socket, target: Target) -> ssl.SSLSocket:
    try:
        return context.wrap_socket(sock, server_hostname=target.host)
    except ssl.SSLCertVerificationError as error:
        detail = error.verify_message or str(error)
        raise _Failed(Failure(steps.CERTIFICATE, steps.TLS, detail)) from None
    except ssl.SSLError as error:
        raise _Failed(Failure(_tls_failure(error), steps.TLS, str(error.reason or error))) from None
    except TimeoutError:
        raise _Failed(Failure(steps.TIMEOUT, steps.TLS, "no answer")) from None
    except OSError as error:
        raise _Failed(Failure(steps.CLOSED, steps.TLS, str(error))) from None


def _tls_failure(error: ssl.SSLError) -> str:
    reason = str(error.reason)
    if reason in ("WRONG_VERSION_NUMBER", "HTTP_REQUEST", "RECORD_LAYER_FAILURE"):
        return steps.NOT_TLS  # what came back was no TLS record at all
    if "VERSION" in reason or "PROTOCOL" in reason:
        return steps.TLS_VERSION
    return steps.TLS_FAILED


def _bind(client: _Client, target: Target, password: str, timeout: float) -> None:
    started = time.monotonic()
    try:
        client.bind_transceiver(system_id=target.system_id, password=password)
    except smpplib.exceptions.PDUError as error:
        status = error.args[1] if len(error.args) > 1 else None
        raise _Failed(Failure(steps.STATUS, steps.BIND, str(error.args[0]), status)) from None
    except smpplib.exceptions.ConnectionError:
        # smpplib says the same of a closed connection and of a silent one: the time tells.
        if time.monotonic() - started >= timeout:
            raise _Failed(Failure(steps.TIMEOUT, steps.BIND, "no answer")) from None
        raise _Failed(Failure(steps.CLOSED, steps.BIND, "closed before the answer")) from None


def _enquire(client: _Client) -> None:
    asked = smpplib.smpp.make_pdu("enquire_link", client=client)
    _send(client, asked)
    while _read(client, steps.ENQUIRE).command != "enquire_link_resp":
        pass  # a delivery receipt waiting for the account comes first: not this test's


def _unbind(client: _Client) -> None:
    _send(client, smpplib.smpp.make_pdu("unbind", client=client))
    while _read(client, steps.UNBIND).command != "unbind_resp":
        pass


def _send(client: _Client, pdu: Any) -> None:
    try:
        client.send_pdu(pdu)
    except smpplib.exceptions.ConnectionError:
        raise _Failed(Failure(steps.LOST, pdu.command, "the connection ended")) from None


def _read(client: _Client, step: str) -> Any:
    try:
        return client.read_pdu()
    except TimeoutError:
        raise _Failed(Failure(steps.TIMEOUT, step, "no answer")) from None
    except (smpplib.exceptions.ConnectionError, OSError):
        raise _Failed(Failure(steps.LOST, step, "the connection ended")) from None


def _first(addresses: list[Any]) -> str:
    return str(addresses[0][4][0])


def _peer(sock: socket.socket) -> str:
    return str(sock.getpeername()[0])


def _version(sock: ssl.SSLSocket) -> str:
    return sock.version() or ""
