"""The IPs tab: the addresses allowed to bind, the `n/10` quota, and the live status."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from smpp_tui.api.models import AllowedIps, SmppSettings
from smpp_tui.tui import words
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row


def ips_heading(ips: AllowedIps | None, settings: SmppSettings | None, add_key: str) -> Text:
    """`add_key`: the key that adds IPs here (empty where none can be added)."""
    heading = Text("Allowed IPs ", style="bold")
    heading.append(ips.quota if ips is not None else "…")
    if settings is not None:
        heading.append("   ").append_text(words.smpp_status(settings.status))
        if settings.status == "WAITING_IP":
            how = f" ({add_key})" if add_key else ""
            heading.append(
                f"\nNo IP is allowed: SMPP clients cannot bind until you add one{how}.",
                style="bold yellow",
            )
        elif settings.status == "UPDATING_IP":
            heading.append("\nOVHcloud is applying the change; this updates by itself.")
    return heading


class IpsPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="ips-heading")
        yield KeyedTable((Column("ip", "Address"),), id="ips-table")

    @property
    def table(self) -> KeyedTable:
        return self.query_one("#ips-table", KeyedTable)

    def show(
        self,
        ips: AllowedIps | None,
        settings: SmppSettings | None,
        problem: Text,
        add_key: str,
    ) -> None:
        heading = ips_heading(ips, settings, add_key)
        if problem.plain:
            heading.append("\n").append_text(problem)
        self.query_one("#ips-heading", Static).update(heading)
        rows = [Row(ip, (words.plain(ip),)) for ip in (ips.ips if ips is not None else ())]
        self.table.show_rows(rows)
