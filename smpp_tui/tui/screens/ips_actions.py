"""The IPs tab's actions: allow addresses, stop allowing one."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.api.models import ALLOWED_IPS_LIMIT
from smpp_tui.store.resources import ips_key
from smpp_tui.tui import words
from smpp_tui.tui.commands import key_of
from smpp_tui.tui.commands.account import REMOVE_IP
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.add_ips import AddIpsScreen
from smpp_tui.tui.screens.base import ACTION_FAILURES
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.widgets.ips import IpsPane


class IpsActions(AccountTab):
    def action_add_ips(self, prefill: str = "") -> None:
        allowed = self.smpp_app.store.snapshot.value(ips_key(self.account))
        if allowed is not None and len(allowed.ips) >= allowed.limit:
            # Said before any form: nothing typed there could be added.
            self.say(
                f"{self.account} allows {allowed.limit} IPs and is full ({allowed.quota}):"
                f" remove one first ({key_of(self, REMOVE_IP)}).",
                "warning",
            )
            return
        quota = allowed.quota if allowed is not None else f"?/{ALLOWED_IPS_LIMIT}"
        self.smpp_app.push_screen(AddIpsScreen(self.account, quota, self._add_ips, prefill))

    async def _add_ips(self, text: str) -> str | None:
        try:
            ips = await self.smpp_app.call(self.smpp_app.actions.allow_ips, self.account, text)
        except ACTION_FAILURES as error:
            return words.failure(error)
        self.say(f"Allowed {', '.join(ips)} on {self.account}; OVHcloud applies it now.")
        return None

    def action_remove_ip(self) -> None:
        ip = self.query_one(IpsPane).table.current_key
        if ip is None:
            return
        body = Text.assemble(
            "SMPP clients binding to ",
            (self.account, "bold"),
            " from ",
            (ip, "bold"),
            " will be refused once OVHcloud has applied the change.",
        )
        self.confirm_then_run(
            ConfirmScreen(f"Remove {ip}?", body, "Remove"),
            self.smpp_app.actions.remove_allowed_ip,
            self.account,
            ip,
            done=f"Removed {ip} from {self.account}; OVHcloud applies it now.",
            failure=f"{ip} is still allowed on {self.account}",
        )
