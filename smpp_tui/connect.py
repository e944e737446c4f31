"""The first-run connect flow without its screens: ask OVHcloud for a consumer key holding
exactly the rights the app uses, wait for the user to validate it, later revoke it.

Every function blocks (the app runs them in thread workers) with short timeouts, and nothing
opens a browser: over SSH there is none, so the screen shows the validation URL to copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from smpp_tui.api import ApplicationKey, Gateway
from smpp_tui.api.calls import access_rules, declared_calls
from smpp_tui.api.errors import InvalidCredentials, InvalidInput
from smpp_tui.api.models import AccessRule, CurrentCredential
from smpp_tui.api.routes import route
from smpp_tui.api.transport import Connection
from smpp_tui.config import Profile

TIMEOUT = (3.05, 10.0)
_NOT_YET = ("INVALID_CREDENTIAL", "NOT_CREDENTIAL")  # a key waiting for validation gets either


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


def required_rules() -> tuple[AccessRule, ...]:
    """The access rules the gateway's calls need, and nothing more (see `api.calls`)."""
    return access_rules(pair for pairs in declared_calls(Gateway).values() for pair in pairs)


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

    def profile(self, name: str, *, read_only: bool = False) -> Profile:
        """The profile to save once validated."""
        return Profile(
            name,
            endpoint=self.endpoint,
            application_key=self.application_key,
            application_secret=self.application_secret,
            consumer_key=self.consumer_key,
            read_only=read_only,
        )


def request_credential(
    endpoint: str,
    application_key: str,
    application_secret: str,
    allowed_ips: Sequence[str] = (),
    rules: Iterable[AccessRule] | None = None,
) -> CredentialRequest:
    """`POST /auth/credential`, signed by the application key alone; `ApiError` on failure."""
    body: dict = {
        "accessRules": [
            {"method": rule.method, "path": rule.path} for rule in (rules or required_rules())
        ]
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
        str(answer["validationUrl"]),
    )


def poll_validation(request: CredentialRequest) -> CurrentCredential | None:
    """The credential once the user validated it; None while not yet. Other errors raise."""
    try:
        connected = Gateway.connect(request.endpoint, request.credentials, timeout=TIMEOUT)
        return connected.current_credential()
    except InvalidCredentials as error:
        if error.code in _NOT_YET:
            return None
        raise


def current_credential(connected: Gateway) -> CurrentCredential:
    """The rules, state and expiry of the key a gateway uses (the profile screen shows them)."""
    return connected.current_credential()


def revoke(connected: Gateway) -> None:
    """Expire the key a gateway uses (`POST /auth/logout`): it stops working at once."""
    connected.logout()
