"""One profile's link to OVHcloud: signed requests through `ovh.Client.raw_call`.

Every request goes through `Connection.request`: the path pieces are already quoted (see
`routes`), at most `max_in_flight` requests run at once (the client's session pools 10
connections), every answer is read by `answers.read_answer`, and every exception becomes one of
the app's errors. The client's time delta is fetched here, through the same path, and fetched
again when OVHcloud says the signature or the timestamp is wrong: the call is retried once only
if OVHcloud's clock moved against ours (the local clock jumped). A wrong application secret
also gives INVALID_SIGNATURE; it then costs one re-sync, not a re-sync and a retry every call.
Such a request was refused by the auth layer before doing anything, so retrying a write is safe.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import ovh.client
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
_SERVER_TIME = route("/auth/time")
_RESYNC_PAUSE = 60.0  # seconds after a re-sync that found the same clock before another one


class Connection:
    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        max_in_flight: int = MAX_IN_FLIGHT,
    ) -> None:
        self.client = build_client(endpoint, credentials, timeout)
        self.timeout = timeout
        self.host = urlsplit(ovh.client.ENDPOINTS[endpoint_key(endpoint)]).netloc
        self.resyncs = 0  # how many times the time delta was fetched again
        self._timestamped = isinstance(credentials, ApplicationKey)
        self._in_flight = threading.BoundedSemaphore(max_in_flight)
        self._clock = threading.Lock()
        self._same_clock_at = float("-inf")  # monotonic time a re-sync last found no move
        # Told of every request sent (the app's request budget counts them); any thread.
        self.on_request: Callable[[], None] = lambda: None

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
        if signed and self._timestamped:
            self._sync_clock()
        used = self.client._time_delta  # what this request is signed with
        try:
            return self._send(call, path, body, headers, signed)
        except errors.AuthError as error:
            clock_code = signed and self._timestamped and error.code in _CLOCK_CODES
            if not (clock_code and self._clock_moved(used)):
                raise
        return self._send(call, path, body, headers, signed)

    def _send(
        self, call: Call, path: str, body: Any, headers: Mapping[str, str] | None, signed: bool
    ) -> Answer:
        with self._in_flight:
            self.on_request()
            try:
                response = self.client.raw_call(
                    call.method, path, data=body, need_auth=signed, headers=dict(headers or {})
                )
            except (requests.RequestException, ovh.exceptions.APIError) as error:
                raise error_for_exception(error, call, self.timeout, self.host) from None
        return read_answer(response, call)

    def _sync_clock(self) -> None:
        """Fetch the delta between OVHcloud's clock and ours, once."""
        with self._clock:
            if self.client._time_delta is None:
                # The `ovh` client keeps the delta in `_time_delta` and fetches it only when
                # None; setting it here keeps one way of reading answers and allows re-syncs.
                self.client._time_delta = self._server_delta()

    def _clock_moved(self, used: int | None) -> bool:
        """After a request signed with delta `used` was refused: whether a retry can pass.

        One thread re-syncs at a time; those refused with the same delta wait and reuse its
        result rather than each fetching the time again.
        """
        with self._clock:
            if self.client._time_delta != used:
                return True  # re-synced since this request was signed: retry with the new delta
            if time.monotonic() - self._same_clock_at < _RESYNC_PAUSE:
                return False  # just re-synced to the same clock: the secret is what is wrong
            self.resyncs += 1
            delta = self._server_delta()
            if used is not None and abs(delta - used) <= 1:
                # The delta is kept as it was, so threads waiting here see no change either.
                self._same_clock_at = time.monotonic()
                return False
            self.client._time_delta = delta
            return True

    def _server_delta(self) -> int:
        answer = self._send(Call("GET", _SERVER_TIME), _SERVER_TIME.path, None, None, False)
        if not isinstance(answer.body, int) or isinstance(answer.body, bool):
            raise errors.InvalidResponse(
                "OVHcloud's clock (GET /auth/time) answered something else than a time",
                query_id=answer.query_id,
            )
        return answer.body - int(time.time())
