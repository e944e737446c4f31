"""The dialogs: confirm, the forms, the keys, a value or a thing shown alone."""

from smpp_tui.tui.commands.command import Command

YES = Command("confirm.yes", "y", "answer(True)", "Confirm", help="Do it")
NO = Command("confirm.no", "n,escape", "answer(False)", "Cancel", help="Do nothing")
CONFIRM = (YES, NO)
CANCEL_FORM = Command("form.cancel", "escape", "cancel", "Cancel", help="Close, sending nothing")
CLOSE_HELP = Command("help.close", "escape,q,question_mark", "dismiss", "Close", help="Close")
CLOSE_REVEAL = Command("reveal.close", "escape,v,q", "dismiss", "Close", help="Close")
CLOSE_DETAILS = Command("details.close", "escape,q,enter", "dismiss", "Close", help="Close")
MODALS = (*CONFIRM, CANCEL_FORM, CLOSE_HELP, CLOSE_REVEAL, CLOSE_DETAILS)
