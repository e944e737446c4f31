"""The profiles screen and the connect flow."""

from smpp_tui.tui.commands.command import Command

USE = Command(
    "profiles.use",
    "enter",
    "select_cursor",
    "Use",
    title="Use profile",
    help="Switch to the profile under the cursor",
)
PROFILES_SCREEN = (
    Command(
        "profiles.new", "n", "new", "New", title="New profile", help="Connect an OVHcloud account"
    ),
    Command(
        "profiles.remove",
        "x,delete",
        "remove",
        "Remove",
        title="Remove profile",
        help="Remove the profile under the cursor, and revoke its key if you wish",
    ),
)
COPY_URL = Command(
    "connect.copy_url",
    "c",
    "copy_url",
    "Copy URL",
    title="Copy the validation URL",
    help="Copy the address where the key is validated",
)
BACK_TO_FORM = Command(
    "connect.back",
    "escape",
    "back_to_form",
    "Back",
    title="Back to the form",
    help="Stop waiting and change the form",
)
CONNECT_SCREEN = (COPY_URL, BACK_TO_FORM)
