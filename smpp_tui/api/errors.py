"""The app's own errors: every failure of a call to OVHcloud becomes one of these.

Each carries a message a user understands (`str(error)`), OVHcloud's query id when there was an
answer (support needs it), and the HTTP status when there was one. Messages never contain a
secret: they are written here from the method, the route pattern and OVHcloud's answer, never
from the request or the client's configuration; what they quote of OVHcloud's answer is made
safe to show and cut short (`answers`).
"""

from __future__ import annotations

from typing import TypedDict, Unpack


class Reply(TypedDict, total=False):
    """What an error knows of OVHcloud's answer, when there was one."""

    query_id: str | None
    status: int | None


class Context(Reply, total=False):
    """What the subclasses with their own arguments pass on to `ApiError`."""

    code: str


class ApiError(Exception):
    """A call to OVHcloud failed; `str()` is the message for the user."""

    def __init__(
        self,
        message: str,
        *,
        query_id: str | None = None,
        status: int | None = None,
        code: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.query_id = query_id
        self.status = status
        self.code = code  # OVHcloud's `errorCode`, when it sent one

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, query_id={self.query_id!r})"


class ConfigurationError(ApiError):
    """The endpoint or the credentials cannot make a client (nothing was sent)."""


class InvalidInput(ApiError):
    """A value the user typed was refused before any request."""


class ReadOnlyRefused(ApiError):
    """A write attempted while the profile is read-only (nothing was sent)."""


class AuthError(ApiError):
    """OVHcloud refused the credentials or the key's rights."""


class InvalidCredentials(AuthError):
    """The application key, its secret or the consumer key is not (or no longer) valid."""


class NotGranted(AuthError):
    """The consumer key's access rules do not cover this call."""

    def __init__(self, method: str, pattern: str, **context: Unpack[Context]) -> None:
        # The right is named as its access rule reads: what the key would need.
        message = f"OVHcloud refused this call: this API key may not call {method} {pattern}"
        super().__init__(message, **context)
        self.method = method
        self.pattern = pattern


class Forbidden(AuthError):
    """OVHcloud refused the call for another reason (for example the caller's IP)."""


class ClockOutOfSync(AuthError):
    """OVHcloud still found the request's timestamp out of its window after a re-sync."""


class NotFound(ApiError):
    """The thing asked for does not exist (any more)."""


class BadRequest(ApiError):
    """OVHcloud refused the values sent."""


class Conflict(ApiError):
    """The change conflicts with the current state (it already exists, it is busy...)."""


class Expired(ApiError):
    """The resource has expired (HTTP 460)."""


class RateLimited(ApiError):
    """Too many requests: OVHcloud asks to slow down."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, **context: Unpack[Context]
    ) -> None:
        super().__init__(message, **context)
        self.retry_after = retry_after


class ServerError(ApiError):
    """OVHcloud failed on its side (5xx or an unexpected status)."""


class Unreachable(ApiError):
    """No answer at all: no connection (DNS, refused, no route, connect timeout, proxy, TLS),
    or one closed before any answer."""


class TimedOut(ApiError):
    """OVHcloud was reached, but the answer (or the rest of it) did not come in time."""

    def __init__(self, seconds: float, **context: Unpack[Context]) -> None:
        super().__init__(
            f"OVHcloud was reached but is too slow: nothing came for {seconds:g} s", **context
        )
        self.seconds = seconds


class InvalidResponse(ApiError):
    """An answer this app cannot read: not JSON, nested too deep, too large, or not the shape
    the schema promises."""
