"""One profile's link to OVHcloud: signed requests through `ovh.Client.raw_call`.

Every request goes through `Connection.request`: the path pieces are already quoted (see
`routes`), at most `max_in_flight` requests run at once (the client's session pools 10
connections), every answer is read by `answers.read_answer`, every exception becomes one of the
app's errors, and `on_request` hears of every request sent, the clock's included.

The clock: a signed request carries OVHcloud's time, our clock plus a delta the client fetches
once from `GET /auth/time` (its public, lazy `time_delta`). It is read before the first signed
request, and again when OVHcloud says the signature or the timestamp is wrong: as a client
never fetches its delta twice, a fresh client is built from the same values and its delta read;
only if OVHcloud's clock moved against ours (our clock jumped) does the fresh client replace the
old one and the call is retried, once. A wrong application secret also gives INVALID_SIGNATURE:
it then costs one re-sync, then none for `_RESYNC_PAUSE`, not a re-sync and a retry every call;
threads refused by the same client share one re-sync. Such a request was refused by the auth
layer before doing anything, so retrying a write is safe.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import ovh
import ovh.exceptions
import requests

from smpp_tui.api import errors
from smpp_tui.api.answers import Answer, Call, error_for_exception, read_answer
from smpp_tui.api.connection import (
    DEFAULT_TIMEOUT,
    ApplicationKey,
    Credentials,
    build_client,
    endpoint_key,
)
from smpp_tui.api.fanout import MAX_IN_FLIGHT
from smpp_tui.api.routes import Route, query_string, route

_CLOCK_CODES = ("INVALID_SIGNATURE", "QUERY_TIME_OUT")
_SERVER_TIME = Call("GET", route("/auth/time"))
_RESYNC_PAUSE = 60.0  # seconds after a re-sync that found the same clock before another one


class Connection:
    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        max_in_flight: int = MAX_IN_FLIGHT,
    ) -> None:
        # Every client of this connection, the fresh ones of a re-sync too, from these values.
        self._new_client = functools.partial(build_client, endpoint, credentials, timeout)
        self.client: ovh.Client = self._new_client()
        self.timeout = timeout
        self.host = urlsplit(endpoint_key(endpoint)).netloc
        self.resyncs = 0  # how many times the time delta was fetched again
        self._timestamped = isinstance(credentials, ApplicationKey)
        self._in_flight = threading.BoundedSemaphore(max_in_flight)
        self._clock = threading.Lock()  # guards `client`, `_delta` and `_same_clock_at`
        self._delta: int | None = None  # `client`'s time delta, once read
        self._same_clock_at = float("-inf")  # monotonic time a re-sync last found no move
        # Told of every request sent (the app's request budget counts them); any thread.
        self.on_request: Callable[[], None] = lambda: None

    def sync_clock(self) -> None:
        """Read OVHcloud's clock now, if not done yet (one request); else do nothing.

        Signed requests do it first anyway; this only chooses when (a benchmark leaves it out
        of what it measures). OAuth2 requests carry no timestamp: nothing to read.
        """
        if self._timestamped:
            self._synced()

    def request(
        self,
        method: str,
        target: Route,
        *,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        signed: bool = True,
    ) -> Answer:
        call = Call(method, target)
        path = target.path + (f"?{query_string(query)}" if query else "")
        if not (signed and self._timestamped):
            return self._send(self.client, call, path, body, headers, signed)
        client, used = self._synced()  # `used`: the delta this request is signed with
        try:
            return self._send(client, call, path, body, headers, signed)
        except errors.AuthError as error:
            if error.code not in _CLOCK_CODES or not self._clock_moved(client, used):
                raise
        client, _ = self._synced()
        return self._send(client, call, path, body, headers, signed)

    def _send(
        self,
        client: ovh.Client,
        call: Call,
        path: str,
        body: Any,
        headers: Mapping[str, str] | None,
        signed: bool,
    ) -> Answer:
        with self._in_flight:
            self.on_request()
            try:
                response = client.raw_call(
                    call.method, path, data=body, need_auth=signed, headers=dict(headers or {})
                )
            except (requests.RequestException, ovh.exceptions.APIError) as error:
                raise error_for_exception(error, call, self.timeout, self.host) from None
        return read_answer(response, call)

    def _synced(self) -> tuple[ovh.Client, int]:
        """The client to sign with and its time delta, read first if it was not yet."""
        with self._clock:
            if self._delta is None:
                try:
                    self._delta = self._read_delta(self.client)
                except errors.InvalidResponse:
                    # The client may have kept the unusable answer as its delta: start afresh.
                    self.client = self._new_client()
                    raise
            return self.client, self._delta

    def _clock_moved(self, used_client: ovh.Client, used: int) -> bool:
        """After a request `used_client` signed with delta `used` was refused: may a retry pass?

        One thread re-syncs at a time; those refused by the same client wait and reuse its
        result rather than each fetching the time again.
        """
        with self._clock:
            if self.client is not used_client:
                return True  # re-synced since this request was signed: retry with the new client
            if time.monotonic() - self._same_clock_at < _RESYNC_PAUSE:
                return False  # just re-synced to the same clock: the secret is what is wrong
            self.resyncs += 1
            fresh = self._new_client()  # its delta is not fetched yet
            delta = self._read_delta(fresh)
            if abs(delta - used) <= 1:
                # The client is kept as it was, so threads waiting here see no change either.
                self._same_clock_at = time.monotonic()
                return False
            self.client, self._delta = fresh, delta
            return True

    def _read_delta(self, client: ovh.Client) -> int:
        """`client.time_delta`, which the client fetches once, through its own `get`."""
        with self._in_flight:
            self.on_request()
            try:
                delta = client.time_delta
            except (requests.RequestException, ovh.exceptions.APIError) as error:
                raise error_for_exception(error, _SERVER_TIME, self.timeout, self.host) from None
            except (TypeError, AttributeError, ValueError, RecursionError):
                # The client subtracts our time from whatever JSON came back (a string, a list,
                # null), crashes on a JSON list as an error body, and parses the body itself,
                # without `decoding`'s depth limit.
                delta = None
        if not isinstance(delta, int) or isinstance(delta, bool):
            raise errors.InvalidResponse(
                "OVHcloud answered nonsense to GET /auth/time: something else than a time"
            )
        return delta
