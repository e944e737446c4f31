"""Moments as OVHcloud writes and reads them: ISO 8601 with a UTC offset."""

from __future__ import annotations

from datetime import UTC, date, datetime

from smpp_tui.simulator import errors

DAY = 86_400.0


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def iso_or_none(moment: float | None) -> str | None:
    return None if moment is None else iso(moment)


def iso_date(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).date().isoformat()


def parse_moment(name: str, text: str) -> float:
    """A query-string date or datetime; a date alone is midnight UTC; no offset means UTC."""
    try:
        if len(text) == 10:
            text = date.fromisoformat(text).isoformat() + "T00:00:00"
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise errors.bad_request(
            f"Invalid {name} {text!r}: expected an ISO 8601 date or datetime, "
            "such as 2024-05-01T12:00:00+00:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
