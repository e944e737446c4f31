"""The config file: where it is, reading, atomic private writes, broken files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs
import pytest
import tomli_w

from smpp_tui.config import (
    HEADER,
    Config,
    ConfigError,
    Profile,
    config_path,
    edit_config,
    load_config,
    save_config,
    with_profile,
    with_theme,
    without_profile,
)

EXAMPLE = """\
default_profile = "work"
future_setting = "kept"

[ui]
theme = "nord"
refresh_interval = 15

[keys]
refresh = "r, f5"

[profiles.work]
endpoint = "ovh-eu"
application_key = "appKey123"
application_secret = "appSecret456789"
consumer_key = "consumerKey789012"
read_only = true
note = "a key smpp-tui does not know"

[profiles.local]
endpoint = "http://127.0.0.1:8080/1.0"
source = "ovh.conf"
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "smpp-tui" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_the_path_comes_from_the_flag_then_the_variable_then_the_platform(monkeypatch):
    default = platformdirs.user_config_path("smpp-tui") / "config.toml"
    assert config_path() == default
    assert str(default).startswith(os.environ["XDG_CONFIG_HOME"])  # the test's, not the user's
    monkeypatch.setenv("SMPP_TUI_CONFIG", "/from/env.toml")
    assert config_path() == Path("/from/env.toml")
    assert config_path("/from/flag.toml") == Path("/from/flag.toml")


def test_a_missing_file_is_an_empty_config(path):
    assert load_config(path) == Config()


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_an_empty_config(path, text):
    config = load_config(write(path, text))
    assert config.profiles == {}
    assert config.ui.refresh_interval == 30.0


def test_reading_the_example(path):
    config = load_config(write(path, EXAMPLE))
    work = config.profiles["work"]
    assert (work.endpoint, work.application_key, work.read_only) == ("ovh-eu", "appKey123", True)
    assert config.profiles["local"].uses_ovh_conf
    assert config.default_profile == "work"
    assert (config.ui.theme, config.ui.refresh_interval) == ("nord", 15.0)
    assert config.keys == {"refresh": "r,f5"}
    assert config.warnings == ()


def test_a_round_trip_keeps_every_value_and_unknown_keys(path):
    config = load_config(write(path, EXAMPLE))
    save_config(path, config)
    again = load_config(path)
    assert again == config
    assert again.document["future_setting"] == "kept"
    assert again.document["profiles"]["work"]["note"] == "a key smpp-tui does not know"
    assert path.read_text("utf-8").startswith(HEADER)


def test_the_file_is_private_and_its_folder_too(path):
    save_config(path, with_theme(Config(), "nord"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_our_folder_is_tightened_and_another_never_loosened(tmp_path):
    ours = platformdirs.user_config_path("smpp-tui")
    ours.mkdir(parents=True, mode=0o755)
    ours.chmod(0o755)
    save_config(ours / "config.toml", Config())
    assert stat.S_IMODE(ours.stat().st_mode) == 0o700
    theirs = tmp_path / "shared"
    theirs.mkdir(mode=0o750)
    theirs.chmod(0o750)
    save_config(theirs / "smpp.toml", Config())
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o750
    assert stat.S_IMODE((theirs / "smpp.toml").stat().st_mode) == 0o600


@pytest.mark.parametrize("where", ["dump", "replace"])
def test_a_failed_write_leaves_the_old_file_whole(path, monkeypatch, where):
    write(path, EXAMPLE)
    config = load_config(path)

    def explode(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if where == "dump":
        monkeypatch.setattr(tomli_w, "dump", explode)
    else:
        monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(ConfigError, match=r"cannot be written .No space left on device"):
        save_config(path, with_theme(config, "dracula"))
    assert path.read_text("utf-8") == EXAMPLE
    assert os.listdir(path.parent) == ["config.toml"]  # no temporary file left behind


BROKEN = [
    ('[profiles.work\nendpoint = "ovh-eu"\n', "line 1, column 15: not valid TOML"),
    ('[profiles.work]\nendpoint = "ovh-eu\n', "line 2, column 19: not valid TOML"),
    ("this is not toml at all\n", "line 1, column 6: not valid TOML"),
    ('[ui]\ntheme = "a"\n[ui]\n', "line 3, column 4: not valid TOML"),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_a_file_that_is_not_toml_names_the_line_and_is_never_overwritten(path, text, expected):
    write(path, text)
    with pytest.raises(ConfigError) as error:
        edit_config(path, lambda config: with_theme(config, "nord"))
    assert str(error.value).startswith(f"{path}, ")
    assert expected in str(error.value)
    assert "move the file away" in str(error.value)
    assert path.read_text("utf-8") == text


def test_a_truncated_file_is_reported(path):
    write(path, EXAMPLE[: EXAMPLE.index("appSecret") + 4])
    with pytest.raises(
        ConfigError, match=r"line 14 .its end.: not valid TOML .Unterminated string"
    ):
        load_config(path)


def test_a_file_that_is_not_utf8_or_not_readable(path, tmp_path):
    write(path, "")
    path.write_bytes(b'[ui]\ntheme = "\xff"\n')
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load_config(path)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(tmp_path)  # a folder


def test_editing_rereads_the_file_so_that_a_hand_edit_is_kept(path):
    write(path, EXAMPLE)
    write(path, EXAMPLE.replace("refresh_interval = 15", "refresh_interval = 60"))
    profile = Profile("new", endpoint="ovh-ca", client_id="id", client_secret="secret")
    config = edit_config(path, lambda config: with_profile(config, profile))
    assert config.ui.refresh_interval == 60
    assert load_config(path).profiles["new"] == profile


def test_replacing_a_profile_keeps_its_unknown_keys_and_removing_moves_the_default(path):
    config = load_config(write(path, EXAMPLE))
    replaced = Profile("work", endpoint="ovh-us", client_id="id", client_secret="secret")
    config = with_profile(config, replaced)
    assert config.profiles["work"] == replaced
    assert config.document["profiles"]["work"]["note"] == "a key smpp-tui does not know"
    config = without_profile(config, "work")
    assert "work" not in config.profiles
    assert config.default_profile is None
    config = with_profile(config, replaced, default=True)
    assert config.default_profile == "work"


def test_an_invalid_edit_is_refused(path):
    bad = Profile("bad", endpoint="ovh-xx", client_id="id", client_secret="secret")
    with pytest.raises(ConfigError, match="is not an endpoint"):
        with_profile(Config(), bad)
