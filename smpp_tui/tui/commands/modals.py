"""The dialogs: confirm, add IPs, the keys, a revealed value."""

from smpp_tui.tui.commands.command import Command

YES = Command("confirm.yes", "y", "answer(True)", "Confirm", help="Do it")
NO = Command("confirm.no", "n,escape", "answer(False)", "Cancel", help="Do nothing")
CONFIRM = (YES, NO)
CANCEL_IPS = Command("add_ips.cancel", "escape", "cancel", "Cancel", help="Add nothing")
CLOSE_HELP = Command("help.close", "escape,q,question_mark", "dismiss", "Close", help="Close")
CLOSE_REVEAL = Command("reveal.close", "escape,v,q", "dismiss", "Close", help="Close")
MODALS = (*CONFIRM, CANCEL_IPS, CLOSE_HELP, CLOSE_REVEAL)
