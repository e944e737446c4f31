"""The only code of the app that talks to OVHcloud: a typed gateway over `ovh.Client`.

Never imports Textual nor the simulator (a test checks it).
"""

from smpp_tui.api.connection import DEFAULT_TIMEOUT, ApplicationKey, OAuth2Client, build_client
from smpp_tui.api.gateway import Gateway
from smpp_tui.api.history import HistoryFilter

__all__ = [
    "DEFAULT_TIMEOUT",
    "ApplicationKey",
    "Gateway",
    "HistoryFilter",
    "OAuth2Client",
    "build_client",
]
