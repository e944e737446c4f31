"""The profiles a user can switch to: the config's, plus the one `ovh.conf` / `OVH_*` make when
they are usable (never in place of a config profile of that name); a profile opened keeps the
current session's `--read-only`; a profile removed is gone from the saved file, and the default
with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from smpp_tui.api.errors import ReadOnlyRefused
from smpp_tui.config import (
    Config,
    ConfigError,
    Profile,
    load_config,
    save_config,
    with_default_profile,
    with_profile,
)
from smpp_tui.config.resolve import ovh_conf_hint
from smpp_tui.session import Session
from smpp_tui.session.open import connect_profile
from smpp_tui.session.profiles import open_profile, profiles_of, remove_profile
from tests.conftest import gateway_on, profile_on

IMPLICIT = Profile("ovh.conf", source="ovh.conf")


@pytest.fixture
def config(sim, customers) -> Config:
    """Two saved profiles: ops (the first customer) and jules (the second)."""
    config = with_profile(Config(), profile_on("ops", sim, customers[0].keys))
    return with_profile(config, profile_on("jules", sim, customers[1].keys))


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "smpp-tui" / "config.toml"


def ovh_conf(where: str, monkeypatch, keys, endpoint: str | None, leave_out: str = "") -> None:
    """The endpoint (None: none) and the keys, but `leave_out`, in `OVH_*` variables or in
    `~/.ovh.conf` (the keys in the section of `endpoint`, else of ovh-eu)."""
    values = {
        "endpoint": endpoint,
        "application_key": keys.application_key,
        "application_secret": keys.application_secret,
        "consumer_key": keys.consumer_key,
    }
    values = {name: value for name, value in values.items() if value and name != leave_out}
    if where == "variables":
        for name, value in values.items():
            monkeypatch.setenv(f"OVH_{name.upper()}", value)
        return
    lines = [f"[default]\nendpoint={values.pop('endpoint')}\n"] if endpoint else []
    lines += [f"[{endpoint or 'ovh-eu'}]\n", *(f"{k}={v}\n" for k, v in values.items())]
    (Path.home() / ".ovh.conf").write_text("".join(lines), "utf-8")


def test_without_ovh_conf_nor_variables_the_configs_profiles_alone(config):
    assert profiles_of(config) == dict(config.profiles)
    assert profiles_of(Config()) == {}


def test_usable_variables_add_the_implicit_profile(sim, keys, config, monkeypatch):
    ovh_conf("variables", monkeypatch, keys, sim.endpoint)
    found = profiles_of(config)
    assert list(found) == ["ops", "jules", "ovh.conf"]
    assert found["ovh.conf"] == IMPLICIT
    assert "ovh.conf" not in config.profiles, "the config is left as it was"
    assert connect_profile(found["ovh.conf"]).me().nichandle == "dc12345-ovh"


def test_a_usable_home_ovh_conf_adds_the_implicit_profile(keys, monkeypatch):
    ovh_conf("file", monkeypatch, keys, "ovh-eu")
    assert profiles_of(Config()) == {"ovh.conf": IMPLICIT}


@pytest.mark.parametrize(
    ("where", "endpoint", "leave_out", "why"),
    [
        ("variables", "SIMULATOR", "consumer_key", "lacks consumer_key"),
        ("variables", None, "", "no endpoint"),
        ("file", "ovh-eu", "application_secret", "lacks application_secret"),
        ("file", None, "", "no endpoint"),
        ("file", "ovh-mars", "", "'ovh-mars' is not usable"),
    ],
)
def test_unusable_ovh_conf_or_variables_add_nothing(
    sim, keys, config, monkeypatch, where, endpoint, leave_out, why
):
    endpoint = sim.endpoint if endpoint == "SIMULATOR" else endpoint
    ovh_conf(where, monkeypatch, keys, endpoint, leave_out)
    assert why in (ovh_conf_hint() or "")
    assert profiles_of(config) == dict(config.profiles)


def test_a_config_profile_named_ovh_conf_is_never_replaced(sim, customers, config, monkeypatch):
    ovh_conf("variables", monkeypatch, customers[0].keys, sim.endpoint)
    named = profile_on("ovh.conf", sim, customers[1].keys, read_only=True)
    config = with_profile(config, named)
    found = profiles_of(config)
    assert found["ovh.conf"] == named
    assert list(found) == ["ops", "jules", "ovh.conf"]


@pytest.mark.parametrize(
    ("forced", "profile_read_only", "read_only"),
    [
        (True, False, True),  # --read-only: kept for the next profile
        (False, False, False),
        (False, True, True),  # the profile's own setting, not carried further
    ],
)
def test_an_opened_profile_keeps_forced_read_only(
    sim, keys, customers, config, path, forced, profile_read_only, read_only
):
    current = Session(gateway_on(sim, keys, read_only=forced), "ops", forced_read_only=forced)
    jules = profile_on("jules", sim, customers[1].keys, read_only=profile_read_only)
    opened = open_profile(jules, config, path, current)
    assert (opened.label, opened.profile) == ("jules", jules)
    assert (opened.config, opened.config_path) == (config, path)
    assert opened.read_only is read_only
    assert opened.forced_read_only is forced
    assert opened.gateway.me().nichandle == "jm67890-ovh"
    if read_only:
        sent = len(sim.exchanges)
        with pytest.raises(ReadOnlyRefused):
            opened.gateway.regenerate_password("smpp-jm67890-1")
        assert len(sim.exchanges) == sent


def test_removing_the_default_profile_saves_the_file_without_it(config, path):
    save_config(path, with_default_profile(config, "jules"))
    left = remove_profile(path, "jules")
    assert list(left.profiles) == ["ops"]
    assert left.default_profile is None
    saved = load_config(path)
    assert saved.profiles == left.profiles
    assert saved.default_profile is None


def test_removing_another_profile_keeps_the_default(config, path):
    save_config(path, with_default_profile(config, "ops"))
    left = remove_profile(path, "jules")
    assert list(load_config(path).profiles) == ["ops"]
    assert left.default_profile == load_config(path).default_profile == "ops"


def test_a_broken_file_is_left_as_it_was(path):
    path.parent.mkdir(parents=True)
    path.write_text("[profiles.ops\n", "utf-8")
    with pytest.raises(ConfigError, match=str(path)):
        remove_profile(path, "ops")
    assert path.read_text("utf-8") == "[profiles.ops\n"
