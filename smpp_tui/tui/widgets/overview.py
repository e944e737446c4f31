"""The Overview tab: how to bind to the account, field by field, each one copyable."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.api.client_configs import host_and_port
from smpp_tui.api.models import Me, ServiceInfo, SmppSettings
from smpp_tui.tui import words
from smpp_tui.tui.widgets.fields import Field, FieldsPane, field


def _endpoint(key: str, kind: str, endpoint: str, number: str, warning: str = "") -> list[Field]:
    """The `host:port` line (`warning` after it), then its host and its port, each a field
    `c` copies alone. `number`: " 2" among several endpoints, else empty."""
    shown = words.plain(endpoint).append(warning, style="yellow")
    fields = [field(key, f"{kind} endpoint{number}", endpoint, shown)]
    apart = host_and_port(endpoint)
    if apart is not None:
        fields.append(field(f"{key}-host", f"{kind} host{number}", apart[0]))
        fields.append(field(f"{key}-port", f"{kind} port{number}", apart[1]))
    return fields


def endpoint_fields(settings: SmppSettings) -> list[Field]:
    fields: list[Field] = []
    count = len(settings.endpoints)
    for index, endpoint in enumerate(settings.endpoints, start=1):
        number = "" if count == 1 else f" {index}"
        if endpoint.secured:
            fields += _endpoint(f"tls-{index}", "TLS", endpoint.secured, number)
        if endpoint.unsecured:
            unencrypted = "  not encrypted"
            fields += _endpoint(f"plain-{index}", "Plain", endpoint.unsecured, number, unencrypted)
    return fields


def _number(key: str, label: str, value: int, unit: str) -> Field:
    """A number that copies bare (a configuration file wants `10`), its unit shown dim."""
    return field(key, label, str(value), Text(str(value)).append(f" {unit}", style="dim"))


def overview_fields(
    settings: SmppSettings, service: ServiceInfo | None, me: Me | None
) -> list[Field]:
    """SystemID first: it is what an SMPP client is configured with, with the endpoints."""
    fields = [field("system_id", "SystemID", settings.system_id)]
    fields += endpoint_fields(settings)
    if settings.windowing is not None:
        fields.append(_number("windowing", "Windowing", settings.windowing, "messages in flight"))
    if settings.throughput is not None:
        fields.append(_number("throughput", "Throughput", settings.throughput, "messages/s"))
    meaning = words.smpp_status_meaning(settings.status)
    fields.append(field("status", "SMPP status", settings.status, meaning))
    if service is not None and service.expiration is not None:
        fields.append(field("expiration", "Service expires", service.expiration.isoformat()))
    if me is not None:
        fields.append(field("email", "Passwords go to", me.email))
    return fields


class OverviewPane(FieldsPane):
    """How to bind, field by field, and a note on the plaintext endpoint."""

    def __init__(self) -> None:
        super().__init__(note_id="overview-note")
