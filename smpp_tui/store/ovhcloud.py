"""What the app asks of OVHcloud: the part of the gateway the store uses, and nothing more.

The store's resources and actions are typed against this interface, so the type checker
refuses a call that is not listed here; the access rules a new consumer key asks for are
derived from this list (each gateway method declares its routes with `@calls`). A screen that
needs another call adds it here, and the key it asks for follows.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from smpp_tui.api.history import HistoryFilter, HistoryIds, Way
from smpp_tui.api.models import (
    Account,
    AllowedIps,
    CurrentCredential,
    Document,
    HistorySms,
    Hlr,
    Me,
    Sender,
    ServiceInfo,
    SmppSettings,
    Usage,
)


class OvhCloud(Protocol):
    @property
    def expanded_lists(self) -> bool:
        """OVHcloud sends whole pages of objects (else each must be fetched by its id)."""

    # reads

    def account_names(self) -> list[str]: ...

    def list_accounts(self) -> tuple[Account, ...]: ...

    def account(self, name: str) -> Account: ...

    def service_info(self, name: str) -> ServiceInfo: ...

    def smpp_settings(self, name: str) -> SmppSettings: ...

    def allowed_ips(self, name: str) -> AllowedIps: ...

    def senders(self, name: str) -> tuple[Sender, ...]: ...

    def sender(self, name: str, sender: str) -> Sender: ...

    def usage(self, name: str, since: datetime) -> Usage: ...

    def history_ids(self, name: str, way: Way, filters: HistoryFilter) -> HistoryIds: ...

    def history_slice(self, ids: HistoryIds, start: int, count: int) -> tuple[HistorySms, ...]: ...

    def hlr(self, name: str, sms_id: int) -> Hlr: ...

    def export_history(self, name: str, way: Way, filters: HistoryFilter) -> str: ...

    def document(self, document_id: str) -> Document: ...

    def me(self) -> Me: ...

    def current_credential(self) -> CurrentCredential: ...

    # writes

    def regenerate_password(self, name: str) -> None: ...

    def add_allowed_ips(self, name: str, ips: Iterable[str]) -> AllowedIps: ...

    def remove_allowed_ips(self, name: str, ips: Iterable[str]) -> AllowedIps: ...

    def request_sender(
        self, name: str, sender: str, reason: str, description: str = ""
    ) -> None: ...

    def delete_sender(self, name: str, sender: str) -> None: ...

    def set_automatic_recharge(self, name: str, pack: int | None, threshold: float) -> None: ...

    def transfer_credits(self, name: str, target: str, credits: float) -> None: ...

    def delete_sms(self, name: str, way: Way, sms_id: int) -> None: ...

    def logout(self) -> None: ...


def used_calls() -> list[str]:
    """The names of the gateway methods the app calls."""
    members = vars(OvhCloud).items()
    return [name for name, member in members if inspect.isfunction(member) and name[0] != "_"]
