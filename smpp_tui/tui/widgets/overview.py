"""The Overview tab: how to bind to the account, field by field, each one copyable."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from smpp_tui.api.models import Me, ServiceInfo, SmppSettings
from smpp_tui.tui import words
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str  # what `c` copies
    shown: Text

    @property
    def row(self) -> Row:
        return Row(self.key, (Text(self.label, style="bold"), self.shown))


def _field(key: str, label: str, value: str, shown: Text | None = None) -> Field:
    return Field(key, label, value, shown if shown is not None else words.plain(value))


def _numbered(label: str, index: int, count: int) -> str:
    return label if count == 1 else f"{label} {index}"


def endpoint_fields(settings: SmppSettings) -> list[Field]:
    fields, count = [], len(settings.endpoints)
    for index, endpoint in enumerate(settings.endpoints, start=1):
        if endpoint.secured:
            label = _numbered("TLS endpoint", index, count)
            fields.append(_field(f"tls-{index}", label, endpoint.secured))
        if endpoint.unsecured:
            label = _numbered("Plaintext endpoint", index, count)
            shown = Text(endpoint.unsecured).append("  not encrypted", style="yellow")
            fields.append(_field(f"plain-{index}", label, endpoint.unsecured, shown))
    return fields


def overview_fields(
    settings: SmppSettings, service: ServiceInfo | None, me: Me | None
) -> list[Field]:
    """SystemID first: it is what an SMPP client is configured with, with the endpoints."""
    fields = [_field("system_id", "SystemID", settings.system_id)]
    fields += endpoint_fields(settings)
    if settings.windowing is not None:
        fields.append(_field("windowing", "Windowing", f"{settings.windowing} messages in flight"))
    if settings.throughput is not None:
        fields.append(_field("throughput", "Throughput", f"{settings.throughput} messages/s"))
    meaning = words.smpp_status_meaning(settings.status)
    fields.append(_field("status", "SMPP status", settings.status, meaning))
    if service is not None and service.expiration is not None:
        fields.append(_field("expiration", "Service expires", service.expiration.isoformat()))
    if me is not None:
        fields.append(_field("email", "New passwords go to", me.email))
    return fields


class OverviewPane(Vertical):
    """The fields, a note on the plaintext endpoint, and why nothing shows when it cannot."""

    def __init__(self) -> None:
        super().__init__()
        self._fields: dict[str, Field] = {}

    def compose(self) -> ComposeResult:
        yield KeyedTable((Column("field", "Field"), Column("value", "Value")), id="fields")
        yield Static("", id="overview-note")

    @property
    def table(self) -> KeyedTable:
        return self.query_one("#fields", KeyedTable)

    def show(self, fields: list[Field], note: Text) -> None:
        self._fields = {field.key: field for field in fields}
        self.table.show_rows([field.row for field in fields])
        self.query_one("#overview-note", Static).update(note)

    @property
    def fields(self) -> list[Field]:
        """The fields shown, in order."""
        return list(self._fields.values())

    @property
    def current_field(self) -> Field | None:
        key = self.table.current_key
        return None if key is None else self._fields.get(key)
