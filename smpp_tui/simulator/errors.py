"""OVHcloud's error answers, as the real API writes them.

Two families exist: the authentication layer answers `{"errorCode", "httpCode", "message"}`, and
resources answer `{"class", "message"}`. Route handlers raise `ApiError`; the server turns it
into the response.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

_RESOURCE_CLASSES = {
    400: "Client::BadRequest",
    401: "Client::Unauthorized",
    403: "Client::Forbidden",
    404: "Client::NotFound",
    405: "Client::MethodNotAllowed",
    409: "Client::Conflict",
    429: "Client::TooManyRequests",
    460: "Client::Gone",
    500: "Server::InternalServerError",
    502: "Server::BadGateway",
    503: "Server::ServiceUnavailable",
    504: "Server::GatewayTimeout",
}


@dataclass
class ApiError(Exception):
    """An error answer: an HTTP status and the JSON body OVHcloud sends with it."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.body}"


def http_code(status: int) -> str:
    """`403 Forbidden`, the `httpCode` field of auth errors."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def auth_error(status: int, code: str, message: str) -> ApiError:
    return ApiError(status, {"errorCode": code, "httpCode": http_code(status), "message": message})


def resource_error(status: int, message: str, error_class: str | None = None) -> ApiError:
    error_class = error_class or _RESOURCE_CLASSES.get(status, "Server::InternalServerError")
    return ApiError(status, {"class": error_class, "message": message})


def invalid_signature() -> ApiError:
    return auth_error(400, "INVALID_SIGNATURE", "Invalid signature")


def query_time_out() -> ApiError:
    return auth_error(400, "QUERY_TIME_OUT", "Query out of time")


def invalid_key() -> ApiError:
    return auth_error(403, "INVALID_KEY", "This application key is invalid")


def invalid_credential() -> ApiError:
    return auth_error(403, "INVALID_CREDENTIAL", "This credential is not valid")


def not_credential() -> ApiError:
    return auth_error(403, "NOT_CREDENTIAL", "This credential does not exist")


def not_granted_call() -> ApiError:
    return auth_error(403, "NOT_GRANTED_CALL", "This call has not been granted")


def forbidden(message: str) -> ApiError:
    return auth_error(403, "FORBIDDEN", message)


def not_logged_in() -> ApiError:
    return resource_error(401, "You must login first")


def invalid_url() -> ApiError:
    return resource_error(404, "Got an invalid (or empty) URL")


def bad_request(message: str) -> ApiError:
    return resource_error(400, message)


def not_found(message: str = "This service does not exist") -> ApiError:
    return resource_error(404, message)


def conflict(message: str) -> ApiError:
    return resource_error(409, message)
