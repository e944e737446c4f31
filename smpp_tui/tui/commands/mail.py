"""The demo's mail: its key from every screen of a demo session, and the Mail screen's."""

from smpp_tui.tui.commands.command import Command

# The demo's simulated e-mails: from every screen of a demo session.
MAIL = Command(
    "app.mail",
    "m",
    "mail",
    "Mail",
    title="Demo mail",
    help="The e-mails the simulated OVHcloud sent (new SMPP passwords)",
)
OPEN_MAIL = Command(
    "mail.open", "enter", "select_cursor", "Open", title="Open the mail", help="Read it whole"
)
COPY_PASSWORD = Command(
    "mail.copy_password",
    "c",
    "copy_password",
    "Copy password",
    help="Copy the new SMPP password of the mail under the cursor",
)
MAIL_SCREEN = (COPY_PASSWORD,)
