"""`smpp-tui history ACCOUNT`: the SMS sent (or received, `--incoming`) under the TUI's own
filter (`HistoryQuery`), streamed slice by slice as JSON, CSV or a table: memory stays flat
whatever the history's size."""

from __future__ import annotations

import argparse
import itertools
import sys

from smpp_tui.cli import exits
from smpp_tui.cli.accounts import any_account
from smpp_tui.cli.common import Job, add_command
from smpp_tui.cli.output import say

TYPE_CHECKING = False  # typing's, without importing it: the TUI's start builds the parser
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date
    from pathlib import Path

    from smpp_tui.api.models import HistorySms

    Slice = tuple[list[HistorySms], int, int]
    from smpp_tui.store.history import HistoryQuery

STATES = ("any", "delivered", "failed", "pending", "expired")
DAYS_MAX = 36_500  # --since Nd: a century at most


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    history = add_command(
        commands,
        "history",
        show_history,
        "An account's SMS, newest first, filtered as the History tab filters them.",
        "smpp-tui history smpp-dc12345-1 --since 1d --state failed --json",
    )
    history.add_argument("account", metavar="ACCOUNT")
    history.add_argument(
        "--since",
        metavar="Nd|DATE",
        help="the last N days, today included (1d: today), or from a day (2026-11-01);"
        " default: all",
    )
    history.add_argument("--until", metavar="DATE", help="up to a day, included")
    history.add_argument("--state", choices=STATES, default="any", help="the delivery state")
    history.add_argument("--sender", metavar="S", default="", help="sent as this sender")
    history.add_argument(
        "--receiver", metavar="R", default="", help="to a number (+33612345678) or prefix (+336*)"
    )
    history.add_argument("--incoming", action="store_true", help="the SMS received instead")
    history.add_argument("--csv", metavar="FILE", help="write CSV to FILE (the TUI's columns)")


def show_history(job: Job) -> int:
    from datetime import datetime
    from pathlib import Path

    from smpp_tui.store.export import COLUMNS_IN, COLUMNS_OUT, read_slices, row_of, values_of

    args = job.args
    if args.csv and args.json:
        raise exits.Usage("give --csv FILE or --json, not both")
    query = _query(args, datetime.now().astimezone().date())
    account = any_account(job, args.account).name
    columns = COLUMNS_OUT if query.outgoing else COLUMNS_IN
    slices = _told(read_slices(job.gateway, account, query, query.api_filter(datetime.now())))
    first = next(slices, None)  # asked now: a refusal leaves stdout empty
    slices = itertools.chain([first] if first is not None else [], slices)
    if args.csv:
        count = _write_csv(
            Path(args.csv), columns, (row_of(s) for kept, *_ in slices for s in kept)
        )
        say(f"Wrote {count:,} SMS to {args.csv}")
    elif args.json:
        _stream_json(columns, (values_of(s) for kept, *_ in slices for s in kept))
    else:
        picked = [columns.index(c) for c in _WIDTHS if c in columns]
        kept = (values_of(sms) for found, *_ in slices for sms in found)
        _print_rows([columns[i] for i in picked], ([row[i] for i in picked] for row in kept))
    return exits.DONE


# The table's columns and their widths (a message is cut to its first 50 characters).
_WIDTHS = {"id": 10, "date": 25, "sender": 12, "receiver": 13, "state": 9, "message": 50}


def _print_rows(columns: list[str], rows: Iterable[list[object]]) -> None:
    """A table printed a row at a time, at fixed widths: the first rows show at once."""
    from smpp_tui.api.text import clean

    def line(cells: Iterable[object]) -> str:
        texts = (
            _cut(clean(str(cell)), _WIDTHS[c]).ljust(_WIDTHS[c])
            for c, cell in zip(columns, cells, strict=True)
        )
        return "  ".join(texts).rstrip()

    print(line(c.upper() for c in columns))
    for row in rows:
        print(line(row))


def _told(slices: Iterator[Slice]) -> Iterator[Slice]:
    """The slices, and how far the reading is on stderr when it is a terminal and the SMS go
    elsewhere (a file, a pipe): a script's stderr gets no progress lines, nor a table's rows."""
    if not sys.stderr.isatty() or sys.stdout.isatty():
        yield from slices
        return
    for found in slices:
        _, read, total = found
        print(f"\rsmpp-tui: read {read:,} of {total:,} SMS", end="", file=sys.stderr, flush=True)
        yield found
    print(file=sys.stderr)


def _query(args: argparse.Namespace, today: date) -> HistoryQuery:
    from datetime import date

    from smpp_tui.store.history import HistoryQuery
    from smpp_tui.store.history_form import international

    if args.incoming and (args.state != "any" or args.receiver):
        raise exits.Usage("the received SMS have no --state nor --receiver: give --sender")

    first = _since(args.since, today) if args.since else None
    last = _day(args.until, "--until") if args.until else None
    period = "all" if first is None and last is None else "dates"
    if period == "dates":
        first, last = first or date(2000, 1, 1), last or today
    return HistoryQuery(
        way="incoming" if args.incoming else "outgoing",
        period=period,
        first=first,
        last=last,
        sender=args.sender.strip(),
        receiver=international("".join(args.receiver.split())),  # as the TUI's form reads it
        state=args.state,
    )


def _since(text: str, today: date) -> date:
    from datetime import timedelta

    days = text[:-1]
    if text.endswith("d") and days.isascii() and days.isdigit() and 0 < int(days) <= DAYS_MAX:
        return today - timedelta(days=int(days) - 1)
    if text.endswith("d"):
        raise exits.Usage(f"--since {text!r}: give 1d to {DAYS_MAX}d, or a day such as 2026-11-01")
    return _day(text, "--since")


def _day(text: str, option: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        accepted = "a day such as 2026-11-01" + (
            ", or Nd such as 7d" if option == "--since" else ""
        )
        raise exits.Usage(f"{option} {text!r}: give {accepted}") from None


def _stream_json(columns: tuple[str, ...], rows: Iterable[list[object]]) -> None:
    """A JSON array written an object at a time."""
    import json

    out = sys.stdout
    out.write("[")
    first = True
    for row in rows:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[list[object]]) -> int:
    """Written whole or not at all: to a hidden file beside, renamed at the end."""
    import csv
    import os

    part = path.with_name(f".{path.name}.part")
    count = 0
    try:
        with part.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise exits.Refused(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


def _cut(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
