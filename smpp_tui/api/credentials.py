"""Consumer keys: ask OVHcloud for one holding exactly the rights the app uses, and learn when
its owner validated it.

Every function blocks (the app runs them off its event loop) with short timeouts, and nothing
opens a browser: over SSH there is none, so the app shows the validation URL to copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from smpp_tui.api.calls import access_rules, declared_calls
from smpp_tui.api.connection import ApplicationKey, is_loopback
from smpp_tui.api.errors import InvalidCredentials, InvalidInput, InvalidResponse
from smpp_tui.api.gateway import Gateway
from smpp_tui.api.models import AccessRule
from smpp_tui.api.routes import route
from smpp_tui.api.text import clean
from smpp_tui.api.transport import Connection

TIMEOUT = (3.05, 10.0)
_NOT_YET = ("INVALID_CREDENTIAL", "NOT_CREDENTIAL")  # a key waiting for validation gets either
_URL_SHOWN = 80  # characters of a refused validation URL quoted in the message


@dataclass(frozen=True)
class Region:
    endpoint: str
    label: str
    create_app_url: str  # where the user creates an application key and secret


REGIONS = (
    Region("ovh-eu", "Europe (ovh.com)", "https://eu.api.ovh.com/createApp/"),
    Region("ovh-ca", "Canada and Asia-Pacific (ovh.ca)", "https://ca.api.ovh.com/createApp/"),
    Region("ovh-us", "United States (ovhcloud.com)", "https://api.us.ovhcloud.com/createApp/"),
)


def rules_for(methods: Iterable[str]) -> tuple[AccessRule, ...]:
    """The access rules these gateway methods need, and nothing more (see `api.calls`)."""
    declared = declared_calls(Gateway)
    return access_rules(pair for method in methods for pair in declared[method])


@dataclass(frozen=True)
class CredentialRequest:
    """A consumer key waiting for its owner to open `validation_url` and log in."""

    endpoint: str
    application_key: str
    application_secret: str = field(repr=False)
    consumer_key: str = field(repr=False)
    validation_url: str

    @property
    def credentials(self) -> ApplicationKey:
        return ApplicationKey(self.application_key, self.application_secret, self.consumer_key)


def request_credential(
    endpoint: str,
    application_key: str,
    application_secret: str,
    rules: Iterable[AccessRule],
    allowed_ips: Sequence[str] = (),
) -> CredentialRequest:
    """`POST /auth/credential` for a key holding `rules`, signed by the application key alone;
    `ApiError` on failure."""
    body: dict[str, object] = {
        "accessRules": [{"method": rule.method, "path": rule.path} for rule in rules]
    }
    if allowed_ips:
        body["allowedIPs"] = list(allowed_ips)
    keys = ApplicationKey(application_key, application_secret, consumer_key="")
    connection = Connection(endpoint, keys, TIMEOUT)
    answer = connection.request("POST", route("/auth/credential"), body=body, signed=False).body
    if not (isinstance(answer, dict) and answer.get("consumerKey") and answer.get("validationUrl")):
        raise InvalidInput("OVHcloud's answer to POST /auth/credential has no consumer key")
    return CredentialRequest(
        endpoint,
        application_key,
        application_secret,
        str(answer["consumerKey"]),
        validation_url(answer["validationUrl"]),
    )


def validation_url(value: object) -> str:
    """The address the user is asked to open: plain https (http only on this computer, for
    the simulator), with nothing that could drive the terminal or hide where it leads."""
    url = clean(str(value))
    if url == str(value) and " " not in url and _secure(url):
        return url
    shown = url if len(url) <= _URL_SHOWN else url[: _URL_SHOWN - 1] + "…"
    raise InvalidResponse(
        f"OVHcloud sent a validation address that is not a plain https:// address ({shown});"
        " it is not offered to open"
    )


def _secure(url: str) -> bool:
    try:
        parts = urlsplit(url)
        local = parts.scheme == "http" and is_loopback(url)
    except ValueError:  # not a URL at all (an unclosed IPv6 bracket...)
        return False
    return bool(parts.hostname) and (parts.scheme == "https" or local)


def poll_validation(request: CredentialRequest) -> bool:
    """Whether the user validated the key: OVHcloud answers a request signed with it. Errors
    other than "not yet" raise; an answer that cannot be read does not, as it came past
    OVHcloud's check of the key, which is all that is asked here."""
    connection = Connection(request.endpoint, request.credentials, TIMEOUT)
    try:
        connection.request("GET", route("/auth/currentCredential"))
    except InvalidCredentials as error:
        if error.code in _NOT_YET:
            return False
        raise
    except InvalidResponse as error:
        if error.status is None or not 200 <= error.status < 300:
            raise
    return True


def revoke(request: CredentialRequest) -> None:
    """Expire the key of `request` (a validated key the app could not keep); `ApiError` when
    OVHcloud did not."""
    Gateway.connect(request.endpoint, request.credentials, timeout=TIMEOUT).logout()
