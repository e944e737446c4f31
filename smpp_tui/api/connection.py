"""Building an `ovh.Client` from explicit values only: endpoint, credentials, timeout.

The `ovh` client fills every constructor argument left `None` from `OVH_*` variables and from
`ovh.conf` files (`/etc`, `~`, the working directory), and raises `InvalidConfiguration` when,
say, `OVH_CLIENT_ID` is set beside an explicit application key. A profile, the demo and the
tests must not inherit any of that, so `build_client` runs the client's own constructor (all its
checks kept) with a configuration that holds nothing: a copy of `ovh.Client.__init__` whose
global `config` is `_NO_CONFIGURATION`. Nothing global changes, so it is thread-safe.

For a loopback endpoint the session ignores the environment (`trust_env = False`): an
`HTTP_PROXY` would otherwise apply to 127.0.0.1 unless `NO_PROXY` covers it.
"""

from __future__ import annotations

import ipaddress
import types
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import ovh
import ovh.client
import ovh.exceptions

from smpp_tui.api.errors import ConfigurationError

DEFAULT_TIMEOUT = (3.05, 20.0)  # seconds: (connect, read)
REGIONS = ("ovh-eu", "ovh-ca", "ovh-us")


@dataclass(frozen=True)
class ApplicationKey:
    """Application key + secret, and the consumer key a user validated."""

    application_key: str
    application_secret: str = field(repr=False)
    consumer_key: str = field(repr=False)


@dataclass(frozen=True)
class OAuth2Client:
    """OAuth2 client credentials (service account), for `ovh-eu`, `ovh-ca` and `ovh-us`."""

    client_id: str
    client_secret: str = field(repr=False)


Credentials = ApplicationKey | OAuth2Client


def endpoint_key(endpoint: str) -> str:
    """The `ovh.client.ENDPOINTS` key for a region name or an API URL.

    A URL is registered under itself (normalised): the key is stable across runs, and an
    `ovh.conf` section named by the URL is the one the client would read.
    """
    if endpoint in ovh.client.ENDPOINTS:
        return endpoint
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        regions = ", ".join(REGIONS)
        raise ConfigurationError(
            f"unknown endpoint {endpoint!r}: use one of {regions} or an http(s):// API URL"
        )
    path = parts.path.rstrip("/") or "/1.0"
    url = f"{parts.scheme}://{parts.netloc}{path}"
    ovh.client.ENDPOINTS.setdefault(url, url)
    return url


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _NoConfiguration:
    """Stands in for `ovh.config.ConfigurationManager`: no variables, no files."""

    def read(self, config_file: str) -> None:
        pass

    def get(self, section: str, name: str) -> None:
        return None


_NO_CONFIGURATION = types.SimpleNamespace(ConfigurationManager=_NoConfiguration)
_explicit_init = types.FunctionType(
    ovh.Client.__init__.__code__,
    {**vars(ovh.client), "config": _NO_CONFIGURATION},
    "_explicit_init",
    ovh.Client.__init__.__defaults__,
    ovh.Client.__init__.__closure__,
)


def build_client(
    endpoint: str,
    credentials: Credentials,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> ovh.Client:
    """An `ovh.Client` from these values only; `ConfigurationError` when they cannot work."""
    key = endpoint_key(endpoint)
    client = ovh.Client.__new__(ovh.Client)
    try:
        _explicit_init(client, endpoint=key, timeout=timeout, **_arguments(credentials))
    except ovh.exceptions.InvalidConfiguration as error:
        raise ConfigurationError(_configuration_message(key, credentials, error)) from None
    if is_loopback(ovh.client.ENDPOINTS[key]):
        client._session.trust_env = False
    return client


def _arguments(credentials: Credentials) -> dict[str, str]:
    if isinstance(credentials, OAuth2Client):
        return {"client_id": credentials.client_id, "client_secret": credentials.client_secret}
    return {
        "application_key": credentials.application_key,
        "application_secret": credentials.application_secret,
        "consumer_key": credentials.consumer_key,
    }


def _configuration_message(key: str, credentials: Credentials, error: Exception) -> str:
    if isinstance(credentials, OAuth2Client) and key not in REGIONS:
        return f"OAuth2 client credentials work only with {', '.join(REGIONS)}, not {key}"
    # The client's own messages name no secret value, only which values are missing.
    return f"these credentials cannot be used: {error.args[0] if error.args else error}"
