"""The config's names and values show on screen and in messages: a control character, an escape
sequence or an invisible character in any of them is refused, with the file and the line, and
the message quotes it escaped (a secret not at all)."""

from __future__ import annotations

import pytest

from smpp_tui.config import ConfigError, load_config
from tests.hostile import controls_in

APP = 'application_key = "ak"\napplication_secret = "as-secret"\nconsumer_key = "ck-value"\n'
WORK = f'[profiles.work]\nendpoint = "ovh-eu"\n{APP}'


@pytest.mark.parametrize(
    ("text", "line", "quoted"),
    [
        pytest.param(
            f'[profiles."w\\u001b]0;renamed\\u0007"]\nendpoint = "ovh-eu"\n{APP}',
            None,  # its header cannot be found again (escaped in the file): the key says which
            'the key "w\\u001b]0;renamed\\u0007"',
            id="OSC 0 in a profile's name",
        ),
        pytest.param(
            f'[profiles.w]\n{APP}endpoint = "https://\\u001b]8;;http://evil/\\u001b\\\\api"\n',
            5,
            'profiles.w.endpoint = "https://\\u001b]8;;http://evil/\\u001b\\\\api"',
            id="OSC 8 in an endpoint",
        ),
        pytest.param(
            f'{WORK}[ui]\ntheme = "dark\\u202e"\n', 7, 'ui.theme = "dark\\u202e"', id="bidi"
        ),
        pytest.param(
            f'{WORK}[keys]\nquit = "q\\u009b2J"\n', 7, 'keys.quit = "q\\u009b2J"', id="C1 CSI"
        ),
        pytest.param(
            f'{WORK}"endpoint\\u007f" = 1\n',
            1,  # the line of its table: the key cannot be found again either
            'the key "endpoint\\u007f"',
            id="DEL in a key",
        ),
        pytest.param(
            f'{WORK}[ui]\nexport_folder = """~/a\nb"""\n',
            7,
            'ui.export_folder = "~/a\\nb"',
            id="a line break",
        ),
    ],
)
def test_a_control_anywhere_is_refused_and_quoted_escaped(tmp_path, text, line, quoted):
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    where = f"{path}, line {line}" if line else str(path)
    assert message.startswith(f"{where}: {quoted} holds a character that cannot")
    assert message.endswith("use printable characters only")
    assert controls_in(message) == set()


def test_a_secret_holding_a_control_is_refused_without_repeating_it(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(WORK.replace('"as-secret"', '"as-secret\\u001b[2J"'), "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "profiles.work.application_secret holds a character that cannot" in str(error.value)
    assert "as-secret" not in str(error.value)


def test_printable_text_of_any_script_is_kept(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(WORK.replace("[profiles.work]", '[profiles."Île-de-France ✓ 日本"]'), "utf-8")
    assert list(load_config(path).profiles) == ["Île-de-France ✓ 日本"]
