"""Reading OVHcloud's answers: a JSON value, or one of the app's errors.

Every answer, plain or expanded list, goes through `read_answer`, so they fail the same way and
always keep the status and the query id. An error body may be `{"errorCode", "message"}` (the
auth layer), `{"class", "message"}` (resources), a JSON list (which crashes the unmodified
`ovh` client with `AttributeError`), or not JSON at all (a proxy's HTML page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ovh.exceptions
import requests

from smpp_tui.api import errors
from smpp_tui.api.routes import Route

_MESSAGE_LIMIT = 200


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
    query_id = response.headers.get("X-Ovh-Queryid")
    if response.status_code == 204:
        return Answer(None, response.headers, query_id)
    body = _json(response)
    if not 200 <= response.status_code < 300:
        # The status says what failed even when the body is a proxy's HTML page.
        body = None if body is _UNREADABLE else body
        raise error_for(response.status_code, body, call, response.headers, query_id)
    if body is _UNREADABLE:
        kind = response.headers.get("Content-Type", "no content type").split(";")[0]
        raise errors.InvalidResponse(
            f"OVHcloud sent an answer this app cannot read to {call}"
            f" (HTTP {response.status_code}, {kind})",
            query_id=query_id,
            status=response.status_code,
        )
    return Answer(body, response.headers, query_id)


_UNREADABLE = object()  # a body that is not JSON (None is JSON's null)


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return _UNREADABLE


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
        return errors.RateLimited(
            "OVHcloud asks to slow down: too many requests, try again in a moment",
            retry_after=_seconds(headers.get("Retry-After")),
            **context,
        )
    failed = (errors.ServerError, f"OVHcloud failed on its side (HTTP {status})")
    kind, message = _BY_STATUS.get(status, failed)
    return kind(_with(message.format(call=call), said), **context)


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
    message = body.get("message")
    message = message[:_MESSAGE_LIMIT] if isinstance(message, str) else ""
    return str(body.get("errorCode") or ""), message


def _with(message: str, said: str) -> str:
    return f"{message}: {said}" if said else message


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def error_for_exception(
    error: Exception, call: Call, timeout: tuple[float, float], host: str
) -> errors.ApiError:
    """The app's error for an exception raised before any answer (or by the `ovh` client)."""
    if isinstance(error, ovh.exceptions.HTTPError) and len(error.args) > 1:
        error = error.args[1]  # the client wraps the `requests` exception
    if isinstance(error, requests.ConnectTimeout):
        return errors.TimedOut(timeout[0])
    if isinstance(error, requests.Timeout):
        return errors.TimedOut(timeout[1])
    if isinstance(error, requests.RequestException | ovh.exceptions.HTTPError):
        return errors.Unreachable(f"OVHcloud could not be reached at {host}")
    if isinstance(error, ovh.exceptions.APIError):
        return _from_ovh(error, call)
    raise error


def _from_ovh(error: ovh.exceptions.APIError, call: Call) -> errors.ApiError:
    response = error.response
    if response is not None and not 200 <= response.status_code < 300:
        body = _json(response)
        body = None if body is _UNREADABLE else body
        return error_for(response.status_code, body, call, response.headers, error.query_id)
    if isinstance(error, ovh.exceptions.InvalidKey):
        # Raised before sending; its own text would quote the (empty or wrong) secret.
        return errors.ConfigurationError("the application secret or the consumer key is missing")
    if isinstance(error, ovh.exceptions.OAuth2FailureError):
        return errors.InvalidCredentials("OVHcloud refused the OAuth2 client id or secret")
    return errors.InvalidResponse(
        f"OVHcloud's answer to {call} could not be read", query_id=error.query_id
    )
