"""Copying: the text goes to the terminal as OSC 52, which puts it on the clipboard of the
user's own machine, also over SSH. The terminal gives no receipt, so the notice says what was
copied and (`shows`) which key shows it to select by hand. Each copy's notice takes the place
of the previous copy's, so copies in a row do not stack; other notices stay."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.notifications import Notification, Notify

from smpp_tui.api.text import clean
from smpp_tui.tui import words

# The last copy notice of each app (tests run several apps in one process).
_last_notice: WeakKeyDictionary[App[Any], Notification] = WeakKeyDictionary()


def copy(app: App[Any], value: str, what: str, shows: str = "", *, lines: bool = False) -> None:
    """`lines`: the value is several lines (a configuration), kept as they are."""
    app.copy_to_clipboard(clean(value, lines=lines))
    previous = _last_notice.pop(app, None)
    if previous is not None:
        # Textual takes back one notice only privately (pinned: textual==8.2.8);
        # `clear_notifications` would also take back a warning the user has not read.
        app._unnotify(previous)
    notice = Notification(words.copied(what, shows), timeout=app.NOTIFICATION_TIMEOUT)
    app.post_message(Notify(notice))
    _last_notice[app] = notice
