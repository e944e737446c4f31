"""Profiles in the app: the first-run connect flow up to a saved working profile, switching
profile, removing one with its key, the theme kept, keys remapped."""

from __future__ import annotations

import re
import stat

import pytest
import requests

from smpp_tui.config import Config, edit_config, load_config, with_profile
from smpp_tui.session import profile_session
from smpp_tui.session.connect import required_rules
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from tests.conftest import profile_on
from tests.tui.conftest import SIZE, fill, loaded, shown_names, wait_for


@pytest.fixture
def path(tmp_path):
    return tmp_path / "smpp-tui" / "config.toml"


@pytest.fixture
def fast_checks(monkeypatch):
    monkeypatch.setattr(ConnectScreen, "POLL_EVERY", 0.05)


def app_on(path, profile_name: str) -> SmppApp:
    config = load_config(path)
    app = SmppApp(profile_session(config.profiles[profile_name], config, path))
    app.animation_level = "none"
    return app


def connecting(path) -> SmppApp:
    """The app with no profile yet: it opens on the connect flow, to save in `path`."""
    app = SmppApp(None, config=Config(), config_path=path)
    app.animation_level = "none"
    return app


def validation_url(app) -> str | None:
    """The address the connect flow shows once OVHcloud gave it."""
    found = re.search(r"https?://\S+/auth/\S+", str(app.screen.query_one("#validation").content))
    return found.group() if found else None


async def test_the_connect_flow_ends_on_a_saved_working_profile(sim, path, fast_checks, keys):
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ConnectScreen)
        await fill(pilot, sim.endpoint, "endpoint")
        await fill(pilot, keys.application_key, "application-key")
        await fill(pilot, keys.application_secret, "secret")
        await pilot.press("enter")
        await wait_for(pilot, lambda: validation_url(app), "the validation URL")
        url = validation_url(app)
        assert url.startswith(sim.url + "/auth/")
        await pilot.press("c")
        assert app.clipboard == url
        assert requests.get(url, timeout=5).status_code == 200  # the user validates it
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        assert app.session.label == "default"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    saved = load_config(path).profiles["default"]
    assert saved.endpoint == sim.endpoint
    credential = sim.world.credentials[saved.consumer_key]
    granted = {(rule["method"], rule["path"]) for rule in credential.rules}
    assert granted == {(rule.method, rule.path) for rule in required_rules()}


async def test_the_connect_flow_says_what_is_wrong_and_keeps_the_form(sim, path):
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        # The one test that types in the form: tab moves from field to field.
        await pilot.press("ctrl+u", *"ovh-xx", "tab", *"key", "tab", *"secret", "enter")
        problem = lambda: str(app.screen.query_one("#connect-problem").content)  # noqa: E731
        assert "the region is one of ovh-eu, ovh-ca, ovh-us" in problem()
        await fill(pilot, sim.endpoint, "endpoint")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "refused" in problem(), "OVHcloud's refusal")
        assert "application key" in problem()
        assert app.screen.query_one("#application-key").value == "key"
    assert not path.exists()


async def test_switching_profile_starts_afresh_on_the_other_customer(sim, customers, path):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, customers[0].keys)))
    edit_config(path, lambda c: with_profile(c, profile_on("jules", sim, customers[1].keys)))
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "ops's accounts")
        first = shown_names(app)
        old_store = app.store
        await pilot.press("p")
        assert isinstance(app.screen, ProfilesScreen)
        while app.screen.table.current_key != "jules":
            await pilot.press("j")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        await wait_for(pilot, lambda: loaded(app), "jules's accounts")
        assert app.store is not old_store
        assert app.session.label == "jules"
        assert set(shown_names(app)) == set(sim.world.sms.names_of("jm67890-ovh"))
        assert not set(shown_names(app)) & set(first)


async def test_removing_a_profile_can_revoke_its_key(sim, customers, path):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, customers[0].keys)))
    edit_config(path, lambda c: with_profile(c, profile_on("jules", sim, customers[1].keys)))
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("p")
        while app.screen.table.current_key != "jules":
            await pilot.press("j")
        await pilot.press("x", "y", "y")
        await wait_for(pilot, lambda: "jules" not in load_config(path).profiles, "removal")
    assert sim.world.credentials[customers[1].keys.consumer_key].status == "expired"
    assert "ops" in load_config(path).profiles


async def test_the_profile_in_use_shows_its_rights_masked(sim, customers, path):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, customers[0].keys)))
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        details = lambda: str(app.screen.query_one("#profile-details").content)  # noqa: E731
        await wait_for(pilot, lambda: "Key in use: validated" in details(), "the rights")
        assert "GET    /*" in details()
        screen_text = app.export_screenshot()
        assert customers[0].keys.application_secret not in screen_text
        assert customers[0].keys.consumer_key not in screen_text


async def test_a_remapped_key_works(sim, keys, path):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, keys)))
    path.write_text(path.read_text() + '\n[keys]\n"app.refresh" = "f5"\n')
    app = app_on(path, "ops")

    def lists() -> int:  # the account list is fetched again only by a refresh
        return sum(1 for e in sim.exchanges if (e.method, e.path) == ("GET", "/sms"))

    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        before = lists()
        await pilot.press("r")
        await pilot.pause(0.2)  # a refresh would have been sent by now
        assert lists() == before, "r no longer refreshes"
        await pilot.press("f5")
        await wait_for(pilot, lambda: lists() > before, "a refresh")


async def test_unknown_settings_are_reported_not_ignored(sim, keys, path, notices):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, keys)))
    path.write_text(
        path.read_text() + '\n[ui]\ntheme = "no-such-theme"\n[keys]\n"app.nothing" = "f6"\n'
    )
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause(0.1)
        said = " ".join(notices.said)
        assert "'no-such-theme' is not a theme" in said
        assert "[keys] names no binding app.nothing" in said


async def test_a_theme_chosen_in_the_app_is_kept(sim, keys, path):
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, keys)))
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"  # what the palette's theme command does
        await wait_for(pilot, lambda: load_config(path).ui.theme == "nord", "the saved theme")
    again = app_on(path, "ops")
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == "nord"
        await wait_for(pilot, lambda: again.store.snapshot[ACCOUNTS].loaded, "the accounts")
