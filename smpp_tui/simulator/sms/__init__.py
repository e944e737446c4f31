"""The simulated OVHcloud SMS service: accounts, SMPP settings, senders, credits, history.

Pure state and rules; the HTTP side lives in `smpp_tui.simulator.routes.sms_*`. Time-based
transitions are computed from timestamps against the world's clock, with their delays in
`SmsBehaviour` (`world.sms.behaviour`).
"""

from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.behaviour import SmsBehaviour
from smpp_tui.simulator.sms.outbox import Mail
from smpp_tui.simulator.sms.state import SmsState

__all__ = ["Mail", "SmsAccount", "SmsBehaviour", "SmsState"]
