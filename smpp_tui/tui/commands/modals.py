"""The dialogs: confirm, the forms, the keys, a value or a thing shown alone."""

from smpp_tui.tui.commands.command import Command

YES = Command("confirm.yes", "y", "answer(True)", "Confirm", help="Do it")
NO = Command("confirm.no", "n,escape", "answer(False)", "Cancel", help="Do nothing")
CONFIRM = (YES, NO)
CANCEL_FORM = Command("form.cancel", "escape", "cancel", "Cancel", help="Close, sending nothing")
CLOSE_HELP = Command("help.close", "escape,q,question_mark", "dismiss", "Close", help="Close")
CLOSE_REVEAL = Command("reveal.close", "escape,v,q", "dismiss", "Close", help="Close")
CLOSE_DETAILS = Command("details.close", "escape,q,enter", "dismiss", "Close", help="Close")
CANCEL_EXPORT = Command(
    "export.cancel",
    "escape",
    "cancel",
    "Cancel",
    help="Stop the export; the partial file is removed (closes once it is done)",
)
COPY_PATH = Command("export.copy", "c", "copy_path", "Copy path", help="Copy the file's path")
EXPORT = (CANCEL_EXPORT, COPY_PATH)
COPY_ERROR = Command(
    "error.copy",
    "c,y",
    "copy",
    "Copy",
    title="Copy the error",
    help="Copy OVHcloud's message and query id (its support asks for the query id)",
)
CLOSE_ERROR = Command("error.close", "escape,enter,q", "dismiss", "Close", help="Close")
ERROR = (COPY_ERROR, CLOSE_ERROR)


def _config(number: int, tool: str) -> Command:
    return Command(
        f"configs.{tool.lower()}",
        str(number),
        f"show({number - 1})",
        tool,
        help=f"Show the {tool} configuration",
    )


CONFIG_TOOLS = tuple(_config(n, tool) for n, tool in enumerate(("Kannel", "Jasmin", "smpplib"), 1))
COPY_CONFIG = Command("configs.copy", "c,y", "copy", "Copy", help="Copy the configuration shown")
CONFIG_ENDPOINT = Command(
    "configs.endpoint",
    "t",
    "switch_endpoint",
    "TLS/plain",
    help="Switch between the TLS endpoint and the plaintext one",
)
CLOSE_CONFIGS = Command("configs.close", "escape,q", "dismiss", "Close", help="Close")
CONFIGS = (*CONFIG_TOOLS, COPY_CONFIG, CONFIG_ENDPOINT, CLOSE_CONFIGS)


def _scrolls(dialog: str) -> tuple[Command, ...]:
    """Moving in a dialog that can be longer than a small terminal (`?`'s list of keys, the
    client configurations): the same keys in each, each dialog's own ids."""
    moves = (
        ("down", "j,down", "Scroll down"),
        ("up", "k,up", "Scroll up"),
        ("page_down", "pagedown,space", "Next page"),
        ("page_up", "pageup", "Previous page"),
        ("home", "g,home", "Top"),
        ("end", "G,end", "Bottom"),
    )
    return tuple(
        Command(
            f"{dialog}.{way}",
            keys,
            f"scroll_dialog('{way}')",
            label,
            help=label,
            footer=False,
            palette=False,
        )
        for way, keys, label in moves
    )


HELP_SCROLL = _scrolls("help")
CONFIGS_SCROLL = _scrolls("configs")
TEST_AGAIN = Command(
    "bind_test.again", "enter", "run", "Test again", help="Run the test again, same password"
)
NEXT_ENDPOINT = Command(
    "bind_test.next_endpoint", "down", "endpoint(1)", "Endpoint", help="Test the next endpoint"
)
PREVIOUS_ENDPOINT = Command(
    "bind_test.previous_endpoint",
    "up",
    "endpoint(-1)",
    "Endpoint",
    help="Test the previous endpoint",
    footer=False,
)
ALLOW_ADDRESS = Command(
    "bind_test.allow_ip",
    "a",
    "allow_address",
    "Allow this IP",
    help="Allow the address this machine binds from (after a connection closed unanswered)",
    writes=True,
)
EDIT_PASSWORD = Command(
    "bind_test.password", "p", "edit_password", "Password", help="Type the password again"
)
CLOSE_TEST = Command(
    "bind_test.close", "escape", "dismiss", "Close", help="Close; the password typed is forgotten"
)
BIND_TEST = (TEST_AGAIN, NEXT_ENDPOINT, PREVIOUS_ENDPOINT, ALLOW_ADDRESS, EDIT_PASSWORD, CLOSE_TEST)
MODALS = (
    *CONFIRM,
    CANCEL_FORM,
    CLOSE_HELP,
    CLOSE_REVEAL,
    CLOSE_DETAILS,
    *EXPORT,
    *HELP_SCROLL,
    *ERROR,
    *CONFIGS,
    *CONFIGS_SCROLL,
    *BIND_TEST,
)
