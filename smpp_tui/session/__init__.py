"""The wiring: what builds and runs one session of the app. A profile, the demo's in-process
simulator or an API URL gives a gateway; the gateway feeds a store kept fresh by a poller; the
store's actions write through the gateway and record each write in the audit log.

Below the Textual app and above `api`, `store` and `config`; never imports Textual.
"""

from smpp_tui.session.live import Live
from smpp_tui.session.open import open_session, profile_session
from smpp_tui.session.session import Session

__all__ = ["Live", "Session", "open_session", "profile_session"]
