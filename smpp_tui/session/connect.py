"""The first-run connect flow without its screen: from an application key to a validated,
least-privilege consumer key saved as a profile, and a session on it.

Each step blocks (the app runs it off its event loop); the screen shows what they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from smpp_tui.api.credentials import (
    REGIONS,
    CredentialRequest,
    Region,
    poll_validation,
    request_credential,
    revoke,
    rules_for,
)
from smpp_tui.api.models import AccessRule
from smpp_tui.config import Profile, edit_config, with_profile
from smpp_tui.session.open import profile_session
from smpp_tui.session.session import Session
from smpp_tui.store.ovhcloud import used_calls

__all__ = [
    "REGIONS",
    "CredentialRequest",
    "Region",
    "poll_validation",
    "request_key",
    "required_rules",
    "revoke",
    "save_and_open",
]


def required_rules() -> tuple[AccessRule, ...]:
    """The rights the app's calls need (`store.ovhcloud` lists them), and nothing more."""
    return rules_for(used_calls())


def request_key(
    endpoint: str, application_key: str, application_secret: str, allowed_ips: Sequence[str]
) -> CredentialRequest:
    """Ask OVHcloud for a consumer key holding exactly `required_rules()`."""
    return request_credential(
        endpoint, application_key, application_secret, required_rules(), allowed_ips
    )


def save_and_open(
    request: CredentialRequest, name: str, config_path: Path, *, read_only: bool = False
) -> Session:
    """Save the validated key as the default profile `name`, and open a session on it
    (`read_only`: the command line's `--read-only`, kept)."""
    profile = Profile(
        name,
        endpoint=request.endpoint,
        application_key=request.application_key,
        application_secret=request.application_secret,
        consumer_key=request.consumer_key,
    )
    config = edit_config(config_path, lambda c: with_profile(c, profile, default=True))
    return profile_session(profile, config, config_path, read_only=read_only)
