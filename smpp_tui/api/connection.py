"""Building an `ovh.Client` from explicit values only: endpoint, credentials, timeout.

Only the client's public constructor is used. It fills every argument left `None` from `OVH_*`
variables, then from the `ovh.conf` files (`/etc`, `~`, the working directory, resolved when
`ovh` is imported), reading the section named by the *endpoint key*. What the app does about it:

- Every endpoint, regions included, is registered under its own API URL (`register_endpoint`),
  so the client reads the section `[https://eu.api.ovh.com/1.0]`, which no `ovh.conf` written
  for other tools has, rather than `[ovh-eu]`: an OAuth2 client id there no longer leaks into an
  application-key profile on ovh-eu, nor an application key into an OAuth2 profile.
- Variables of the other kind of credentials (`OVH_CLIENT_ID`/`OVH_CLIENT_SECRET` beside an
  application key, `OVH_APPLICATION_KEY`/`OVH_APPLICATION_SECRET` beside an OAuth2 client) make
  the client raise `InvalidConfiguration`; no public argument prevents it, so the error says
  which variables to unset. `config_file=` closes nothing (checked with ovh 1.2.0): an empty
  file there is read on top of the standard files, and the variables still come first.
- What it still reads without complaint changes nothing: `OVH_ENDPOINT`, and values of the
  profile's own kind, lose to the explicit ones; `OVH_CONSUMER_KEY` reaches an OAuth2 client,
  which never sends it (nor an empty `OVH_CLIENT_SECRET` or `OVH_APPLICATION_SECRET`, unused
  without their id or key).

The HTTP session of a loopback endpoint ignores the environment: an `HTTP_PROXY` would otherwise
apply to 127.0.0.1 unless `NO_PROXY` covers it. Elsewhere proxies and CA bundles from the
environment are honoured on purpose (a company proxy must keep working). Every session reads
answers up to `decoding`'s size limit.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import ovh
import ovh.client
import ovh.exceptions
import requests

from smpp_tui.api.decoding import cap_body
from smpp_tui.api.errors import ConfigurationError

DEFAULT_TIMEOUT = (3.05, 20.0)  # seconds: (connect, read)
REGIONS = ("ovh-eu", "ovh-ca", "ovh-us")

# The regions' API URLs, read before anything is registered: the token URL an OAuth2 client of
# that URL needs is the region's.
_REGION_OF_URL = {ovh.client.ENDPOINTS[region]: region for region in REGIONS}

# Variables of the other kind of credentials, which the client refuses beside a profile's.
_OAUTH2_VARIABLES = ("OVH_CLIENT_ID", "OVH_CLIENT_SECRET")
_APPLICATION_KEY_VARIABLES = ("OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET")


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
    """The `ovh.client.ENDPOINTS` key for a region name or an API URL: the API URL itself.

    The URL is normalised (`http://h:1/` and `http://h:1/1.0` are one key), so the key is
    stable across runs.
    """
    endpoint = endpoint.strip()
    # A name (`ovh-eu`, or one registered by others) stands for its URL; a URL for itself.
    url = endpoint if "://" in endpoint else ovh.client.ENDPOINTS.get(endpoint, endpoint)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        regions = ", ".join(REGIONS)
        raise ConfigurationError(
            f"unknown endpoint {endpoint!r}: use one of {regions} or an http(s):// API URL"
        )
    path = parts.path.rstrip("/") or "/1.0"
    return register_endpoint(f"{parts.scheme}://{parts.netloc}{path}")


def register_endpoint(url: str) -> str:
    """Make the API URL `url` an endpoint key of the `ovh` client, standing for itself.

    The one place that changes `ovh`'s module globals. Adding a key to `ovh.client.ENDPOINTS`
    is the client's documented way to reach another endpoint, and the client allows OAuth2 only
    for keys of `OAUTH2_TOKEN_URLS`, so a region's URL gets the region's token URL there too.
    Safe: the key is the URL, so it can only mean that URL; entries are added, never
    overwritten (another user of `ovh` in the process keeps its own); and `dict.setdefault` with
    the same value is atomic, so repeating it, from any thread, changes nothing.
    """
    ovh.client.ENDPOINTS.setdefault(url, url)
    region = _REGION_OF_URL.get(url)
    if region in ovh.client.OAUTH2_TOKEN_URLS:
        ovh.client.OAUTH2_TOKEN_URLS.setdefault(url, ovh.client.OAUTH2_TOKEN_URLS[region])
    if ovh.client.ENDPOINTS[url] != url:
        # Some other code registered this URL as a name for another API: never send there.
        raise ConfigurationError(f"the endpoint {url} is registered with ovh for another URL")
    return url


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_client(
    endpoint: str,
    credentials: Credentials,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> ovh.Client:
    """An `ovh.Client` from these values; `ConfigurationError` when they cannot work."""
    key = endpoint_key(endpoint)
    try:
        client = ovh.Client(endpoint=key, timeout=timeout, **_arguments(credentials))
    except ovh.exceptions.InvalidConfiguration as error:
        raise ConfigurationError(_configuration_message(key, credentials, error)) from None
    session = _session_of(client)
    session.hooks["response"].append(cap_body)  # answers are read up to a size limit
    if is_loopback(key):
        # No proxy can help on loopback (nor netrc, CA bundles): the environment is ignored.
        session.trust_env = False
    return client


def _arguments(credentials: Credentials) -> dict[str, str]:
    if isinstance(credentials, OAuth2Client):
        return {"client_id": credentials.client_id, "client_secret": credentials.client_secret}
    return {
        "application_key": credentials.application_key,
        "application_secret": credentials.application_secret,
        "consumer_key": credentials.consumer_key,
    }


def _session_of(client: ovh.Client) -> requests.Session:
    """The HTTP session every application-key call of `client` goes through.

    OAuth2 calls use another one, made lazily with the first token: their answers are still
    refused past the size limit, but only once read whole.
    """
    # PRIVATE: ovh.Client._session (ovh 1.2) is that requests.Session; no public API reaches
    # it. Only its public `trust_env` and `hooks` are set. tests/api/test_connection.py fails
    # if a release renames it.
    session = getattr(client, "_session", None)
    if not isinstance(session, requests.Session):
        raise RuntimeError("this ovh release keeps no requests.Session in Client._session")
    return session


def _configuration_message(key: str, credentials: Credentials, error: Exception) -> str:
    if isinstance(credentials, OAuth2Client) and key not in ovh.client.OAUTH2_TOKEN_URLS:
        return f"OAuth2 client credentials work only with {', '.join(REGIONS)}, not {key}"
    if conflicting := _conflicting_variables(credentials):
        return _conflict_message(conflicting, credentials)
    # The client's own messages name no secret value, only which values are missing.
    said = error.args[0] if error.args else error
    return f"these credentials cannot be used: {said} (is there an ovh.conf section [{key}]?)"


def _conflicting_variables(credentials: Credentials) -> list[str]:
    if isinstance(credentials, ApplicationKey):
        names = _OAUTH2_VARIABLES
    else:
        names = _APPLICATION_KEY_VARIABLES
    return [name for name in names if name in os.environ]


def _conflict_message(names: list[str], credentials: Credentials) -> str:
    """Which variables to unset, and why; never their values."""
    kind = "application key" if isinstance(credentials, ApplicationKey) else "OAuth2 client id"
    one = len(names) == 1
    return (
        f"{' and '.join(names)} {'is' if one else 'are'} set in the environment: the ovh client"
        f" takes {'it' if one else 'them'} beside this profile's {kind} and refuses to mix two"
        f" kinds of credentials. Unset {'it' if one else 'them'} (unset {' '.join(names)})"
        " to use this profile."
    )
