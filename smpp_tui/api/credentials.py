"""Consumer keys: ask OVHcloud for one holding exactly the rights the app uses, and learn when
its owner validated it.

Every function blocks (the app runs them off its event loop) with short timeouts, and nothing
opens a browser: over SSH there is none, so the app shows the validation URL to copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from smpp_tui.api.calls import access_rules, declared_calls
from smpp_tui.api.connection import ApplicationKey
from smpp_tui.api.errors import InvalidCredentials, InvalidInput
from smpp_tui.api.gateway import Gateway
from smpp_tui.api.models import AccessRule, CurrentCredential
from smpp_tui.api.routes import route
from smpp_tui.api.transport import Connection

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
