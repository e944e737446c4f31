"""The history filter as the user types it, read into a `HistoryQuery`, and back.

Every field takes a word or its start ("y" is yesterday, "fail" is failed), so that a filter
is a few keys: the form completes what is typed.
"""

from __future__ import annotations

import re
from datetime import date

from smpp_tui.api.errors import InvalidInput
from smpp_tui.api.history import Way
from smpp_tui.store.history import STATE_CHOICES, HistoryQuery

PERIOD_WORDS = ("today", "yesterday", "7 days", "30 days", "all")
_DATES = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|to|-)\s*(\d{4}-\d{2}-\d{2}))?", re.ASCII)
_PERIODS_ACCEPTED = (
    "today, yesterday, 7 days, 30 days, all, a day such as 2026-11-30, or two days such as"
    " 2026-11-01 to 2026-11-30"
)


def query_from_form(way: Way, period: str, receiver: str, state: str, sender: str) -> HistoryQuery:
    """The query the form's fields say; InvalidInput says what is wrong and what is accepted."""
    chosen, first, last = _period(period.strip())
    return HistoryQuery(
        way=way,
        period=chosen,
        first=first,
        last=last,
        sender=sender.strip(),
        receiver=international("".join(receiver.split())) if way == "outgoing" else "",
        state=_word(state.strip() or "any", STATE_CHOICES, "delivery state")
        if way == "outgoing"
        else "any",
    )


def form_values(query: HistoryQuery) -> dict[str, str]:
    """The fields that show `query`, to start the form from the filter in force."""
    if query.period == "dates":
        period = str(query.first) if query.first == query.last else f"{query.first} to {query.last}"
    else:
        period = query.period
    return {
        "period": period,
        "receiver": query.receiver,
        "state": query.state,
        "sender": query.sender,
    }


def international(typed: str) -> str:
    """Numbers are international on OVHcloud: 33612345678 is +33612345678."""
    return f"+{typed}" if typed[:1].isdigit() else typed


def _period(text: str) -> tuple[str, date | None, date | None]:
    folded = " ".join(text.casefold().split())
    if folded.isdigit() and f"{folded} days" in PERIOD_WORDS:
        return f"{folded} days", None, None
    dates = _DATES.fullmatch(folded)
    if dates is None:
        return _word(folded, PERIOD_WORDS, "period", _PERIODS_ACCEPTED), None, None
    first = _day(dates.group(1))
    last = _day(dates.group(2)) if dates.group(2) else first
    return "dates", first, last


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"{text} is not a day: give it as year-month-day, such as 2026-11-30"
        ) from None


def _word(typed: str, choices: tuple[str, ...], what: str, accepted: str = "") -> str:
    """The choice `typed` is, or starts (uniquely)."""
    folded = typed.casefold()
    starting = [choice for choice in choices if choice.startswith(folded)] if folded else []
    if folded in choices:
        return folded
    if len(starting) == 1:
        return starting[0]
    shown = repr(typed[:40]) if typed else "nothing"
    raise InvalidInput(f"{shown} is not a {what}: give {accepted or ', '.join(choices)}")
