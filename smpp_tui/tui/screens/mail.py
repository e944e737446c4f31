"""The demo's mail (`m`): what the simulated OVHcloud e-mailed, newest first. The selected
mail shows below the list with its password masked; `enter` reads it whole, `c` copies the
password. A real account's mail goes to the user's own mailbox, never here."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from smpp_tui.api.text import clean
from smpp_tui.session.mail import PASSWORD_LINE, DemoMail
from smpp_tui.tui import words
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands import bindings, key_of
from smpp_tui.tui.commands.mail import COPY_PASSWORD, MAIL_SCREEN, OPEN_MAIL
from smpp_tui.tui.screens.base import SmppScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.widgets.footer import KeysFooter
from smpp_tui.tui.widgets.keyed_table import Column, KeyedTable, Row

COLUMNS = (Column("sent", "Sent", 16), Column("to", "To"), Column("subject", "Subject"))


class MailTable(KeyedTable):
    # The table has enter before the screen: its own binding, named, shows in the footer.
    BINDINGS = bindings(OPEN_MAIL)


class MailScreen(SmppScreen):
    DECLARED = MAIL_SCREEN
    BINDINGS = bindings(*DECLARED)
    APP_ACTIONS_OFF = ("mail", "refresh")  # already here; read again each time it is shown

    def __init__(self) -> None:
        super().__init__()
        self._mails: dict[str, DemoMail] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Mail sent by the demo's OVHcloud", style="bold"), id="mail-title")
        yield MailTable(COLUMNS, id="mails")
        yield Static("", id="mail-body")
        yield KeysFooter()

    @property
    def table(self) -> KeyedTable:
        return self.query_one(MailTable)

    def on_screen_resume(self) -> None:
        self.show_mails()

    def show_mails(self) -> None:
        """Read the mailbox again (a mail arrives as a password is regenerated)."""
        mailbox = self.smpp_app.session.mailbox
        mails = mailbox.mails() if mailbox is not None else []
        # Oldest first is 1: a mail keeps its key as newer ones arrive above it.
        self._mails = {str(len(mails) - index): mail for index, mail in enumerate(mails)}
        self.table.show_rows([self._row(key, mail) for key, mail in self._mails.items()])
        self._show_selected()

    def _row(self, key: str, mail: DemoMail) -> Row:
        cells = (Text(words.when(mail.sent)), words.plain(mail.to), words.plain(mail.subject))
        return Row(key, cells)

    @property
    def selected(self) -> DemoMail | None:
        key = self.table.current_key
        return None if key is None else self._mails.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        mail = self.selected
        if mail is None:
            regenerate = "R on an account's Overview"
            shown = Text(f"No mail yet: {regenerate} asks for a new SMPP password.", "dim")
        else:
            masked = PASSWORD_LINE.sub("Password: ••••••••", mail.body)
            shown = words.plain(masked).append(
                f"\n{key_of(self, OPEN_MAIL)} shows it whole;"
                f" {key_of(self, COPY_PASSWORD)} copies the password.",
                style="dim",
            )
        self.query_one("#mail-body", Static).update(shown)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        mail = self.selected
        if mail is not None:
            rows = [("From", Text("OVHcloud (simulated)")), ("To", words.plain(mail.to))]
            rows += [("Sent", Text(words.when(mail.sent, seconds=True)))]
            rows += [("", words.plain(mail.body))]
            self.smpp_app.push_screen(DetailsScreen(clean(mail.subject), rows))

    def action_copy_password(self) -> None:
        mail = self.selected
        password = mail.password if mail is not None else None
        if mail is None or password is None:
            self.smpp_app.notify("No password in this mail.", severity="warning")
            return
        copy(self.smpp_app, password, f"the new password of {clean(mail.account)}")
