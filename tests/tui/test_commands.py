"""Every action declared once: on every screen and tab, the command palette offers exactly what
the keys offer there (the tabs included), nothing of Textual's own, and no write in read-only
mode; `?` lists the same commands."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import platformdirs
from rich.console import Console
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.widgets import OptionList, Static

from smpp_tui import tui
from smpp_tui.tui import commands
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.connect import ConnectScreen
from smpp_tui.tui.screens.profiles import ProfilesScreen
from tests.tui.conftest import SIZE, WORKING, loaded, open_account, wait_for

TABS = ("Overview tab", "IPs tab", "Senders tab", "Credits tab", "History tab")
EVERYWHERE = {"Quit", "Keys", "Refresh", "Theme", "Screenshot"}
WRITES = {c.palette_title for c in commands.BY_ID.values() if c.writes}


async def offered(pilot) -> set[str]:
    """The titles the command palette lists before anything is typed."""
    await pilot.press("ctrl+p")
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")

    def gathered() -> bool:
        busy = [w for w in app.workers if "command-palette" in w.group and not w.is_finished]
        return not busy and app.screen.query_one(OptionList).option_count > 0

    await wait_for(pilot, gathered, "the palette's commands")
    options = app.screen.query_one(OptionList)
    prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
    await pilot.press("escape")
    lines = [Console(width=200).render_str(str(prompt)).plain for prompt in prompts]
    titles = [line.splitlines()[0].rsplit("  ", 1)[0].strip() for line in lines]
    assert len(titles) == len(set(titles)), f"offered twice: {titles}"
    return set(titles)


def keys_offer(screen) -> set[str]:
    """The titles of what the keys do on `screen`, from Textual's own active bindings."""
    found = set()
    for active in screen.active_bindings.values():
        command = commands.BY_ID.get(active.binding.id or "")
        if command is not None and command.palette and active.enabled:
            found.add(command.palette_title)
    return found


async def check(pilot) -> set[str]:
    titles = await offered(pilot)
    assert titles == keys_offer(pilot.app.screen)
    assert {"Maximize", "Change theme", "Save screenshot"}.isdisjoint(titles), "Textual's own"
    return titles


async def test_the_palette_offers_what_the_keys_offer_on_every_screen_and_tab(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        titles = await check(pilot)
        assert {"Open account", "Filter accounts", "SMPP accounts only", "Profiles"} <= titles
        assert "Back" not in titles, "nowhere to go back to"
        assert titles >= EVERYWHERE
        await pilot.press("slash")
        assert "Clear filter" in await check(pilot)
        await pilot.press("escape")
        assert "Clear filter" not in await check(pilot)

        await open_account(app, pilot, WORKING)
        per_tab = {}
        for number, tab in enumerate(TABS, start=1):
            await pilot.press(str(number))
            per_tab[tab] = await check(pilot)
            assert set(TABS) | EVERYWHERE | {"Back", "Profiles"} <= per_tab[tab]
        assert {"Copy field", "Reveal field", "New SMPP password"} <= per_tab["Overview tab"]
        assert {"Add allowed IPs", "Remove allowed IP"} <= per_tab["IPs tab"]
        assert "Add allowed IPs" not in per_tab["Overview tab"]
        assert "Copy field" not in per_tab["IPs tab"]

        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen), "the profiles")
        titles = await check(pilot)
        assert {"New profile", "Remove profile", "Back"} <= titles
        assert "Profiles" not in titles, "already there"
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ConnectScreen), "the connect flow")
        titles = await check(pilot)
        assert "Copy the validation URL" not in titles, "no key waits for validation yet"
        assert "Quit" in titles, "ctrl+q quits, though q types in the form"


async def test_a_dialog_offers_its_own_keys_and_no_palette_over_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmScreen)
        assert keys_offer(app.screen) == {"Confirm", "Cancel"}
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, ConfirmScreen), "it answers first"


async def test_read_only_mode_offers_no_write_anywhere(make_app, sim):
    app = make_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        assert "READ-ONLY" in app.screen.query_one("Header HeaderTitle").render().plain
        overview = await check(pilot)
        assert "Copy field" in overview
        await pilot.press("2")
        ips = await check(pilot)
        assert "Add allowed IPs" not in ips
        assert overview.isdisjoint(WRITES)
        assert ips.isdisjoint(WRITES)
        await pilot.press("1", "R", "2", "a", "d")
        assert isinstance(app.screen, AccountScreen), "no dialog opened"
        assert sim.world.sms.outbox.mails == []


async def test_the_keys_help_lists_what_the_palette_offers(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot, WORKING)
        titles = await check(pilot)
        await pilot.press("question_mark")
        console = Console(width=120, record=True)
        console.print(app.screen.query_one("#keys", Static).content)
        listed = console.export_text()
        for command in commands.BY_ID.values():
            if command.palette_title in titles:
                assert command.id in listed


async def test_the_help_lists_keys_with_their_ids(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("question_mark")
        console = Console(width=100, record=True)
        console.print(app.screen.query_one("#keys", Static).content)
        text = console.export_text()
        assert re.search(r"/\s+Show only the accounts whose .*\s+accounts\.filter", text)
        assert "app.refresh" in text
        await pilot.press("escape")
        assert isinstance(app.screen, AccountsScreen)


async def test_a_screenshot_goes_where_the_user_finds_it(make_app, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: notices.saying("Screenshot saved to"), "the notice")
    path = Path(notices.last.removeprefix("Screenshot saved to ").strip())
    assert path.parent == platformdirs.user_documents_path() / "smpp-tui"
    assert path.read_text("utf-8").startswith("<svg")


def test_every_binding_of_the_app_is_declared_and_every_declaration_bound():
    for module in pkgutil.walk_packages(tui.__path__, "smpp_tui.tui."):
        importlib.import_module(module.name)  # every class loaded, those loaded on first use too
    classes = {cls for cls in _subclasses(DOMNode) if cls.__module__.startswith("smpp_tui.")}
    bound = {
        binding.id: cls.__name__
        for cls in classes
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    }
    assert None not in bound, f"a binding without id in {bound.get(None)}"
    assert set(bound) == set(commands.BY_ID)


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found.union(*(_subclasses(sub) for sub in found))
