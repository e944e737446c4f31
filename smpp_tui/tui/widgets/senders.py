"""The Senders tab: the names and numbers the account sends from, those waiting for OVHcloud's
moderator first, and under the table what the moderator said of the one under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from smpp_tui.api.models import Sender
from smpp_tui.tui import commands, words
from smpp_tui.tui.commands.account import SHOW_SENDER
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row

COLUMNS = (
    Column("sender", "Sender"),
    Column("type", "Type", 9),  # the longest: shortcode
    Column("status", "Status", 11),  # the longest: "- disabled"
    Column("comment", "Moderator's comment"),
    Column("description", "Description"),
)
COMMENT_WIDTH = 36  # in the table; the line under it says it whole
ORDER = {"waitingValidation": 0, "refused": 1, "enable": 2, "disable": 3}


def sender_rows(senders: tuple[Sender, ...]) -> list[Row]:
    """Waiting ones first (they are what changes), then refused, enabled, disabled."""
    ordered = sorted(senders, key=lambda s: (ORDER.get(s.status, 4), s.sender.casefold()))
    return [
        Row(
            s.sender,
            (
                words.plain(s.sender),
                words.plain(s.type, style="dim"),
                words.sender_status(s.status),
                words.plain(s.comment, limit=COMMENT_WIDTH),
                words.plain(s.description),
            ),
        )
        for s in ordered
    ]


def verdict(sender: Sender) -> Text:
    """What there is to know of a sender beyond its row: the moderator's words, whole."""
    if sender.status == "waitingValidation":
        return Text("Waiting for OVHcloud's moderator; its status follows by itself.", "yellow")
    said = words.plain(f"{sender.sender}: ", style="bold")
    if sender.status == "refused":
        said.append("refused by the moderator: ", style="red")
    return said.append_text(words.plain(sender.comment or "no comment from the moderator"))


def senders_heading(senders: tuple[Sender, ...] | None, request_key: str) -> Text:
    """`request_key`: the key that requests one here (empty where none can be)."""
    if senders is None:
        return Text("Senders …", style="bold")
    heading = Text(f"Senders {len(senders)}", style="bold")
    waiting = sum(1 for sender in senders if sender.status == "waitingValidation")
    if waiting:
        heading.append(f" · {waiting} waiting for the moderator", style="yellow")
    if not senders and request_key:
        heading.append(f"\nNo sender yet: {request_key} requests one.")
    return heading


class SendersTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = commands.bindings(SHOW_SENDER)


class SendersPane(Vertical):
    def __init__(self) -> None:
        super().__init__()
        self._senders: dict[str, Sender] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="senders-heading")
        yield SendersTable(COLUMNS, id="senders-table")
        yield Static("", id="sender-verdict")

    @property
    def table(self) -> SendersTable:
        return self.query_one(SendersTable)

    @property
    def current(self) -> Sender | None:
        key = self.table.current_key
        return None if key is None else self._senders.get(key)

    def show(self, senders: tuple[Sender, ...] | None, problem: Text, request_key: str) -> None:
        heading = senders_heading(senders, request_key)
        if problem.plain:
            heading.append("\n").append_text(problem)
        self.query_one("#senders-heading", Static).update(heading)
        self._senders = {sender.sender: sender for sender in senders or ()}
        self.table.show_rows(sender_rows(senders or ()))
        self._show_verdict()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_verdict()

    def _show_verdict(self) -> None:
        current = self.current
        self.query_one("#sender-verdict", Static).update(
            verdict(current) if current is not None else ""
        )
