"""Reading OVHcloud's answers: a JSON value, or one of the app's errors.

Every answer, plain or expanded list, goes through `read_answer`, so they fail the same way and
always keep the status and the query id. An error body may be `{"errorCode", "message"}` (the
auth layer), `{"class", "message"}` (resources), a JSON list (which crashes the unmodified
`ovh` client with `AttributeError`), or not JSON at all (a proxy's HTML page). Bodies are
decoded within limits (`decoding`), and what a message quotes of OVHcloud's answer is `clean`
and cut short: it cannot drive the terminal nor flood the screen.

Each failure says what happened, in words that tell the cases apart: OVHcloud could not be
reached (no connection), was reached but too slow, asks to slow down, refused this call (the
right it lacks named), refused the values sent (a write), failed on its side, answered nonsense.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ovh.exceptions
import requests
import urllib3.exceptions

from smpp_tui.api import errors
from smpp_tui.api.decoding import Nonsense, decode
from smpp_tui.api.routes import Route
from smpp_tui.api.text import clean

_QUOTED = 300  # characters of OVHcloud's own message quoted in one of ours


@dataclass(frozen=True)
class Answer:
    body: Any
    headers: Mapping[str, str]
    query_id: str | None


@dataclass(frozen=True)
class Call:
    """What was asked, for the messages: `PUT /sms/*/smpp/allowedIPs`."""

    method: str
    route: Route

    def __str__(self) -> str:
        return f"{self.method} {self.route.pattern}"


def read_answer(response: requests.Response, call: Call) -> Answer:
    query_id = _query_id(response.headers)
    if response.status_code == 204:
        return Answer(None, response.headers, query_id)
    body, nonsense = _decoded(response)
    if not 200 <= response.status_code < 300:
        # The status says what failed even when the body is a proxy's HTML page.
        raise error_for(response.status_code, body, call, response.headers, query_id)
    if nonsense is not None:
        kind = _quoted(response.headers.get("Content-Type", "no content type").split(";")[0], 60)
        raise errors.InvalidResponse(
            f"OVHcloud answered nonsense to {call}: {nonsense} (HTTP {response.status_code},"
            f" {kind})",
            query_id=query_id,
            status=response.status_code,
        )
    return Answer(body, response.headers, query_id)


def _decoded(response: requests.Response) -> tuple[Any, Nonsense | None]:
    """The body's JSON value (None when there is none), and why there is none."""
    try:
        return decode(response.content), None
    except Nonsense as why:
        return None, why


def _query_id(headers: Mapping[str, str]) -> str | None:
    return _quoted(headers.get("X-Ovh-Queryid"), 100) or None


def _quoted(text: str | None, limit: int = _QUOTED) -> str:
    """Text of OVHcloud's quoted in a message: safe to show, and short."""
    text = clean(text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_for(
    status: int, body: Any, call: Call, headers: Mapping[str, str], query_id: str | None
) -> errors.ApiError:
    """The app's error for an error answer of OVHcloud."""
    context: errors.Reply = {"query_id": query_id, "status": status}
    code, said = _code_and_message(body)
    if status in (400, 401, 403) and code in _AUTH_ERRORS:
        kind, message = _AUTH_ERRORS[code]
        return kind(message, code=code, **context)
    if status == 403:
        return _forbidden(code, said, call, context)
    if status == 429:
        return _rate_limited(_seconds(headers.get("Retry-After")), context)
    if status == 400 and call.method not in _SENDING:
        # Nothing was sent but the path and the query: no "values sent" to speak of.
        return errors.BadRequest(_with(f"OVHcloud refused {call}", said), **context)
    failed = (errors.ServerError, f"OVHcloud failed on its side (HTTP {status})")
    kind, message = _BY_STATUS.get(status, failed)
    return kind(_with(message.format(call=call), said), **context)


_SENDING = ("POST", "PUT", "PATCH")  # the methods whose request has a body of values


def _rate_limited(retry_after: float | None, context: errors.Reply) -> errors.RateLimited:
    wait = f", for {retry_after:g} s" if retry_after else ""
    return errors.RateLimited(
        f"OVHcloud asks to slow down (HTTP 429: too many requests{wait})",
        retry_after=retry_after,
        **context,
    )


def _forbidden(code: str, said: str, call: Call, context: errors.Reply) -> errors.ApiError:
    if code == "NOT_GRANTED_CALL":
        return errors.NotGranted(call.method, call.route.pattern, code=code, **context)
    return errors.Forbidden(_with(f"OVHcloud refused {call}", said), code=code, **context)


_INVALID_CK = "this consumer key is not valid: not validated yet, expired or revoked"
_AUTH_ERRORS: dict[str, tuple[type[errors.ApiError], str]] = {
    "INVALID_KEY": (errors.InvalidCredentials, "OVHcloud does not know this application key"),
    "INVALID_CREDENTIAL": (errors.InvalidCredentials, _INVALID_CK),
    "NOT_CREDENTIAL": (errors.InvalidCredentials, _INVALID_CK),
    "INVALID_SIGNATURE": (
        errors.InvalidCredentials,
        "OVHcloud rejected the request's signature: the application secret may be wrong",
    ),
    "QUERY_TIME_OUT": (
        errors.ClockOutOfSync,
        "this computer's clock and OVHcloud's differ too much, even after re-synchronising",
    ),
}

_BY_STATUS: dict[int, tuple[type[errors.ApiError], str]] = {
    400: (errors.BadRequest, "OVHcloud refused the values sent to {call}"),
    401: (errors.InvalidCredentials, "OVHcloud asks to log in: no valid application key"),
    404: (errors.NotFound, "OVHcloud found nothing at {call}"),
    405: (errors.BadRequest, "OVHcloud does not accept {call}"),
    409: (errors.Conflict, "OVHcloud refused {call}: it conflicts with the current state"),
    460: (errors.Expired, "this service has expired ({call})"),
    500: (errors.ServerError, "OVHcloud failed on its side (HTTP 500)"),
    502: (errors.ServerError, "OVHcloud failed on its side (HTTP 502)"),
    503: (errors.ServerError, "OVHcloud is temporarily unavailable (HTTP 503)"),
    504: (errors.ServerError, "OVHcloud failed on its side (HTTP 504)"),
}


def _code_and_message(body: Any) -> tuple[str, str]:
    if isinstance(body, list) and body:
        body = body[0]  # seen in the wild: an error object wrapped in a list
    if not isinstance(body, dict):
        return "", ""
    code, message = body.get("errorCode"), body.get("message")
    code = _quoted(code, 60) if isinstance(code, str) else ""
    return code, _quoted(message) if isinstance(message, str) else ""


def _with(message: str, said: str) -> str:
    return f"{message}: {said}" if said else message


def _seconds(value: str | None) -> float | None:
    """A `Retry-After` in seconds, at most `_LONGEST_WAIT` (an HTTP date counts as none)."""
    try:
        seconds = float(value or "")
    except ValueError:
        return None
    return min(seconds, _LONGEST_WAIT) if math.isfinite(seconds) and seconds >= 0 else None


_LONGEST_WAIT = 300.0  # seconds: a longer wait asked would stop the polls for good


def error_for_exception(
    error: Exception, call: Call, timeout: tuple[float, float], host: str
) -> errors.ApiError:
    """The app's error for an exception raised before any answer (or by the `ovh` client)."""
    if isinstance(error, ovh.exceptions.HTTPError) and len(error.args) > 1:
        error = error.args[1]  # the client wraps the `requests` exception
    if isinstance(error, requests.RequestException | ovh.exceptions.HTTPError):
        return _no_answer(error, timeout, host)
    if isinstance(error, ovh.exceptions.APIError):
        return _from_ovh(error, call)
    raise error


def _no_answer(error: Exception, timeout: tuple[float, float], host: str) -> errors.ApiError:
    """No answer: reached but too slow, never reached, or cut off without a word."""
    cause = error.args[0] if error.args else None
    cause = getattr(cause, "reason", cause)  # urllib3's MaxRetryError wraps what happened
    # A stall in the body comes as a ConnectionError, in the headers as a ReadTimeout.
    if isinstance(error, requests.ReadTimeout) or isinstance(
        cause, urllib3.exceptions.ReadTimeoutError
    ):
        return errors.TimedOut(timeout[1])
    why = _not_reached(error, cause, timeout[0])
    if why:
        return errors.Unreachable(f"OVHcloud could not be reached at {host}: {why}")
    return errors.Unreachable(f"OVHcloud at {host} closed the connection without answering")


def _not_reached(error: Exception, cause: object, connect_timeout: float) -> str:
    """Why no connection was made, in words; "" when one was (and then cut)."""
    if isinstance(error, requests.ConnectTimeout):
        return f"no connection within {connect_timeout:g} s"
    if isinstance(error, requests.exceptions.ProxyError):
        return "the proxy did not connect to it"
    if isinstance(error, requests.exceptions.SSLError):
        return "the secure connection (TLS) failed"
    if isinstance(cause, urllib3.exceptions.NameResolutionError):
        return "its name was not found (DNS)"
    if isinstance(cause, urllib3.exceptions.NewConnectionError):
        said = getattr(cause.__cause__, "strerror", None)  # the socket's own words
        return said.lower() if isinstance(said, str) else "no connection"
    return ""


def _from_ovh(error: ovh.exceptions.APIError, call: Call) -> errors.ApiError:
    response = error.response
    if response is not None and not 200 <= response.status_code < 300:
        body, _ = _decoded(response)
        query_id = _query_id(response.headers)
        return error_for(response.status_code, body, call, response.headers, query_id)
    if isinstance(error, ovh.exceptions.InvalidKey):
        # Raised before sending; its own text would quote the (empty or wrong) secret.
        return errors.ConfigurationError("the application secret or the consumer key is missing")
    if isinstance(error, ovh.exceptions.OAuth2FailureError):
        return errors.InvalidCredentials("OVHcloud refused the OAuth2 client id or secret")
    query_id = _query_id(response.headers) if response is not None else None
    return errors.InvalidResponse(
        f"OVHcloud answered nonsense to {call}: it could not be read", query_id=query_id
    )
