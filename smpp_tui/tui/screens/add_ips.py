"""`a` on the IPs tab: type one or several IPv4 addresses; checked before anything is sent."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult

from smpp_tui.api.checks import IPS_MAX
from smpp_tui.tui.screens.form import FormScreen, PastedInput

# Sends the typed text; answers None when done, else what is wrong.
Submit = Callable[[str], Awaitable[str | None]]


class AddIpsScreen(FormScreen):
    def __init__(self, account: str, quota: str, submit: Submit, prefill: str = "") -> None:
        super().__init__(
            f"Allow IPs to bind to {account} ({quota})",
            "IPv4 addresses, separated by commas, spaces or new lines. enter sends.",
        )
        self._submit, self._prefill = submit, prefill

    def fields(self) -> ComposeResult:
        # A pasted list, one address a line, arrives whole.
        yield PastedInput(
            ", ",
            value=self._prefill,
            max_length=IPS_MAX,
            placeholder="192.0.2.10, 192.0.2.11",
            id="ips",
        )

    async def send(self) -> str | None:
        return await self._submit(self.value("ips"))
