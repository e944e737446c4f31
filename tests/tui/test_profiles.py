"""Profiles in the app: the first-run connect flow up to a saved working profile, switching
profile, removing one with its key, the theme kept, keys remapped."""

from __future__ import annotations

import os
import re
import stat
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from smpp_tui.config import Config, edit_config, load_config, with_profile
from smpp_tui.session import connect, profile_session
from smpp_tui.session.audit import default_audit_path
from smpp_tui.session.connect import required_rules
from smpp_tui.session.mail import Mailbox
from smpp_tui.simulator import Fault
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.welcome import CONNECT
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from smpp_tui.tui.screens.welcome import WelcomeScreen
from tests.conftest import profile_on
from tests.tui.conftest import SIZE, fill, loaded, rendered, shown_names, wait_for


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
    """The app with no profile yet, to save one in `path`: `on_the_connect_form` next."""
    app = SmppApp(None, config=Config(), config_path=path)
    app.animation_level = "none"
    return app


async def on_the_connect_form(pilot) -> ConnectScreen:
    """From the welcome screen, as a user: its key to connect an account."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
    await pilot.press(key_of(app.screen, CONNECT))
    await wait_for(pilot, lambda: isinstance(app.screen, ConnectScreen), "the connect form")
    assert isinstance(app.screen, ConnectScreen)
    return app.screen


def validation_url(app) -> str | None:
    """The address the connect flow shows once OVHcloud gave it."""
    found = re.search(r"https?://\S+/auth/\S+", str(app.screen.query_one("#validation").content))
    return found.group() if found else None


async def test_the_connect_flow_ends_on_a_saved_working_profile(sim, path, fast_checks, keys):
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_connect_form(pilot)
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
        await pilot.pause()  # the new screen's header done mounting before the app ends
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
        await on_the_connect_form(pilot)
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


@pytest.fixture
def slow_checks(monkeypatch):
    # Long enough for a test to validate the key and break OVHcloud before the first check.
    monkeypatch.setattr(ConnectScreen, "POLL_EVERY", 0.5)


def problem(app) -> str:
    return str(app.screen.query_one("#connect-problem").content)


async def key_requested(pilot, sim, keys) -> str:
    """The form filled and sent: the validation URL shown."""
    await fill(pilot, sim.endpoint, "endpoint")
    await fill(pilot, keys.application_key, "application-key")
    await fill(pilot, keys.application_secret, "secret")
    await pilot.press("enter")
    await wait_for(pilot, lambda: validation_url(pilot.app), "the validation URL")
    return validation_url(pilot.app)


def validated_in_the_browser(sim, url: str) -> str:
    """The user opens the URL and logs in (the simulator validates the key): its consumer key."""
    assert requests.get(url, timeout=5).status_code == 200
    token = parse_qs(urlsplit(url).query)["credentialToken"][0]
    return sim.world.credential_by_token(token).consumer_key


async def test_nonsense_about_a_validated_key_still_saves_it(sim, path, slow_checks, keys, notices):
    # Once a RecursionError that ended the app (exit status 0), the key neither saved nor revoked.
    app = connecting(path)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await on_the_connect_form(pilot)
        consumer_key = validated_in_the_browser(sim, await key_requested(pilot, sim, keys))
        nonsense = sim.inject(Fault("nested", 100_000, "GET", "/auth/currentCredential"))
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.pause()  # the new screen's header done mounting before the app ends
        assert notices.saying(f"Connected. Profile default saved to {path}.")
    assert nonsense.hits >= 1, "the check met the nonsense"
    assert load_config(path).profiles["default"].consumer_key == consumer_key
    assert sim.world.credentials[consumer_key].status == "validated"


@pytest.mark.parametrize(
    ("logout", "status", "fate"),
    [
        (None, "expired", "It was revoked, so no valid key is left behind: request a new one."),
        (
            Fault("status", 503, "POST", "/auth/logout"),
            "validated",
            "It could not be revoked either (OVHcloud is temporarily unavailable (HTTP 503):"
            " Service is temporarily unavailable): it stays valid until you delete it from your"
            " OVHcloud account's API keys.",
        ),
    ],
)
async def test_a_validated_key_that_cannot_be_saved_is_revoked(
    sim, tmp_path, slow_checks, keys, logout, status, fate
):
    (tmp_path / "file").write_text("")
    path = tmp_path / "file" / "config.toml"  # its folder is a file: nothing can be saved there
    if logout is not None:
        sim.inject(logout)
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_connect_form(pilot)
        consumer_key = validated_in_the_browser(sim, await key_requested(pilot, sim, keys))
        sim.inject(Fault("nested", 100_000, "GET", "/auth/currentCredential"))
        await wait_for(pilot, lambda: "revoked" in problem(app), "what became of the key")
        said = problem(app)
        assert said.startswith(f"The key works, but the profile was not saved: {path}")
        assert said.endswith(fate)
        assert app.screen.query_one("#connect").current == "form"
    assert sim.world.credentials[consumer_key].status == status
    assert [e.status for e in sim.exchanges if e.path == "/auth/logout"] == [503 if logout else 200]
    assert (tmp_path / "file").read_text() == ""


async def test_a_bug_while_checking_is_said_and_the_app_lives_on(
    sim, path, fast_checks, keys, notices, monkeypatch
):
    def bug(request) -> bool:
        raise RuntimeError("boom")

    monkeypatch.setattr(connect, "poll_validation", bug)
    app = connecting(path)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await on_the_connect_form(pilot)
        await key_requested(pilot, sim, keys)
        await wait_for(pilot, lambda: notices.saying("Something went wrong"), "the bug said")
        assert notices.last == "Something went wrong: RuntimeError('boom')"
        assert isinstance(app.screen, ConnectScreen)
        assert app.is_running


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
        assert f"Writes are logged in {default_audit_path()}" in details()
        screen_text = app.export_screenshot()
        assert customers[0].keys.application_secret not in screen_text
        assert customers[0].keys.consumer_key not in screen_text


async def test_a_new_profile_left_with_escape_goes_back_to_the_profiles_as_they_were(make_app, sim):
    app = make_app(
        mailbox=Mailbox(sim.world, "ops@example.com")
    )  # the demo: no profile, a key in use
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen), "the profiles")
        profiles = app.screen
        details = lambda: rendered(profiles.query_one("#profile-details"))  # noqa: E731
        listed = lambda: [  # noqa: E731
            " ".join(c.plain for c in profiles.table.get_row_at(i) if c.plain)
            for i in range(profiles.table.row_count)
        ]
        await wait_for(pilot, lambda: "Key in use: validated" in details(), "the rights")
        before = details()
        assert before.startswith("In use: demo")
        assert listed() == ["● demo the built-in simulator"]
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ConnectScreen), "the form")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is profiles, "the profiles again")
        await pilot.pause()
        assert details() == before
        assert listed() == ["● demo the built-in simulator"]


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
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        app.theme = "nord"  # what the palette's theme command does
        await wait_for(pilot, lambda: load_config(path).ui.theme == "nord", "the saved theme")
    again = app_on(path, "ops")
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == "nord"
        await wait_for(pilot, lambda: loaded(again), "the accounts")


# Paste and length in the connect flow


def credential_requests(sim) -> list:
    return [e for e in sim.exchanges if e.method == "POST" and e.path == "/auth/credential"]


async def test_a_pasted_list_of_ip_blocks_keeps_every_line(sim, path, keys):
    # Once only its first line was kept, silently.
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_connect_form(pilot)
        await fill(pilot, "192.0.2.0/24\r\n198.51.100.7\n\n2001:db8::/32\n", "ips")
        assert app.screen.query_one("#ips").value == "192.0.2.0/24, 198.51.100.7, 2001:db8::/32"
        await key_requested(pilot, sim, keys)
    (sent,) = credential_requests(sim)
    assert sent.body["allowedIPs"] == ["192.0.2.0/24", "198.51.100.7", "2001:db8::/32"]


async def test_wrong_ip_blocks_are_quoted_few_and_nothing_is_asked(sim, path, keys):
    app = connecting(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_the_connect_form(pilot)
        await fill(pilot, "\n".join(f"office-{n}" for n in range(40)), "ips")
        await fill(pilot, sim.endpoint, "endpoint")
        await fill(pilot, keys.application_key, "application-key")
        await fill(pilot, keys.application_secret, "secret")
        await pilot.press("enter")
        assert problem(app) == (
            "'office-0', 'office-1', 'office-2' and 37 more are not IP blocks; give addresses"
            " or blocks such as 192.0.2.10 or 192.0.2.0/24"
        )
    assert credential_requests(sim) == []


async def test_control_characters_never_reach_a_key(sim, path, keys):
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_connect_form(pilot)
        await fill(pilot, f"\x01{keys.application_key}\x7f\x9b\x1b[2J", "application-key")
        assert app.screen.query_one("#application-key").value == keys.application_key
        app.copy_to_clipboard(f"{keys.application_secret}\x9b31m\x00")  # copied from elsewhere
        await pilot.click("#secret")
        await pilot.press("ctrl+v")
        assert app.screen.query_one("#secret").value == keys.application_secret
        await key_requested(pilot, sim, keys)
    assert len(credential_requests(sim)) == 1


@pytest.mark.parametrize(
    ("field", "typed", "what"),
    [
        ("application-key", "7kbG7Bk7 S9Nt7ZSV", "application key"),
        ("secret", "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHé", "application secret"),
    ],
)
async def test_a_key_that_is_not_one_is_refused_before_any_request(sim, path, field, typed, what):
    app = connecting(path)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_connect_form(pilot)
        await fill(pilot, sim.endpoint, "endpoint")
        await fill(pilot, "7kbG7Bk7S9Nt7ZSV", "application-key")
        await fill(pilot, "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF", "secret")
        await fill(pilot, typed, field)
        await pilot.press("enter")
        assert problem(app) == (
            f"the {what} is letters and digits only, at most 64, as the page that made it shows"
            " them; copy it again"
        )
    assert credential_requests(sim) == []


@pytest.mark.parametrize(
    ("field", "longest"),
    [("endpoint", 200), ("application-key", 64), ("secret", 64), ("ips", 450), ("name", 32)],
)
async def test_a_connect_field_takes_no_more_than_it_may_hold(path, notices, field, longest):
    app = connecting(path)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await on_the_connect_form(pilot)
        shown = app.screen.query_one(f"#{field}")
        await fill(pilot, "a" * (longest + 1), field)
        assert shown.value == ""
        assert notices.last == (
            f"Not pasted: the field would hold {longest + 1} characters; it takes at most"
            f" {longest}."
        )
        await fill(pilot, "a" * longest, field)
        assert shown.value == "a" * longest


# Saving the theme


async def test_a_theme_saved_through_a_link_keeps_the_link(sim, keys, path, tmp_path):
    # Once the link was replaced by a regular file.
    target = tmp_path / "dotfiles" / "smpp-tui.toml"
    edit_config(target, lambda c: with_profile(c, profile_on("ops", sim, keys)))
    path.parent.mkdir()
    path.symlink_to(target)
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await wait_for(pilot, lambda: load_config(target).ui.theme == "nord", "the saved theme")
    assert path.is_symlink()
    assert path.readlink() == target


def broken(path) -> str:
    path.write_text("[ui\n", "utf-8")
    return f"{path}, line 1, column 4: not valid TOML"


def unwritable(path, monkeypatch) -> str:
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # As root (tests may run so) a folder's mode does not stop a write: the write is refused.
    monkeypatch.setattr(os, "replace", refuse)
    return f"{path}: cannot be written (Permission denied); it was left as it was"


@pytest.mark.parametrize("fault", ["broken", "unwritable"])
async def test_a_theme_that_cannot_be_saved_says_so(sim, keys, path, notices, monkeypatch, fault):
    # Once it failed silently.
    edit_config(path, lambda c: with_profile(c, profile_on("ops", sim, keys)))
    app = app_on(path, "ops")
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        why = broken(path) if fault == "broken" else unwritable(path, monkeypatch)
        before = path.read_text("utf-8")
        app.theme = "nord"
        await wait_for(pilot, lambda: notices.saying("not saved"), "the failure said")
        assert notices.last.startswith(f"The theme nord is used but not saved: {why}")
        assert app.theme == "nord"
    assert path.read_text("utf-8") == before
