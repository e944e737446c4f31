"""The Credits tab: what is left, what the automatic recharge does, what the last 30 days used
and how long the balance lasts at that rate, and the service's expiry."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.api.models import Account, ServiceInfo, Usage
from smpp_tui.store.resources import USAGE_DAYS
from smpp_tui.tui import words
from smpp_tui.tui.widgets.fields import Field, FieldsPane, field


def balance(account: Account, low_level: float) -> Field:
    shown = Text(f"{account.credits_left:,.2f}", style="bold")
    if account.runs_low(low_level):
        under = account.recharge_threshold if account.recharges else low_level
        shown.append(f"  ⚠ running out: under {under:,.0f}", style="bold yellow")
    return field("credits", "Credits left", f"{account.credits_left:.2f}", shown)


def usage_fields(account: Account, usage: Usage) -> list[Field]:
    if usage.credits is None:
        said = f"{usage.messages:,} SMS sent (their credits are not known: OVHcloud sent ids only)"
        return [field("usage", f"Last {USAGE_DAYS} days", said)]
    said = f"{usage.messages:,} SMS sent, {usage.credits:,.2f} credits"
    fields = [field("usage", f"Last {USAGE_DAYS} days", said)]
    if usage.credits > 0:
        days = account.credits_left / (usage.credits / USAGE_DAYS)
        fields.append(field("lasts", "At that rate", f"about {days:,.0f} days of credits left"))
    return fields


def service_fields(service: ServiceInfo) -> list[Field]:
    fields = []
    if service.expiration is not None:
        fields.append(field("expiration", "Service expires", service.expiration.isoformat()))
    if service.automatic_renewal is not None:
        renewal = "automatic" if service.automatic_renewal else "manual: renew it before it expires"
        fields.append(field("renewal", "Renewal", renewal))
    return fields


def credit_fields(
    account: Account, service: ServiceInfo | None, usage: Usage | None, low_level: float
) -> list[Field]:
    fields = [balance(account, low_level)]
    if account.users_with_quota or account.credits_held_by_quota:
        held = f"{account.credits_held_by_quota:,.2f} ({account.users_with_quota} users)"
        fields.append(field("quota", "Held by quota", held))
    recharge = words.recharge(account.recharge_pack, account.recharge_threshold)
    fields.append(field("recharge", "Automatic recharge", recharge))
    if usage is not None:
        fields += usage_fields(account, usage)
    if service is not None:
        fields += service_fields(service)
    return fields


class CreditsPane(FieldsPane):
    def __init__(self) -> None:
        super().__init__(note_id="credits-note")
