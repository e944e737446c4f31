"""The simulator's HTTP server: a local OVHcloud API on loopback, over HTTPS with `tls=True`.

Usable in-process (`with Simulator.demo() as sim: ...`, a free port, stops in milliseconds) and
standalone (`smpp-tui simulator`). Requests go through fault injection, routing, the
authentication gate and the handler, and every answer carries an `X-Ovh-Queryid` header.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import math
import socket
import ssl
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from smpp_tui.simulator import batch, errors
from smpp_tui.simulator.certificates import HANDSHAKE_SECONDS, Certificates
from smpp_tui.simulator.control import CONTROL_PREFIX, control_router
from smpp_tui.simulator.faults import Fault, FaultPlan
from smpp_tui.simulator.gate import GatePolicy, Signed, application_of, authenticate
from smpp_tui.simulator.router import Reply, Request
from smpp_tui.simulator.routes import api_router
from smpp_tui.simulator.validation import validation_page
from smpp_tui.simulator.world import World

log = logging.getLogger("smpp_tui.simulator")

API_PREFIXES = ("/1.0", "/v1")
EXCHANGES_KEPT = 100_000  # the newest exchanges kept for tests to read back: memory stays bounded


@dataclass(frozen=True)
class Exchange:
    """One request the simulator answered, for tests that count or inspect traffic."""

    at: float
    method: str
    path: str
    status: int
    query_id: str
    body: Any = None  # the request's JSON body, parsed; None when empty or not JSON


class Simulator:
    """A local OVHcloud API server over a `World`."""

    def __init__(
        self,
        world: World | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        policy: GatePolicy | None = None,
        fault_seed: int | None = 0,
        tls: bool = False,
        certificates: Certificates | None = None,
    ) -> None:
        """`tls` serves HTTPS, presenting `certificates` (given to share the SMSC's CA, else
        its own): clients trust `certificates.ca_path` or `ca_pem`."""
        self.world = world or World()
        self.policy = policy or GatePolicy()
        self.faults = FaultPlan(fault_seed)
        self.router = api_router()
        self.control = control_router(self)
        self._exchanges: deque[Exchange] = deque(maxlen=EXCHANGES_KEPT)
        self._answered = 0  # API requests, the controls not counted: all, not only those kept
        self._exchanges_lock = threading.Lock()
        self._query_ids = itertools.count(1)
        self._host, self._port = host, port
        self.tls = tls
        self.certificates = certificates or Certificates.for_host(host)
        self._owns_certificates = certificates is None  # a shared CA file is its owner's
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle

    def start(self) -> Simulator:
        server = _Server((self._host, self._port), _Handler)
        server.simulator = self
        if self.tls:
            # TLS 1.2 at least: every HTTPS client speaks it, where some lack 1.3.
            server.ssl_context = self.certificates.server_context(ssl.TLSVersion.TLSv1_2)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name=f"ovh-simulator:{server.server_address[1]}",
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()
        self._server = None
        if self._owns_certificates:
            self.certificates.remove()

    def wait(self) -> None:
        """Block the calling thread while the server runs; stop it when interrupted."""
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        assert self._server is not None, "the simulator is not running"
        return self._server.server_address[1]

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT` (`https` under TLS): the server root (validation pages live
        there)."""
        return f"{self.scheme}://{self._host}:{self.port}"

    @property
    def endpoint(self) -> str:
        """The API base URL to register with `ovh.client.ENDPOINTS`."""
        return f"{self.url}/1.0"

    # faults

    def inject(self, fault: Fault) -> Fault:
        return self.faults.add(fault)

    # requests

    def new_query_id(self) -> str:
        # The shape of OVHcloud's ids: region, front, hex time, counter, random.
        now = int(self.world.now())
        return f"EU.sim-1.{now:08x}.{next(self._query_ids)}.{uuid.uuid4().hex}"

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        """The exchanges kept, oldest first: a copy, as the server's threads add to them (a
        deque read while one is added raises)."""
        with self._exchanges_lock:
            return tuple(self._exchanges)

    @property
    def answered(self) -> int:
        """The API requests answered since the start, these controls not counted."""
        with self._exchanges_lock:
            return self._answered

    def record(self, method: str, path: str, status: int, query_id: str, body: bytes = b"") -> None:
        """Keep one exchange (the oldest go beyond `EXCHANGES_KEPT`), with what was sent."""
        exchange = Exchange(time.monotonic(), method, path, status, query_id, _sent_json(body))
        with self._exchanges_lock:
            self._exchanges.append(exchange)
            self._answered += not path.startswith(CONTROL_PREFIX)

    def handle_control(
        self, method: str, path: str, query: dict[str, list[str]], body: bytes
    ) -> Reply:
        """The simulator's own `/_sim/...` routes: no auth, loopback tooling only."""
        try:
            route, params = self.control.find(method, path)
            request = Request(method, path, params, query, _json_body(body), {}, self.world)
            with self.world.lock:
                result = route.handler(request)
        except (errors.ApiError, ValueError) as error:
            if isinstance(error, ValueError):
                error = errors.bad_request(str(error))
            return Reply(error.body, error.status)
        return result if isinstance(result, Reply) else Reply(result)

    def handle_api(self, method: str, target: str, api_path: str, wire: _Wire) -> Reply:
        """Route, authenticate and run one API request; errors come back as replies too."""
        try:
            route, params = self.router.find(method, api_path)
            separator = wire.headers.get("x-ovh-batch")
            credential = None
            if route.auth == "application":
                application_of(self.world, wire.signed.application_key)
            elif route.auth == "signed":
                ruled = api_path if separator is None else None  # a batch rules each id
                with self.world.lock:
                    credential = authenticate(self.world, self.policy, wire.signed, ruled)
            request = Request(
                method=method,
                path=api_path,
                params=params,
                query=parse_qs(urlsplit(target).query, keep_blank_values=True),
                body=_json_body(wire.signed.body),
                headers=wire.headers,
                world=self.world,
                credential=credential,
                base_url=wire.base_url,
                template=route.template,
            )
            with self.world.lock:
                if separator is None:
                    result = route.handler(request)
                else:
                    result = batch.answer(route, request, separator)
        except errors.ApiError as error:
            return Reply(error.body, error.status, dict(error.headers))
        return result if isinstance(result, Reply) else Reply(result)


@dataclass(frozen=True)
class _Wire:
    signed: Signed
    headers: dict[str, str]
    base_url: str


def _sent_json(raw: bytes) -> Any:
    """A request body as recorded: tests validate the JSON the client sent, whatever came of it."""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _json_body(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        # NaN and Infinity are not JSON, and a number too large for a float is none OVHcloud
        # stores: refused as malformed rather than echoed back as invalid JSON.
        return json.loads(raw, parse_constant=_not_json, parse_float=_finite)
    except ValueError:
        raise errors.bad_request("Invalid JSON received") from None


def _not_json(constant: str) -> Any:
    raise ValueError(constant)


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 drops connections in a burst (several clients, or one
    # app's fan-out of ten), which then time out: OVHcloud's front ends take bursts in stride.
    request_queue_size = 128
    simulator: Simulator
    ssl_context: ssl.SSLContext | None = None  # set: HTTPS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, client_address = super().get_request()
        if self.ssl_context is None:
            return connection, client_address
        # Wrapped here, in the accept loop, but the handshake waits for the connection's own
        # thread (`finish_request`): a client that connects and says nothing holds no other.
        wrapped = self.ssl_context.wrap_socket(
            connection, server_side=True, do_handshake_on_connect=False
        )
        return wrapped, client_address

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def finish_request(self, request: Any, client_address: Any) -> None:
        if isinstance(request, ssl.SSLSocket) and not _handshake(request, client_address[0]):
            return
        super().finish_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End kept-alive connections, so that no handler thread outlives `stop()`."""
        with self._connections_lock:
            connections, self._connections = self._connections, set()
        for connection in connections:
            with contextlib.suppress(OSError):
                # The TCP stream only: `SSLSocket.shutdown` would also drop the TLS state that
                # the connection's thread may be reading through.
                socket.socket.shutdown(connection, socket.SHUT_RDWR)


def _handshake(connection: ssl.SSLSocket, client: str) -> bool:
    """Make the TLS handshake, in `HANDSHAKE_SECONDS` at most; False when it failed."""
    connection.settimeout(HANDSHAKE_SECONDS)
    try:
        connection.do_handshake()
    except OSError as error:  # ssl.SSLError and timeouts included
        log.info("TLS handshake with %s failed: %s", client, error)
        return False
    connection.settimeout(None)
    return True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle on, each answer waits ~40 ms for an ACK.
    disable_nagle_algorithm = True
    server: _Server

    def version_string(self) -> str:
        return "ovh-simulator"

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _serve(self) -> None:
        sim = self.server.simulator
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        query_id = sim.new_query_id()
        path = urlsplit(self.path).path
        prefix = next((p for p in API_PREFIXES if path == p or path.startswith(p + "/")), None)
        if prefix is None:
            self._send_local(path, body, query_id)
            return
        api_path = path[len(prefix) :] or "/"
        verdict = sim.faults.decide(self.command, api_path)
        if verdict.delay:
            time.sleep(verdict.delay)
        if verdict.fault is not None:
            self._send_fault(verdict.fault, query_id, api_path, body)
            return
        reply = sim.handle_api(self.command, self.path, api_path, self._wire(body))
        # Recorded before the answer leaves: a client that got it finds it counted.
        sim.record(self.command, api_path, reply.status, query_id, body)
        if verdict.late:
            time.sleep(verdict.late)
        self._send(reply, query_id)

    def _wire(self, body: bytes) -> _Wire:
        # HTTP/1.0 may leave Host out: the links the simulator gives then name its own address.
        host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
        scheme = self.server.simulator.scheme
        return _Wire(
            signed=Signed(
                method=self.command,
                scheme=scheme,
                host=host,
                target=self.path,
                body=body,
                application_key=self.headers.get("X-Ovh-Application"),
                consumer_key=self.headers.get("X-Ovh-Consumer"),
                timestamp=self.headers.get("X-Ovh-Timestamp"),
                signature=self.headers.get("X-Ovh-Signature"),
                client_ip=self.client_address[0],
            ),
            headers={name.lower(): value for name, value in self.headers.items()},
            base_url=f"{scheme}://{host}",
        )

    def _send_local(self, path: str, body: bytes, query_id: str) -> None:
        """Pages outside the API: the credential validation page and the `/_sim` controls."""
        sim = self.server.simulator
        query = parse_qs(urlsplit(self.path).query)
        if path in ("/auth", "/auth/"):
            status, html = validation_page(sim.world, query)
            reply = Reply(html, status, content_type="text/html; charset=utf-8")
        elif path.startswith(CONTROL_PREFIX + "/"):
            reply = sim.handle_control(self.command, path[len(CONTROL_PREFIX) :], query, body)
        else:
            reply = Reply(errors.invalid_url().body, 404)
        sim.record(self.command, path, reply.status, query_id, body)
        self._send(reply, query_id)

    def _send_fault(self, fault: Fault, query_id: str, api_path: str, body: bytes) -> None:
        sim = self.server.simulator
        if fault.effect == "drop":
            self.close_connection = True
            sim.record(self.command, api_path, 0, query_id, body)
            return
        reply = _fault_reply(fault)
        if fault.effect == "slow":
            reply = Reply({"message": "slow answer"}, 200)
        sim.record(self.command, api_path, reply.status, query_id, body)
        if fault.effect == "huge":
            size = max(int(fault.value * 2**20), 2)  # its quotes at least
            self._send_pieces(reply, query_id, _huge(size), size)
            return
        self._send(reply, query_id, stall=fault.value if fault.effect == "slow" else 0.0)

    def _send(self, reply: Reply, query_id: str, stall: float = 0.0) -> None:
        if isinstance(reply.body, bytes):  # sent as is (a fault's nonsense)
            payload = reply.body
        elif isinstance(reply.body, str) and not reply.content_type.startswith("application/json"):
            payload = reply.body.encode()
        else:
            payload = json.dumps(reply.body, separators=(",", ":")).encode()
        self._send_pieces(reply, query_id, [payload], len(payload), stall)

    def _send_pieces(
        self,
        reply: Reply,
        query_id: str,
        pieces: Iterable[bytes],
        length: int,
        stall: float = 0.0,
    ) -> None:
        """Reply's status and headers, then a body of `length` bytes written piece by piece."""
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(length))
            self.send_header("Cache-Control", "no-cache, no-store")
            self.send_header("X-Ovh-Queryid", query_id)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            for piece in pieces:
                _write(self.wfile, piece, stall)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _write(stream: Any, payload: bytes, stall: float) -> None:
    """Write the payload; with a stall, half of it, then the rest `stall` seconds later."""
    if not stall:
        stream.write(payload)
        return
    half = len(payload) // 2
    stream.write(payload[:half])
    stream.flush()
    time.sleep(stall)
    stream.write(payload[half:])


def _huge(size: int) -> Iterator[bytes]:
    """A JSON string of `size` bytes, quotes included, a megabyte at a time: never whole in
    the simulator's memory."""
    yield b'"'
    left = size - 2
    block = b"x" * 2**20
    while left > 0:
        yield block[:left]
        left -= len(block)
    yield b'"'


def _fault_reply(fault: Fault) -> Reply:
    if fault.effect == "html":
        page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        return Reply(page, 502, content_type="text/html")
    if fault.effect == "list":
        return Reply([{"message": "Invalid request"}], 400)
    if fault.effect == "huge":
        return Reply(None)  # its body is written piece by piece: see `_huge`
    if fault.effect == "nested":
        depth = int(fault.value)
        return Reply(b"[" * depth + b"]" * depth)
    if fault.effect == "text":
        return Reply(str(fault.body or "").encode())
    if fault.effect == "rate":
        return Reply(errors.resource_error(500, "Internal server error").body, 500)
    status = int(fault.value)
    if fault.body is not None:
        return Reply(fault.body, status)
    error = errors.resource_error(status, _FAULT_MESSAGES.get(status, "Simulated failure"))
    headers = {"Retry-After": "1"} if status == 429 else {}
    return Reply(error.body, status, headers)


_FAULT_MESSAGES = {
    429: "Too many requests, please retry later",
    500: "Internal server error",
    503: "Service is temporarily unavailable",
}
