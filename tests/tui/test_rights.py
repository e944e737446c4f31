"""Least privilege holds: a tour of every screen and every action of the app, keyboard only,
makes exactly the calls the rights a new key asks for allow (`required_rules()`), and each of
those rights is used by some call of the tour: nothing asked for a feature not built."""

from __future__ import annotations

from dataclasses import replace

from smpp_tui.api.calls import rule_allows
from smpp_tui.config import edit_config, load_config, with_profile
from smpp_tui.session import profile_session
from smpp_tui.session.connect import required_rules
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from tests.conftest import profile_on
from tests.tui.conftest import (
    SIZE,
    WORKING,
    fill,
    history_read,
    loaded,
    open_account,
    rendered,
    table,
    wait_for,
    world_today,
)

UNSIGNED = {("GET", "/auth/time")}  # the clock: asked without keys, no right needed


def app_with_two_profiles(sim, customers, path, world_clock) -> SmppApp:
    for name, customer in (("ops", customers[0]), ("jules", customers[1])):
        edit_config(path, lambda c, n=name, k=customer.keys: with_profile(c, profile_on(n, sim, k)))
    config = load_config(path)
    config = replace(config, ui=replace(config.ui, export_folder=path.parent))
    session = profile_session(config.profiles["ops"], config, path)
    # The calendar of the simulated OVHcloud: the History tab reads its last 7 days.
    session.today = world_today(world_clock)
    app = SmppApp(session)
    app.animation_level = "none"
    return app


async def send_form(pilot, values: dict[str, str], confirm: bool = False) -> None:
    for field, text in values.items():
        await fill(pilot, text, field)
    await pilot.press("enter")
    if confirm:
        await wait_for(pilot, lambda: "Confirm" in type(pilot.app.screen).__name__, "asking")
        await pilot.press("y")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AccountScreen), "done")


async def tour_the_account(pilot, notices) -> None:
    app = pilot.app
    await open_account(app, pilot, WORKING)
    await wait_for(pilot, lambda: app.poller.in_flight == frozenset(), "the Overview")
    await pilot.press("R", "y")  # a new SMPP password
    await pilot.press("2", "a")
    await send_form(pilot, {"ips": "192.0.2.99"})
    await pilot.press("G", "d", "y")  # remove it again
    await pilot.press("3", "a")
    reason = "Alerts to our on-call engineers"
    await send_form(pilot, {"sender": "TOUR", "description": "Tour", "reason": reason})
    await pilot.press("enter", "escape")  # a sender whole
    await pilot.press("d", "y")
    await pilot.press("4", "e")
    await send_form(pilot, {"threshold": "100", "pack": "500"}, confirm=True)
    await pilot.press("t")
    await send_form(pilot, {"target": "smpp-dc12345-2", "credits": "1"}, confirm=True)
    await wait_for(pilot, lambda: not app.poller.in_flight, "the Credits tab")
    await tour_the_history(pilot, notices)
    await pilot.press("escape")


async def tour_the_history(pilot, notices) -> None:
    app = pilot.app
    await pilot.press("5")
    await history_read(pilot)
    await pilot.press("enter")  # one SMS whole, with what the operator's register says
    await wait_for(pilot, lambda: isinstance(app.screen, DetailsScreen), "the SMS")
    await pilot.press("escape", "d", "y")
    await wait_for(pilot, lambda: notices.saying("deleted from the history"), "the deletion")
    await pilot.press("x")  # through OVHcloud's own export: a document
    await wait_for(pilot, lambda: "written to" in rendered(app.screen), "the export")
    await pilot.press("escape", "i")
    await history_read(pilot)
    await pilot.press("d", "y")  # a received one
    deleted = lambda: len(notices.saying("deleted from the history")) == 2  # noqa: E731
    await wait_for(pilot, deleted, "the second deletion")


async def tour_the_profiles(pilot) -> None:
    app = pilot.app
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen), "the profiles")
    await wait_for(pilot, lambda: not app.poller.in_flight, "the key's rights")
    while app.screen.table.current_key != "jules":
        await pilot.press("j")
    await pilot.press("x", "y", "y")  # removed, and its key revoked
    await wait_for(pilot, lambda: app.screen.table.current_key != "jules", "the removal")


async def test_the_tour_uses_every_right_asked_and_no_other(
    sim, customers, tmp_path, notices, world_clock
):
    sim.world.sms.behaviour.document_delay = 0.0  # the export's file is ready at once
    app = app_with_two_profiles(sim, customers, tmp_path / "config.toml", world_clock)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("G", "g")  # every row on screen, its status and IPs asked
        await tour_the_account(pilot, notices)
        await pilot.press("o", "t", "escape")  # the transfer form from the list
        assert table(app).row_count
        await tour_the_profiles(pilot)
    calls = {
        (e.method, e.path)
        for e in sim.exchanges
        if not e.path.startswith("/_sim") and (e.method, e.path) not in UNSIGNED
    }
    rules = required_rules()
    ungranted = [c for c in calls if not any(rule_allows(r, *c) for r in rules)]
    assert ungranted == []
    unused = [r for r in rules if not any(rule_allows(r, *c) for c in calls)]
    assert unused == []
