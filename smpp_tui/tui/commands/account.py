"""One account's screen: its tabs, and what each tab offers."""

from smpp_tui.tui.commands.command import Command

TABS = (
    ("overview", "Overview"),
    ("ips", "IPs"),
    ("senders", "Senders"),
    ("credits", "Credits"),
    ("history", "History"),
)


def _tab(number: int, tab: str, label: str) -> Command:
    return Command(
        f"account.tab_{tab}",
        str(number),
        f"tab('{tab}')",
        label,
        title=f"{label} tab",
        help=f"Show the account's {label} tab",
        footer=False,
    )


COPY = Command(
    "account.copy",
    "c,y",
    "copy",
    "Copy",
    title="Copy field",
    help="Copy the field under the cursor to your clipboard (OSC 52, also over SSH)",
    tab="overview",
)
REVEAL = Command(
    "account.reveal",
    "v",
    "reveal",
    "Reveal",
    title="Reveal field",
    help="Show the field under the cursor alone, to select it",
    tab="overview",
)
REGENERATE = Command(
    "account.regenerate_password",
    "R",
    "regenerate",
    "New password",
    title="New SMPP password",
    help="Regenerate the SMPP password; OVHcloud e-mails it",
    tab="overview",
    writes=True,
)
CLIENT_CONFIGS = Command(
    "account.client_configs",
    "C",
    "client_configs",
    "Configs",
    title="Client configurations",
    help="Ready-to-paste Kannel, Jasmin and smpplib configurations for this account",
    tab="overview",
)
CONNECTION_TEST = Command(
    "account.connection_test",
    "b",
    "connection_test",
    "Test",
    title="SMPP connection test",
    help="Bind to the SMSC with the password you type: each step timed, a failure explained",
    tab="overview",
)
ADD_IPS = Command(
    "account.add_ips",
    "a",
    "add_ips",
    "Add IPs",
    title="Add allowed IPs",
    help="Allow one or several IPv4 addresses to bind",
    tab="ips",
    writes=True,
)
REMOVE_IP = Command(
    "account.remove_ip",
    "d,delete",
    "remove_ip",
    "Remove IP",
    title="Remove allowed IP",
    help="Stop allowing the address under the cursor",
    tab="ips",
    writes=True,
)
REQUEST_SENDER = Command(
    "account.request_sender",
    "a",
    "request_sender",
    "Request",
    title="Request a sender",
    help="Ask OVHcloud's moderator for a new sender name or number",
    tab="senders",
    writes=True,
)
DELETE_SENDER = Command(
    "account.delete_sender",
    "d,delete",
    "delete_sender",
    "Delete",
    title="Delete sender",
    help="Delete the sender under the cursor",
    tab="senders",
    writes=True,
)
SHOW_SENDER = Command(
    "senders.show",
    "enter",
    "select_cursor",
    "Details",
    title="Sender details",
    help="Show the sender under the cursor whole, the moderator's comment included",
)
EDIT_RECHARGE = Command(
    "account.edit_recharge",
    "e",
    "edit_recharge",
    "Recharge",
    title="Edit automatic recharge",
    help="Buy a pack of credits by itself when fewer than a threshold are left, or never",
    tab="credits",
    writes=True,
)
TRANSFER = Command(
    "account.transfer",
    "t",
    "transfer",
    "Transfer",
    title="Transfer credits",
    help="Move credits to another SMS account of this customer",
    tab="credits",
    writes=True,
)
FILTER_HISTORY = Command(
    "account.filter_history",
    "slash",
    "filter_history",
    "Filter",
    title="Filter the history",
    help="Choose the period, sender, receiver and delivery state the history shows",
    tab="history",
)


def _way(way: str, key: str, label: str, did: str) -> Command:
    """Show the SMS sent, or received: named in the tab's heading, not the footer."""
    return Command(
        f"account.history_{label.lower()}",
        key,
        f"history_way('{way}')",
        label,
        title=f"{label} SMS",
        help=f"Show the SMS the account {did}",
        tab="history",
        footer=False,
    )


SENT = _way("outgoing", "o", "Sent", "sent")
RECEIVED = _way("incoming", "i", "Received", "received (replies)")
EXPORT_HISTORY = Command(
    "account.export_history",
    "x",
    "export_history",
    "Export",
    title="Export the history to CSV",
    help="Write the SMS the filter selects to a CSV file",
    tab="history",
)
DELETE_SMS = Command(
    "account.delete_sms",
    "d,delete",
    "delete_sms",
    "Delete",
    title="Delete SMS",
    help="Delete the SMS under the cursor from the history",
    tab="history",
    writes=True,
)
SHOW_SMS = Command(
    "history.show",
    "enter",
    "select_cursor",
    "Details",
    title="SMS details",
    help="Show the SMS under the cursor whole: its text, every code and what it means",
)
ACCOUNT_SCREEN = (
    *(_tab(number, tab, label) for number, (tab, label) in enumerate(TABS, start=1)),
    COPY,
    REVEAL,
    REGENERATE,
    CLIENT_CONFIGS,
    CONNECTION_TEST,
    ADD_IPS,
    REMOVE_IP,
    REQUEST_SENDER,
    DELETE_SENDER,
    EDIT_RECHARGE,
    TRANSFER,
    FILTER_HISTORY,
    SENT,
    RECEIVED,
    EXPORT_HISTORY,
    DELETE_SMS,
)
