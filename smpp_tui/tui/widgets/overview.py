"""The Overview tab: how to bind to the account, field by field, each one copyable."""

from __future__ import annotations

from smpp_tui.api.models import Me, ServiceInfo, SmppSettings
from smpp_tui.tui import words
from smpp_tui.tui.widgets.fields import Field, FieldsPane, field


def _numbered(label: str, index: int, count: int) -> str:
    return label if count == 1 else f"{label} {index}"


def endpoint_fields(settings: SmppSettings) -> list[Field]:
    fields, count = [], len(settings.endpoints)
    for index, endpoint in enumerate(settings.endpoints, start=1):
        if endpoint.secured:
            label = _numbered("TLS endpoint", index, count)
            fields.append(field(f"tls-{index}", label, endpoint.secured))
        if endpoint.unsecured:
            label = _numbered("Plaintext endpoint", index, count)
            shown = words.plain(endpoint.unsecured).append("  not encrypted", style="yellow")
            fields.append(field(f"plain-{index}", label, endpoint.unsecured, shown))
    return fields


def overview_fields(
    settings: SmppSettings, service: ServiceInfo | None, me: Me | None
) -> list[Field]:
    """SystemID first: it is what an SMPP client is configured with, with the endpoints."""
    fields = [field("system_id", "SystemID", settings.system_id)]
    fields += endpoint_fields(settings)
    if settings.windowing is not None:
        fields.append(field("windowing", "Windowing", f"{settings.windowing} messages in flight"))
    if settings.throughput is not None:
        fields.append(field("throughput", "Throughput", f"{settings.throughput} messages/s"))
    meaning = words.smpp_status_meaning(settings.status)
    fields.append(field("status", "SMPP status", settings.status, meaning))
    if service is not None and service.expiration is not None:
        fields.append(field("expiration", "Service expires", service.expiration.isoformat()))
    if me is not None:
        fields.append(field("email", "New passwords go to", me.email))
    return fields


class OverviewPane(FieldsPane):
    """How to bind, field by field, and a note on the plaintext endpoint."""

    def __init__(self) -> None:
        super().__init__(note_id="overview-note")
