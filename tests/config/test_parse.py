"""Wrong values are refused with the file, the line, the key and what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from smpp_tui.config import ConfigError, Profile, load_config, masked

APP = 'application_key = "ak"\napplication_secret = "as-secret-value"\nconsumer_key = "ck-value"\n'

CASES = [
    (
        f'[profiles.work]\n{APP}endpoint = "ovh-xx"\n',
        5,
        'profiles.work.endpoint = "ovh-xx" is not an endpoint; '
        "use ovh-eu, ovh-ca, ovh-us or an http(s):// API URL",
    ),
    (f"[profiles.work]\n{APP}endpoint = 3\n", 5, "profiles.work.endpoint = 3 is not valid"),
    (f'[profiles.w]\n{APP}endpoint = "ftp://x"\n', 5, "is not an endpoint"),
    (f"[profiles.w]\n{APP}", 1, "profiles.w has no endpoint"),
    ('[profiles.w]\nendpoint = "ovh-eu"\napplication_key = "ak"\n', 1, "lacks application_secret"),
    ('[profiles.w]\nendpoint = "ovh-eu"\n', 1, "profiles.w has no credentials"),
    (
        f'[profiles.w]\nendpoint = "ovh-eu"\n{APP}client_id = "i"\nclient_secret = "s"\n',
        1,
        "mixes an application key and an OAuth2 client",
    ),
    (
        '[profiles.w]\nendpoint = "http://h/1.0"\nclient_id = "i"\nclient_secret = "s"\n',
        2,
        "OAuth2 client credentials work only with ovh-eu, ovh-ca, ovh-us",
    ),
    ('[profiles.w]\nendpoint = "ovh-eu"\nclient_id = "i"\n', 1, "lacks client_secret"),
    (f'[profiles.w]\nendpoint = "ovh-eu"\n{APP}read_only = "yes"\n', 6, "use true or false"),
    ('[profiles.w]\nsource = "ovh.cfg"\n', 2, 'profiles.w.source must be "ovh.conf"'),
    (f'[profiles.w]\nsource = "ovh.conf"\n{APP}', 3, "keep one or the other"),
    (f'[profiles.w]\nendpoint = "ovh-eu"\n{APP}config_file = "x"\n', 6, "needs source"),
    ("profiles = 3\n", 1, "profiles = 3 must be a table"),
    ("[profiles]\nw = 3\n", 2, "profiles.w = 3 must be a table"),
    ('default_profile = "nope"\n', 1, 'default_profile = "nope" names no profile (none yet)'),
    ("[ui]\nrefresh_interval = 2\n", 2, "at least 5"),
    ('[ui]\nrefresh_interval = "30"\n', 2, 'ui.refresh_interval = "30" is not valid'),
    ("[ui]\nrefresh_interval = true\n", 2, "ui.refresh_interval = true is not valid"),
    ("[ui]\nlow_credits = -5\n", 2, "ui.low_credits = -5 is not valid; use a number of credits"),
    ('[ui]\ntheme = ""\n', 2, 'ui.theme = "" is not valid; use a theme name'),
    ("[ui]\nexport_folder = 3\n", 2, 'ui.export_folder = 3 is not valid; use a folder such as "~'),
    ('[ui]\nexport_folder = " "\n', 2, 'ui.export_folder = " " is not valid; use a folder'),
    ("[keys]\nquit = 1\n", 2, "keys.quit = 1 is not valid; use key names separated by commas"),
    ('[keys]\nquit = "ctrl+q,,q"\n', 2, "key names separated by commas"),
    ("ui.refresh_interval = 1\n", 1, "at least 5"),  # dotted keys are found too
    ('[profiles."my work"]\nendpoint = "x"\nsource = "ovh.conf"\n', 2, 'profiles."my work"'),
]


@pytest.mark.parametrize(("text", "line", "message"), CASES)
def test_a_wrong_value_names_file_line_key_and_what_is_accepted(tmp_path, text, line, message):
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}, line {line}: "), str(error.value)
    assert message in str(error.value)


def test_the_export_folder_expands_the_home_and_defaults_to_the_working_directory(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[ui]\nexport_folder = "~/exports"\n', "utf-8")
    assert load_config(path).ui.export_folder == Path.home() / "exports"
    path.write_text("[ui]\n", "utf-8")
    assert load_config(path).ui.export_folder == Path(".")
    assert load_config(path).ui.export_folder.absolute() == Path.cwd()


def test_a_secret_of_the_wrong_type_is_not_repeated(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[profiles.w]\nendpoint = "ovh-eu"\n' + APP.replace('"as-secret-value"', "1234567")
    )
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "profiles.w.application_secret is not valid" in str(error.value)
    assert "1234567" not in str(error.value)


def test_probable_typos_are_warned_about_and_kept(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        f'defaut_profile = "w"\n[ui]\nrefresh_intervall = 10\n[profiles.w]\nendpoint = "ovh-eu"\n'
        f'{APP}read_onyl = true\nmy_note = "x"\n'
    )
    config = load_config(path)
    kept = " is not a known setting; did you mean {}? (it is kept but not used)"
    assert [w.split(": ", 1)[1] for w in config.warnings] == [
        "defaut_profile" + kept.format("default_profile"),
        "profiles.w.read_onyl" + kept.format("read_only"),
        "ui.refresh_intervall" + kept.format("refresh_interval"),
    ]
    assert config.warnings[1].startswith(f"{path}, line 9: ")
    assert config.document["profiles"]["w"]["my_note"] == "x"  # no warning: not close to a key


def test_secrets_never_show_in_a_repr_and_are_masked_for_display():
    profile = Profile(
        "w",
        endpoint="ovh-eu",
        application_key="AK12",
        application_secret="S3cretSecret",
        consumer_key="CKconsumerKey99",
    )
    assert "S3cret" not in repr(profile)
    assert "CKconsumer" not in repr(profile)
    shown = profile.describe()
    assert shown["application_secret"] == "S3cr…"
    assert shown["consumer_key"] == "CKco…"
    assert "S3cretSecret" not in str(shown)
    assert masked("short") == "…"
    assert masked(None) == masked("") == ""
