"""Ready-to-paste client configurations for one account (Kannel, Jasmin, smpplib), one shown at a
time, each copied whole with one key; the TLS endpoint first, the plaintext one a key away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from smpp_tui.api.client_configs import (
    PASSWORD,
    ClientConfig,
    UnsafeValue,
    client_configs,
    target,
)
from smpp_tui.api.models import SmppSettings
from smpp_tui.tui import commands, words
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands.modals import (
    CLOSE_CONFIGS,
    CONFIG_ENDPOINT,
    CONFIG_TOOLS,
    CONFIGS,
    CONFIGS_SCROLL,
    COPY_CONFIG,
)
from smpp_tui.tui.screens.scrolling import ScrollingDialog


class ClientConfigsScreen(ScrollingDialog):
    BINDINGS = commands.bindings(*CONFIGS, *CONFIGS_SCROLL)

    def __init__(self, account: str, settings: SmppSettings) -> None:
        super().__init__()
        self._account, self._settings = account, settings
        self._shown = 0  # which tool's
        self._tls = any(pair.secured for pair in settings.endpoints)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="configs"):
            yield Static(id="configs-tools")
            yield Static(id="configs-what", classes="form-intro")
            yield Static(id="configs-text")
            yield Static(id="configs-hint")

    def on_mount(self) -> None:
        self._draw()

    @property
    def configs(self) -> list[ClientConfig] | str:
        """The configurations, or why there are none (words for the user)."""
        try:
            return client_configs(target(self._account, self._settings, self._tls))
        except UnsafeValue as why:
            return f"No configuration: {why}."

    @property
    def shown(self) -> ClientConfig | None:
        configs = self.configs
        return None if isinstance(configs, str) else configs[self._shown]

    def action_show(self, index: int) -> None:
        self._shown = index
        self._draw()

    def action_switch_endpoint(self) -> None:
        self._tls = not self._tls
        self._draw()

    def action_copy(self) -> None:
        config = self.shown
        if config is None:
            self.notify("Nothing to copy: no configuration.", severity="warning", markup=False)
            return
        copy(self.app, config.text, f"the {config.tool} configuration", lines=True)

    def _draw(self) -> None:
        tools = Text()
        for index, command in enumerate(CONFIG_TOOLS):
            label = f" {commands.key_of(self, command)} {command.label} "
            tools.append(label, style="reverse bold" if index == self._shown else "")
        self.query_one("#configs-tools", Static).update(tools)
        configs, endpoint = self.configs, "TLS" if self._tls else "plaintext"
        if isinstance(configs, str):  # outside text: the account's name may be in it
            what = words.plain(f"{self._account}, {endpoint} endpoint")
            text = words.plain(configs, style="yellow")
        else:
            config = configs[self._shown]
            what = Text(f"{config.tool}: {config.what}, {endpoint} endpoint. Put the password")
            what.append(" OVHcloud e-mailed in place of ").append(PASSWORD, "bold").append(".")
            if config.warning:
                what.append(f"\n⚠ {config.warning}", style="yellow")
            text = words.plain(config.text.rstrip("\n"))
        self.query_one("#configs-what", Static).update(what)
        self.query_one("#configs-text", Static).update(text)
        self.query_one("#configs-hint", Static).update(self._hint())

    def _hint(self) -> Text:
        keys = [(COPY_CONFIG, "copies it"), (CONFIG_ENDPOINT, "TLS or plaintext")]
        said = " · ".join(f"{commands.key_of(self, c)} {does}" for c, does in keys)
        return Text(f"{said} · {commands.key_of(self, CLOSE_CONFIGS)} closes", style="dim")
