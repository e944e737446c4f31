"""The config file: where it is, reading only regular files, atomic private writes (through a
link too), broken files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
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


# Through a symbolic link


@pytest.fixture
def linked(path, tmp_path) -> Path:
    """`path` is a link to a file kept elsewhere (a dotfiles folder), holding the example."""
    target = write(tmp_path / "dotfiles" / "smpp-tui.toml", EXAMPLE)
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    return target


def test_saving_through_a_link_writes_its_file_atomically_and_keeps_the_link(
    path, linked, monkeypatch
):
    replaced = []
    real_replace = os.replace

    def replace(source, destination):
        replaced.append((Path(source), Path(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    edit_config(path, lambda config: with_theme(config, "dracula"))
    assert path.is_symlink()
    assert path.readlink() == linked
    assert load_config(linked).ui.theme == "dracula"
    assert load_config(path).profiles["work"].application_key == "appKey123"
    ((temporary, destination),) = replaced
    assert destination == linked
    assert temporary.parent == linked.parent, "written beside its file, then renamed over it"
    assert stat.S_IMODE(linked.stat().st_mode) == 0o600
    assert os.listdir(linked.parent) == ["smpp-tui.toml"]
    assert os.listdir(path.parent) == ["config.toml"]


def test_a_link_to_a_link_is_followed_to_the_end(path, linked):
    middle = path.parent / "middle.toml"
    middle.symlink_to(os.path.relpath(linked, middle.parent))  # relative, as `ln -s` makes
    path.unlink()
    path.symlink_to(middle.name)
    edit_config(path, lambda config: with_theme(config, "dracula"))
    assert path.is_symlink()
    assert middle.is_symlink()
    assert load_config(linked).ui.theme == "dracula"


def test_a_failed_write_through_a_link_names_both_and_leaves_them_whole(path, linked, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ConfigError) as error:
        edit_config(path, lambda config: with_theme(config, "dracula"))
    assert str(error.value) == (
        f"{path} (a link to {linked}): cannot be written (Permission denied); it was left as it was"
    )
    assert path.is_symlink()
    assert linked.read_text("utf-8") == EXAMPLE
    assert os.listdir(linked.parent) == ["smpp-tui.toml"]


# Only a regular file is read


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def link_to(path: Path, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


def oversized(path: Path) -> Path:
    return write(path, "# a settings file is a few kB\n" * 40_000)  # 1.2 MB


NOT_A_FILE = "not a regular file; give the path of a TOML file"
NOT_SETTINGS = [
    (fifo, f"it is a named pipe (FIFO), {NOT_A_FILE}"),
    (lambda path: link_to(path, "/dev/zero"), f"it is a device, {NOT_A_FILE}"),
    (lambda path: link_to(path, "/dev/null"), f"it is a device, {NOT_A_FILE}"),
    (oversized, "it has over 1,000,000 bytes, which no settings file has; is it the right file?"),
]
NOT_SETTINGS_IDS = ["fifo", "dev-zero", "dev-null", "oversized"]


@pytest.mark.timeout(10)  # a FIFO once hung here: fail, never wait forever
@pytest.mark.parametrize(("make", "said"), NOT_SETTINGS, ids=NOT_SETTINGS_IDS)
def test_only_a_regular_file_is_read(path, make, said):
    make(path)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == f"{path}: cannot be read: {said}"
    with pytest.raises(ConfigError, match="cannot be read: it "):
        edit_config(path, lambda config: with_theme(config, "nord"))  # nor written over


def test_a_file_of_exactly_the_limit_is_read(path):
    line = "# comment\n"
    write(path, line * (1_000_000 // len(line)))
    assert load_config(path) == Config()


@pytest.mark.parametrize(("make", "said"), NOT_SETTINGS, ids=NOT_SETTINGS_IDS)
def test_the_app_refuses_it_at_start_naming_the_file(path, make, said):
    make(path)
    command = [sys.executable, "-m", "smpp_tui", "--config", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr == f"smpp-tui: {path}: cannot be read: {said}\n"
