"""Downloading a file OVHcloud prepared (a document's `getUrl`): a plain GET, not an API call.

The URL alone grants access (its query may hold a token), so nothing is signed, nothing is
logged, and no message quotes more of it than its host. Proxies and CA bundles of the
environment apply as they do to the API, except on a loopback URL (the demo's simulator).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import requests

from smpp_tui.api.connection import is_loopback
from smpp_tui.api.errors import (
    ApiError,
    Forbidden,
    NotFound,
    Reply,
    ServerError,
    TimedOut,
    Unreachable,
)

CHUNK = 64 * 1024  # bytes read at a time: memory stays flat whatever the file's size


def download(url: str, timeout: tuple[float, float]) -> Iterator[bytes]:
    """The file at `url`, chunk by chunk; the request is sent when the first chunk is asked."""
    host = urlsplit(url).hostname or "the server"
    with requests.Session() as session:
        session.trust_env = not is_loopback(url)
        try:
            with session.get(url, timeout=timeout, stream=True) as response:
                if response.status_code != 200:
                    raise _refusal(response, host)
                yield from response.iter_content(CHUNK)
        except requests.ConnectTimeout:  # never reached: not "too slow" (`TimedOut`)
            raise Unreachable(
                f"the file could not be downloaded from {host}: no connection within"
                f" {timeout[0]:g} s"
            ) from None
        except requests.Timeout:
            raise TimedOut(timeout[1]) from None
        except requests.RequestException:
            # Not the exception's text: it quotes the whole URL, token included.
            raise Unreachable(f"the file could not be downloaded from {host}") from None


def _refusal(response: requests.Response, host: str) -> ApiError:
    context: Reply = {
        "query_id": response.headers.get("X-Ovh-Queryid"),
        "status": response.status_code,
    }
    if response.status_code == 404:
        return NotFound(f"{host} no longer has the file: export again", **context)
    if response.status_code in (401, 403):
        return Forbidden(f"{host} refused the download: its link may have expired", **context)
    return ServerError(f"{host} failed to send the file (HTTP {response.status_code})", **context)
