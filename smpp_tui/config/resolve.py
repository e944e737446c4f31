"""Which profile a run uses, and the complete endpoint and keys of a profile.

`source = "ovh.conf"` reads the `ovh` client's own configuration with the client's precedence,
value by value: `OVH_*` variables, then the files `config_file` > `./ovh.conf` >
`~/.ovh.conf` > `/etc/ovh.conf`, in the section named by the endpoint (the profile's, else
`OVH_ENDPOINT`, else `[default] endpoint=`; an API URL names its own section). It is read
here rather than through `ovh.Client`, whose `ovh.config` resolves `./ovh.conf` once at import
time and would let stray values leak into an explicit profile: the session's client is built
from the explicit values found here only. Never imports Textual nor the API layer.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import replace
from pathlib import Path

from smpp_tui.config.files import shown_path
from smpp_tui.config.model import OVH_CONF, REGIONS, Config, ConfigError, Profile
from smpp_tui.config.parse import ENDPOINTS_ACCEPTED, is_endpoint

IMPLICIT = "ovh.conf"  # the name of the profile made from ovh.conf / OVH_* alone
NAMES = ("application_key", "application_secret", "consumer_key", "client_id", "client_secret")


def ovh_conf_files(config_file: str | None = None) -> list[Path]:
    """By increasing priority, resolved now (the working directory may have changed)."""
    files = [Path("/etc/ovh.conf"), Path("~/.ovh.conf").expanduser(), Path("ovh.conf").resolve()]
    return files + ([Path(config_file).expanduser()] if config_file else [])


def ovh_conf_profile(profile: Profile) -> Profile:
    """`profile` with the endpoint and keys `ovh.conf` and `OVH_*` give it."""
    parser = configparser.RawConfigParser()
    for path in ovh_conf_files(profile.config_file):
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as error:
            raise ConfigError(f"{path} is not a valid ovh.conf file: {error}") from None

    def get(section: str, name: str) -> str | None:
        value = os.environ.get(f"OVH_{name.upper()}")
        if value is None and parser.has_option(section, name):
            value = parser.get(section, name)
        return value or None

    endpoint = profile.endpoint or get("default", "endpoint")
    if endpoint is None:
        raise ConfigError(
            "no endpoint in OVH_ENDPOINT nor in the [default] section of ovh.conf "
            f"(endpoint=ovh-eu); {', '.join(map(str, ovh_conf_files(profile.config_file)))}"
        )
    if not is_endpoint(endpoint):
        raise ConfigError(
            f"ovh.conf endpoint {endpoint!r} is not usable here; {ENDPOINTS_ACCEPTED}"
        )
    return replace(
        profile,
        endpoint=endpoint,
        application_key=get(endpoint, "application_key"),
        application_secret=get(endpoint, "application_secret"),
        consumer_key=get(endpoint, "consumer_key"),
        client_id=get(endpoint, "client_id"),
        client_secret=get(endpoint, "client_secret"),
    )


def resolve(profile: Profile) -> Profile:
    """`profile` with its endpoint and one complete set of keys: its own, or those `ovh.conf`
    and `OVH_*` give it; `ConfigError` saying what is missing or contradictory."""
    where = f"profile {profile.name}"
    if profile.uses_ovh_conf:
        profile = ovh_conf_profile(profile)
        where = f"ovh.conf / OVH_* for {profile.endpoint}"
    _check_keys(profile, where)
    return profile


def _check_keys(profile: Profile, where: str) -> None:
    # The same checks as the `ovh` client, worded for this app.
    app = (profile.application_key, profile.application_secret, profile.consumer_key)
    if profile.client_id or profile.client_secret:
        if any(app):
            raise ConfigError(
                f"{where} has both an application key and an OAuth2 client id: "
                "keep one (look for OVH_* variables too)"
            )
        if not (profile.client_id and profile.client_secret):
            raise ConfigError(f"{where}: client_id and client_secret go together")
        if profile.endpoint not in REGIONS:
            raise ConfigError(f"{where}: OAuth2 works only with {', '.join(REGIONS)}")
        return
    if not all(app):
        missing = [n for n, v in zip(NAMES, app, strict=False) if not v]
        raise ConfigError(f"{where} lacks {', '.join(missing)}")


def implicit_profile() -> Profile | None:
    """A profile from `ovh.conf` / `OVH_*` alone when they hold usable credentials."""
    profile = Profile(IMPLICIT, source=OVH_CONF)
    try:
        resolve(profile)
    except ConfigError:
        return None
    return profile


def choose_profile(config: Config, requested: str | None = None) -> Profile | None:
    """`--profile`, else the default, else the only one; None: no profile yet (the welcome
    screen offers ovh.conf then, naming it, rather than using it unasked)."""
    profiles = config.profiles
    if requested is not None:
        if requested in profiles:
            return profiles[requested]
        implicit = implicit_profile() if requested == IMPLICIT else None
        if implicit is None:
            known = ", ".join(profiles) or "none yet"
            raise ConfigError(f"there is no profile {requested!r} (profiles: {known})")
        return implicit
    if config.default_profile is not None:
        return profiles[config.default_profile]
    if len(profiles) == 1:
        return next(iter(profiles.values()))
    if profiles:
        raise ConfigError(
            f"there are several profiles ({', '.join(profiles)}) and no default: choose one "
            'with --profile NAME, or set default_profile = "NAME" at the top of the config file'
        )
    return None


def ovh_conf_found() -> str | None:
    """Where `ovh.conf` / `OVH_*` keys are, in the user's words ("~/.ovh.conf", "the OVH_*
    variables"); None when there is nothing of either."""
    found = [shown_path(path) for path in reversed(ovh_conf_files()) if path.is_file()]
    if any(name.startswith("OVH_") for name in os.environ):
        found.insert(0, "the OVH_* variables")
    return " and ".join(found) or None


def ovh_conf_hint() -> str | None:
    """Why `ovh.conf` / `OVH_*` are not usable, when there is something there at all."""
    if ovh_conf_found() is None:
        return None
    try:
        resolve(Profile(IMPLICIT, source=OVH_CONF))
    except ConfigError as error:
        return str(error)
    return None
