"""How the app words what OVHcloud answers: statuses in plain words, ages, credits.

Everything from the API becomes `rich.text.Text`, never markup: a description may hold `[/]`;
and `plain` cleans it once more (the models already did), so no value can drive the terminal.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from smpp_tui.api.text import clean

# The control panel's meaning of each SMPP status, in short words that fit 80 columns, each
# with its own one-cell symbol: they read apart without colour (NO_COLOR, a monochrome theme);
# the colour is an extra, none of them dim (grey on black is what NO_COLOR leaves of dim).
SMPP_STATUS = {
    "SUCCESS": ("✓", "working", "green"),
    "WAITING_IP": ("○", "no IP yet", "yellow"),
    "UPDATING_IP": ("↻", "applying", "cyan"),
    "ERROR": ("✗", "error", "bold red"),
    "UNKNOWN": ("?", "unknown", "magenta"),
    "DELETED": ("⊘", "deleted", ""),
}
OTHER_STATUS = "●"  # a status OVHcloud added since: its own word, a symbol no other one has


def smpp_status_words(status: str) -> str:
    return SMPP_STATUS.get(status, ("", clean(status).lower(), ""))[1]


def smpp_status(status: str | None) -> Text:
    if status is None:
        return Text("…", style="dim")
    symbol, said, style = SMPP_STATUS.get(status, (OTHER_STATUS, smpp_status_words(status), ""))
    return Text(f"{symbol} {said}", style=style)


def smpp_status_sentence(account: str, status: str) -> str:
    """`smpp-dc12345-4's SMPP status is “error”: OVHcloud reports an error…`"""
    meaning = SMPP_MEANING.get(status)
    said = f"{account}'s SMPP status is “{smpp_status_words(status)}”"
    return f"{said}: {meaning}." if meaning else f"{said}."


# An account's status (OVHcloud's `enable`, `disable`): a disabled account in red (it sends
# nothing), an enabled one plain (most are).
ACCOUNT_STATUS = {"enable": ("✓ enabled", ""), "disable": ("- disabled", "red")}


def account_status(status: str) -> Text:
    said, style = ACCOUNT_STATUS.get(status, (f"{OTHER_STATUS} {clean(status)}", ""))
    return Text(said, style=style)


def plain(value: object, limit: int | None = None, style: str = "") -> Text:
    """Outside text as text: cleaned (line breaks kept), never parsed as markup, shortened with
    an ellipsis past `limit`."""
    text = "" if value is None else clean(str(value), lines=True)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text, style=style)


def credits(amount: float) -> Text:
    return Text(f"{amount:,.2f}", justify="right")


def when(moment: datetime | None, seconds: bool = False) -> str:
    """A moment in the user's time zone: `2026-11-30 14:03` (`:27` with `seconds`)."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def age(seconds: float) -> str:
    """`just now`, `2 min ago`, `3 h ago`: coarse on purpose, so it changes rarely."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    return f"{minutes // 60} h ago"


def age_changes_in(seconds: float) -> float:
    """Seconds until `age(seconds)` says something else: the next minute, or the next hour."""
    step = 60.0 if seconds < 3600 else 3600.0
    return step - seconds % step


# What each SMPP status means for the user, as the control panel explains it.
SMPP_MEANING = {
    "SUCCESS": "SMPP clients can bind from the allowed IPs",
    "WAITING_IP": "the service cannot work until you allow an IP (IPs tab)",
    "UPDATING_IP": "a change of the allowed IPs is being applied",
    "ERROR": "OVHcloud reports an error on this account; contact its support",
    "UNKNOWN": "OVHcloud does not know the state of this account",
    "DELETED": "the SMPP access of this account was deleted",
}


def smpp_status_meaning(status: str) -> Text:
    line = smpp_status(status)
    line.append(f"  {SMPP_MEANING.get(status, '')}", style="")
    return line


# A sender's status: a symbol and words, so that it reads without colour.
SENDER_STATUS = {
    "waitingValidation": ("○ waiting", "yellow"),
    "enable": ("✓ enabled", "green"),
    "refused": ("✗ refused", "red"),
    "disable": ("- disabled", ""),
}


def sender_status(status: str) -> Text:
    said, style = SENDER_STATUS.get(status, (clean(status), ""))
    return Text(said, style=style)


def recharge(pack: int | None, threshold: float) -> str:
    """The automatic recharge in words."""
    if pack is None:
        return "off"
    return f"when below {threshold:,.0f} credits, buy a pack of {pack:,}"


def copied(what: str, shows: str = "") -> str:
    """The one-line notice of a copy: OSC 52 gives no receipt, so it names what to press
    (`shows`) to see the value and select it when the copy did not arrive."""
    return f"Copied {what} · {shows} shows it" if shows else f"Copied {what} (OSC 52)"


def failure(error: Exception) -> str:
    """Why a write failed, in the error's words, with OVHcloud's query id (support asks it)."""
    query_id = getattr(error, "query_id", None)
    return clean(f"{error} (OVHcloud query id {query_id})" if query_id else str(error))
