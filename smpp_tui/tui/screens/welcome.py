"""The first screen of someone with no profile yet: what smpp-tui is, and the ways in (the
demo, started in place; the connect flow; the `ovh.conf` found, named), each with its key."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from smpp_tui.api.errors import ApiError
from smpp_tui.config import ConfigError
from smpp_tui.config.resolve import ovh_conf_found, ovh_conf_hint
from smpp_tui.session import Session
from smpp_tui.session.open import configured, demo_session, ovh_conf_session
from smpp_tui.tui import words
from smpp_tui.tui.commands import Command, bindings, key_of
from smpp_tui.tui.commands.app import QUIT
from smpp_tui.tui.commands.welcome import CONNECT, DEMO, USE_OVH_CONF, WELCOME_SCREEN
from smpp_tui.tui.screens.base import SmppScreen
from smpp_tui.tui.widgets.footer import KeysFooter

INTRODUCTION = (
    "smpp-tui manages OVHcloud SMS accounts that speak SMPP: their credentials and passwords,"
    " allowed IPs, senders, credits and history, from a terminal.\n"
    "There is no API profile yet. Choose a way in:"
)


class WelcomeScreen(SmppScreen):
    DECLARED = WELCOME_SCREEN
    BINDINGS = bindings(*DECLARED)
    AUTO_FOCUS = "#ways"

    def __init__(self) -> None:
        super().__init__()
        self._ovh_conf = ovh_conf_found()  # where, in the user's words; None: nothing there
        self._starting = False  # a way in is opening its session: the others wait for it

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome"):
            yield Static(Text("Welcome to smpp-tui", style="bold"), id="welcome-title")
            yield Static(INTRODUCTION, id="welcome-intro")
            yield OptionList(id="ways")
            yield Static("", id="welcome-problem")
        yield KeysFooter()

    def on_mount(self) -> None:
        ways = self.query_one("#ways", OptionList)
        ways.add_options([self._way(c, self._explained(c)) for c in self._offered()])
        ways.highlighted = 0

    def _offered(self) -> list[Command]:
        """The ovh.conf found first: someone who has one most likely wants it."""
        ordered = (USE_OVH_CONF, DEMO, CONNECT) if self._ovh_conf else (DEMO, CONNECT)
        return [*ordered, QUIT]

    def _explained(self, command: Command) -> Text:
        if command is USE_OVH_CONF:
            # A path and a file's values: outside text, cleaned like the API's.
            said = words.plain(f"Use {self._ovh_conf}: its keys, remembered as profile ovh.conf")
            problem = ovh_conf_hint()
            if problem:
                why = words.plain(f"\n(they do not work yet: {problem})", style="yellow")
                said.append_text(why)
            return said
        return Text(command.help if command is not QUIT else "Leave smpp-tui")

    def _way(self, command: Command, explained: Text) -> Option:
        """Its key, its name, and what it does wrapped under the name."""
        way = Table.grid(padding=(0, 2))
        way.add_column(width=6, justify="right", style="bold")
        way.add_column()
        way.add_row(key_of(self, command), Text(command.palette_title, style="bold"))
        way.add_row("", explained.append("\n"))  # a blank line between the ways
        return Option(way, id=command.id)

    def offers(self, command: Command) -> bool | None:
        return command is not USE_OVH_CONF or self._ovh_conf is not None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        command = next(c for c in (*WELCOME_SCREEN, QUIT) if c.id == event.option.id)
        where = self.app if command is QUIT else self  # quitting is the app's action
        self.run_worker(self.app.run_action(command.action, where), exit_on_error=False)

    # the ways in

    def action_demo(self) -> None:
        app = self.smpp_app
        self._start("Starting the demo…", lambda: demo_session(read_only=app.forced_read_only))

    def action_connect(self) -> None:
        from smpp_tui.tui.screens.connect import ConnectScreen

        self.smpp_app.push_screen(ConnectScreen())

    def action_ovh_conf(self) -> None:
        app, path = self.smpp_app, self.smpp_app.config_path
        if path is None:
            self._problem("There is no settings file to remember the profile in.")
            return
        self._start(
            f"Connecting with {self._ovh_conf}…",
            lambda: ovh_conf_session(path, read_only=app.forced_read_only),
        )

    def _start(self, doing: str, open_session: Callable[[], Session]) -> None:
        # One at a time: a session opened meanwhile by another way would be left running.
        if self._starting:
            return
        self._starting = True
        self._problem(doing, style="dim")
        self.run_worker(self._open(open_session), exit_on_error=False)

    async def _open(self, open_session: Callable[[], Session]) -> None:
        app = self.smpp_app
        try:
            session = await app.call(open_session)
        except (ApiError, ConfigError, OSError) as error:
            self._problem(f"Could not start: {error}")
            return
        finally:
            self._starting = False
        if session.profile is None:  # the demo: the run's settings, no profile of its own
            session = configured(session, app.config, app.config_path)
        app.config = session.config
        app.start_session(session)

    def _problem(self, message: str, style: str = "bold red") -> None:
        self.query_one("#welcome-problem", Static).update(words.plain(message, style=style))
