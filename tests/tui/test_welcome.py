"""The first screen of someone with no profile: the ways in (the demo in place, the connect
flow, the ovh.conf found), the ways out, and the badges that say which mode the app is in."""

from __future__ import annotations

import os
import stat
import threading

import pytest
from textual.widgets import OptionList

from smpp_tui.config import Config, load_config
from smpp_tui.session.open import ovh_conf_session
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens import welcome
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.form import FormScreen
from smpp_tui.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import (
    SIZE,
    WORKING,
    loaded,
    open_account,
    rendered,
    shown_names,
    wait_for,
)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config.toml"


def welcoming(path) -> SmppApp:
    app = SmppApp(None, config=Config(), config_path=path)
    app.animation_level = "none"
    return app


def ways(app: SmppApp) -> str:
    return "\n".join(rendered(way.prompt) for way in app.screen.query_one(OptionList).options)


def header(app: SmppApp) -> str:
    return rendered(app.screen.query_one("Header"))


async def test_without_a_profile_the_welcome_offers_the_demo_connecting_and_quitting(path):
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        offered = ways(app)
        for way in ("d  Try the demo", "c  Connect an OVHcloud account", "q  Quit"):
            assert way in offered
        assert "ovh.conf" not in offered  # none on this machine: not offered
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")


async def test_d_starts_the_demo_in_place_with_its_own_audit_log(path, notices):
    app = welcoming(path)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        await wait_for(pilot, lambda: loaded(app), "the demo's accounts")
        assert "smpp-dc12345-1" in shown_names(app)
        assert "DEMO" in header(app)
        audit = app.session.audit_path
        assert audit is not None
        assert audit.parent.name.startswith("smpp-tui-demo-")
        assert not audit.is_relative_to(os.environ["HOME"])  # never the user's own log
        await wait_for(pilot, lambda: notices.saying("Its audit log"), "the demo's notice")
        assert str(audit) in notices.saying("Its audit log")[0]
        assert not path.exists()  # the demo saves no profile


async def test_the_connect_flow_goes_back_to_the_welcome(path):
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ConnectScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WelcomeScreen)


async def test_q_types_in_a_field_and_ctrl_q_quits_from_it(path):
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.press("q")
        assert app.return_code is None
        assert app.screen.query_one("#endpoint").value.endswith("q")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")


async def test_ctrl_c_quits_where_no_field_has_focus(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")


@pytest.fixture
def variables(sim, keys, monkeypatch) -> None:
    monkeypatch.setenv("OVH_ENDPOINT", sim.endpoint)
    monkeypatch.setenv("OVH_APPLICATION_KEY", keys.application_key)
    monkeypatch.setenv("OVH_APPLICATION_SECRET", keys.application_secret)
    monkeypatch.setenv("OVH_CONSUMER_KEY", keys.consumer_key)


async def test_the_ovh_conf_found_is_named_first_and_remembered_once_used(path, variables):
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        offered = ways(app)
        assert offered.index("o  Use the ovh.conf found") < offered.index("Try the demo")
        assert "Use the OVH_* variables" in offered
        await pilot.press("enter")  # the first way is the one highlighted
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        await wait_for(pilot, lambda: loaded(app), "the customer's accounts")
        assert "DEMO" not in header(app)
    saved = load_config(path)
    assert saved.default_profile == "ovh.conf"
    assert saved.profiles["ovh.conf"].source == "ovh.conf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_keys_that_do_not_work_are_said_before_and_after_trying(path, monkeypatch):
    monkeypatch.setenv("OVH_APPLICATION_KEY", "only-this-one")
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        assert "they do not work yet: no endpoint in OVH_ENDPOINT" in ways(app)
        await pilot.press("o")
        problem = app.screen.query_one("#welcome-problem")
        await wait_for(pilot, lambda: "Could not start" in rendered(problem), "the refusal")
        assert "no endpoint in OVH_ENDPOINT" in rendered(problem)
        assert isinstance(app.screen, WelcomeScreen)
    assert not path.exists()


async def test_read_only_shows_a_badge_in_the_header(make_app):
    app = make_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        assert "READ-ONLY" in header(app)
        assert "DEMO" not in header(app)


async def test_one_way_in_at_a_time(path, variables, monkeypatch):
    # OVHcloud slow to answer: held here until the test has pressed another way in.
    answer = threading.Event()

    def slow_ovh_conf(*args, **options):
        answer.wait(5)
        return ovh_conf_session(*args, **options)

    monkeypatch.setattr(welcome, "ovh_conf_session", slow_ovh_conf)
    app = welcoming(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("o", "d")
        assert len([w for w in app.workers if w.node is screen]) == 1, "the demo waits"
        problem = rendered(screen.query_one("#welcome-problem"))
        assert problem == "Connecting with the OVH_* variables…"
        answer.set()
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the accounts")
        assert not app.session.demo, "the demo pressed meanwhile started nothing"
        await pilot.pause()  # the new screen mounted whole before the app ends


@pytest.mark.parametrize("opening", [("R",), ("3", "a")], ids=["confirmation", "form"])
async def test_ctrl_q_quits_from_a_dialog_and_from_a_form_s_field(make_app, opening):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press(*opening)
        assert isinstance(app.screen, ConfirmScreen | FormScreen)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")
