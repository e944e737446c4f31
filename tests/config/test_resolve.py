"""A profile's endpoint and keys: explicit ones, or `ovh.conf` / `OVH_*` with the `ovh` client's
own precedence, read at call time from the (temporary) HOME and working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from smpp_tui.config import Config, ConfigError, Profile
from smpp_tui.config.resolve import (
    choose_profile,
    implicit_profile,
    ovh_conf_found,
    ovh_conf_hint,
    resolve,
)
from smpp_tui.session.open import connect_profile

OVH_CONF = Profile("o", source="ovh.conf")


def conf(path: Path, endpoint: str | None = "ovh-eu", section: str = "ovh-eu", **keys) -> Path:
    lines = [f"[default]\nendpoint={endpoint}\n"] if endpoint else []
    lines += [f"[{section}]\n", *(f"{name}={value}\n" for name, value in keys.items())]
    path.write_text("".join(lines), "utf-8")
    return path


def keys_of(profile: Profile) -> tuple[str | None, ...]:
    resolved = resolve(profile)
    return resolved.application_key, resolved.application_secret, resolved.consumer_key


def app_keys(tag: str) -> dict[str, str]:
    return {
        "application_key": f"ak-{tag}",
        "application_secret": f"as-{tag}",
        "consumer_key": f"ck-{tag}",
    }


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_explicit_profiles_resolve_to_themselves():
    keys = Profile("k", endpoint="ovh-ca", **app_keys("x"), read_only=True)
    assert resolve(keys) == keys
    oauth = Profile("o", endpoint="ovh-us", client_id="id", client_secret="secret")
    assert resolve(oauth) == oauth


def test_the_home_file_is_read(workdir):
    conf(Path.home() / ".ovh.conf", **app_keys("home"))
    assert keys_of(OVH_CONF) == ("ak-home", "as-home", "ck-home")


def test_the_working_directory_wins_over_home_value_by_value(workdir):
    conf(Path.home() / ".ovh.conf", **app_keys("home"))
    conf(workdir / "ovh.conf", endpoint=None, consumer_key="ck-here")
    assert resolve(OVH_CONF).endpoint == "ovh-eu"
    assert keys_of(OVH_CONF) == ("ak-home", "as-home", "ck-here")


def test_the_working_directory_is_the_one_of_the_call(workdir, tmp_path, monkeypatch):
    conf(workdir / "ovh.conf", **app_keys("first"))
    assert resolve(OVH_CONF).consumer_key == "ck-first"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    conf(elsewhere / "ovh.conf", **app_keys("second"))
    monkeypatch.chdir(elsewhere)
    assert resolve(OVH_CONF).consumer_key == "ck-second"


def test_a_config_file_wins_over_the_standard_ones(workdir, tmp_path):
    conf(workdir / "ovh.conf", **app_keys("here"))
    extra = conf(tmp_path / "extra.conf", endpoint=None, consumer_key="ck-extra")
    profile = Profile("o", source="ovh.conf", config_file=str(extra))
    assert keys_of(profile) == ("ak-here", "as-here", "ck-extra")


def test_variables_win_over_files_one_by_one(workdir, monkeypatch):
    conf(workdir / "ovh.conf", **app_keys("file"))
    monkeypatch.setenv("OVH_CONSUMER_KEY", "ck-env")
    assert keys_of(OVH_CONF) == ("ak-file", "as-file", "ck-env")


def test_the_profile_endpoint_chooses_the_section(workdir):
    path = conf(workdir / "ovh.conf", **app_keys("eu"))
    path.write_text(
        path.read_text() + "[ovh-ca]\napplication_key=ak-ca\napplication_secret=as-ca\n"
        "consumer_key=ck-ca\n"
    )
    profile = Profile("ca", source="ovh.conf", endpoint="ovh-ca")
    assert resolve(profile).consumer_key == "ck-ca"
    assert resolve(OVH_CONF).consumer_key == "ck-eu"


def test_variables_alone_make_an_implicit_profile_that_connects(sim, keys, monkeypatch):
    monkeypatch.setenv("OVH_ENDPOINT", sim.endpoint)
    monkeypatch.setenv("OVH_APPLICATION_KEY", keys.application_key)
    monkeypatch.setenv("OVH_APPLICATION_SECRET", keys.application_secret)
    monkeypatch.setenv("OVH_CONSUMER_KEY", keys.consumer_key)
    assert choose_profile(Config()) is None  # not used unasked: the welcome screen offers it
    assert ovh_conf_found() == "the OVH_* variables"
    profile = choose_profile(Config(), "ovh.conf")
    assert profile == implicit_profile() == Profile("ovh.conf", source="ovh.conf")
    assert connect_profile(profile).me().nichandle == "dc12345-ovh"


def test_the_ovh_conf_files_found_are_named_as_the_user_writes_them(workdir, monkeypatch):
    assert ovh_conf_found() is None
    conf(Path.home() / ".ovh.conf", endpoint="ovh-eu")
    assert ovh_conf_found() == "~/.ovh.conf"
    conf(workdir / "ovh.conf", endpoint="ovh-eu")
    monkeypatch.setenv("OVH_ENDPOINT", "ovh-ca")
    # By the client's precedence: the variables, then ./ovh.conf, then ~/.ovh.conf.
    found = f"the OVH_* variables and {workdir / 'ovh.conf'} and ~/.ovh.conf"
    assert ovh_conf_found() == found


def test_a_url_endpoint_in_ovh_conf_reads_the_section_named_by_the_url(sim, keys, workdir):
    values = {
        "application_key": keys.application_key,
        "application_secret": keys.application_secret,
        "consumer_key": keys.consumer_key,
    }
    conf(workdir / "ovh.conf", endpoint=sim.endpoint, section=sim.endpoint, **values)
    assert resolve(implicit_profile()).endpoint == sim.endpoint
    assert connect_profile(implicit_profile()).me().nichandle == "dc12345-ovh"


@pytest.mark.parametrize(
    ("variables", "keys", "message"),
    [
        ({}, {}, "lacks application_key, application_secret, consumer_key"),
        ({"OVH_CLIENT_ID": "id", "OVH_CLIENT_SECRET": "s"}, app_keys("f"), "both an application"),
        ({"OVH_CLIENT_ID": "id"}, {}, "client_id and client_secret go together"),
        ({"OVH_ENDPOINT": "kimsufi-eu"}, app_keys("f"), "is not usable here"),
        ({}, {"application_key": "ak", "application_secret": "as"}, "lacks consumer_key"),
    ],
)
def test_unusable_ovh_conf_values_say_why(workdir, monkeypatch, variables, keys, message):
    conf(workdir / "ovh.conf", **keys)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        resolve(OVH_CONF)
    assert implicit_profile() is None
    assert message.split()[0] in ovh_conf_hint()


def test_no_endpoint_and_a_broken_ovh_conf(workdir):
    with pytest.raises(ConfigError, match="no endpoint in OVH_ENDPOINT"):
        resolve(OVH_CONF)
    assert ovh_conf_hint() is None  # nothing there at all: nothing to explain
    (workdir / "ovh.conf").write_text("application_key=no section\n")
    with pytest.raises(ConfigError, match=r"ovh.conf is not a valid ovh.conf file"):
        resolve(OVH_CONF)


def test_choosing_a_profile(workdir, monkeypatch):
    one = Profile("one", endpoint="ovh-eu", **app_keys("1"))
    two = Profile("two", endpoint="ovh-eu", **app_keys("2"))
    assert choose_profile(Config()) is None  # nothing anywhere: the connect flow
    assert choose_profile(Config(profiles={"one": one})) == one
    both = Config(profiles={"one": one, "two": two})
    assert choose_profile(both, "two") == two
    assert choose_profile(Config(profiles=both.profiles, default_profile="two")) == two
    with pytest.raises(ConfigError, match=r"several profiles .one, two. and no default"):
        choose_profile(both)
    with pytest.raises(ConfigError, match=r"no profile 'three' .profiles: one, two."):
        choose_profile(both, "three")
    conf(workdir / "ovh.conf", **app_keys("conf"))
    assert choose_profile(both, "ovh.conf") == implicit_profile()
