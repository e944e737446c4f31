"""The Senders tab's actions: request a sender, delete one, show one whole."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from smpp_tui.api.models import Sender
from smpp_tui.tui import words
from smpp_tui.tui.screens.account_tab import AccountTab
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.sender_form import RequestSenderScreen
from smpp_tui.tui.widgets.senders import SendersPane, SendersTable


def sender_details(sender: Sender) -> list[tuple[str, Text]]:
    return [
        ("Sender", words.plain(sender.sender)),
        ("Type", words.plain(sender.type or "not said")),
        ("Status", words.sender_status(sender.status)),
        ("Moderator's comment", words.plain(sender.comment or "none")),
        ("Description", words.plain(sender.description or "none")),
        ("Origin", words.plain(sender.referer or "not said")),
    ]


class SendersActions(AccountTab):
    def action_request_sender(self) -> None:
        self.smpp_app.push_screen(RequestSenderScreen(self.account, self._request_sender))

    async def _request_sender(self, sender: str, description: str, reason: str) -> str | None:
        actions = self.smpp_app.actions
        args = (self.account, sender, description, reason)
        problem = await self.tried(actions.request_sender, *args)
        if problem is None:
            self.say(f"Sender {sender} requested on {self.account}: it waits for the moderator.")
        return problem

    def action_delete_sender(self) -> None:
        sender = self.query_one(SendersPane).current
        if sender is None:
            return
        body = Text.assemble(
            "SMS can no longer be sent from ",
            (sender.sender, "bold"),
            " on ",
            (self.account, "bold"),
            ". Asking for it again means waiting for the moderator again.",
        )
        name = sender.sender
        self.confirm_then_run(
            ConfirmScreen(f"Delete {name}?", body, "Delete"),
            self.smpp_app.actions.delete_sender,
            self.account,
            name,
            done=f"Sender {name} deleted from {self.account}.",
            failure=f"{name} is still a sender of {self.account}",
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if isinstance(event.data_table, SendersTable):
            event.stop()
            sender = self.query_one(SendersPane).current
            if sender is not None:
                self.smpp_app.push_screen(
                    DetailsScreen(f"Sender {sender.sender}", sender_details(sender))
                )
