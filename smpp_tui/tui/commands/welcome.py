"""The welcome screen's ways in, for someone with no profile yet."""

from smpp_tui.tui.commands.command import Command

DEMO = Command(
    "welcome.demo",
    "d",
    "demo",
    "Try the demo",
    help="Run on a built-in OVHcloud simulator with sample accounts: nothing leaves this machine",
)
CONNECT = Command(
    "welcome.connect",
    "c",
    "connect",
    "Connect",
    title="Connect an OVHcloud account",
    help="Create an API key with only the rights smpp-tui uses (validated in a browser)",
)
USE_OVH_CONF = Command(
    "welcome.ovh_conf",
    "o",
    "ovh_conf",
    "Use ovh.conf",
    title="Use the ovh.conf found",
    help="Use the API keys of the ovh.conf or OVH_* variables found (remembered as a profile)",
)
WELCOME_SCREEN = (DEMO, CONNECT, USE_OVH_CONF)
