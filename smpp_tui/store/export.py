"""Exporting one account's history under a query to a CSV file.

When OVHcloud can apply the whole filter (dates, no part of it ours), its document export does
the work: one request, a file to wait for, then a plain download. Otherwise the SMS are read
slice by slice and filtered here. Either way the rows are written as they come (memory stays
flat whatever the history's size) to a hidden file beside the final one, renamed at the end:
a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import codecs
import csv
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from smpp_tui.api.delivery import delivery_state, ptt_meaning
from smpp_tui.api.errors import ApiError, InvalidResponse
from smpp_tui.api.history import HistoryFilter
from smpp_tui.api.models import HistorySms, IncomingSms, OutgoingSms
from smpp_tui.store.history import HistoryQuery
from smpp_tui.store.ovhcloud import OvhCloud

COLUMNS_OUT = (
    "id",
    "date",
    "sender",
    "receiver",
    "parts",
    "credits",
    "state",
    "reason",
    "ptt",
    "ptt_meaning",
    "delivery_receipt",
    "message",
    "tag",
)
COLUMNS_IN = ("id", "date", "sender", "message", "credits", "tag")

ASKING = "asking OVHcloud"
PREPARING = "OVHcloud prepares the file"
DOWNLOADING = "downloading"
READING = "reading the history"

SLICE = 500  # SMS per request when reading page by page
POLL_EVERY = 1.0  # seconds between two looks at the document OVHcloud prepares
POLLS = 120  # about two minutes of them before giving up
ROWS_PER_REPORT = 500  # a download's progress is told every so many rows

# OVHcloud's export: its columns (the API's names) and the type of those that are not text.
_DOCUMENT_OUT = (
    "id",
    "creationDatetime",
    "sender",
    "receiver",
    "message",
    "numberOfSms",
    "credits",
    "ptt",
    "deliveryReceipt",
    "tag",
)
_DOCUMENT_IN = ("id", "creationDatetime", "sender", "message", "credits", "tag")
_TYPES: dict[str, Callable[[str], Any]] = {
    "id": int,
    "numberOfSms": int,
    "credits": float,
    "ptt": int,
    "deliveryReceipt": int,
}

# A spreadsheet runs a cell starting with one of these as a formula (`=HYPERLINK(...)`). Only
# the text the sender chose is guarded, with a leading quote: numbers like +33612345678 stay
# as they are (senders and receivers are numbers or names OVHcloud validated).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFailed(ApiError):
    """The export could not be written, or OVHcloud never prepared it; `str()` says why."""


class Cancelled(Exception):
    """The user stopped the export; nothing was left behind."""


@dataclass(frozen=True)
class Progress:
    done: int  # SMS read (or rows downloaded)
    total: int | None  # None while unknown
    phase: str  # one of ASKING, PREPARING, DOWNLOADING, READING


Report = Callable[[Progress], None]
WriteRow = Callable[[Iterable[object]], object]


class Export:
    """One export, to be run once, off the event loop (`run` blocks)."""

    def __init__(
        self,
        cloud: OvhCloud,
        account: str,
        query: HistoryQuery,
        folder: Path,
        now: Callable[[], datetime],
        fetch: Callable[[str], Iterable[bytes]],
        poll: Callable[[float], None] = time.sleep,
    ) -> None:
        """`fetch` downloads a document's URL; `poll` waits between two looks at it."""
        self.cloud, self.account, self.query = cloud, account, query
        self.folder = folder.expanduser().absolute()
        self._fetch, self._poll = fetch, poll
        moment = now().astimezone()
        self.filters = query.api_filter(moment)
        stamp = moment.strftime("%Y%m%d-%H%M%S")
        self._stem = f"{account}-{query.way}-{stamp}"
        self.path = self._free_path()
        self.written = 0  # rows of SMS in the file

    @property
    def by_document(self) -> bool:
        """OVHcloud's document export applies the whole filter."""
        return self.filters.exportable and not self.query.ours

    def run(self, progress: Report, cancelled: threading.Event) -> Path:
        """Write the CSV and return its path; raises `ExportFailed`, `Cancelled` or an API
        error, and then leaves no file behind."""
        self._check_folder()
        self.path = self._free_path()  # another export may have taken it since
        self.written = 0
        part = _part_of(self.path)
        file = self._create(part)
        try:
            with file:
                writer = csv.writer(file, lineterminator="\n")
                writer.writerow(COLUMNS_OUT if self.query.outgoing else COLUMNS_IN)
                fill = self._from_document if self.by_document else self._from_pages

                def write(row: Iterable[object]) -> None:
                    writer.writerow(row)
                    self.written += 1

                fill(write, progress, cancelled)
            os.replace(part, self.path)
        except BaseException as error:
            part.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise ExportFailed(f"cannot write {self.path}: {error.strerror or error}") from None
            raise
        return self.path

    def _create(self, part: Path) -> TextIO:
        """The hidden file, new: never one another export is writing."""
        try:
            return part.open("x", encoding="utf-8", newline="")
        except OSError as error:
            raise ExportFailed(
                f"cannot write in {self.folder}: {error.strerror or error}"
            ) from None

    def _check_folder(self) -> None:
        if not self.folder.is_dir():
            why = "it is not a folder" if self.folder.exists() else "there is no such folder"
            raise ExportFailed(f"cannot export to {self.folder}: {why}")
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise ExportFailed(f"cannot export to {self.folder}: this user may not write there")

    def _free_path(self) -> Path:
        """The file name, with -2, -3... when taken (by a file or an export under way)."""
        path, number = self.folder / f"{self._stem}.csv", 1
        while path.exists() or _part_of(path).exists():
            number += 1
            path = self.folder / f"{self._stem}-{number}.csv"
        return path

    def _from_pages(self, write: WriteRow, progress: Report, cancelled: threading.Event) -> None:
        progress(Progress(0, None, ASKING))
        for kept, read, total in read_slices(self.cloud, self.account, self.query, self.filters):
            _stop_if(cancelled)
            for sms in kept:
                write(row_of(sms))
            progress(Progress(read, total, READING))

    def _from_document(self, write: WriteRow, progress: Report, cancelled: threading.Event) -> None:
        """Have OVHcloud prepare the file, wait for it, download it and rewrite its rows."""
        progress(Progress(0, None, ASKING))
        url = self._prepared(
            self.cloud.export_history(self.account, self.query.way, self.filters),
            progress,
            cancelled,
        )
        progress(Progress(0, None, DOWNLOADING))
        rows = _document_rows(self._fetch(url), self.query.outgoing)
        for done, sms in enumerate(rows, 1):
            write(row_of(sms))
            if done % ROWS_PER_REPORT == 0:
                _stop_if(cancelled)
                progress(Progress(done, None, DOWNLOADING))

    def _prepared(self, document_id: str, progress: Report, cancelled: threading.Event) -> str:
        """The URL of the document once OVHcloud has prepared it."""
        for _ in range(POLLS):
            document = self.cloud.document(document_id)
            if document.ready:
                return document.url
            progress(Progress(0, None, PREPARING))
            self._poll(POLL_EVERY)
            _stop_if(cancelled)
        raise ExportFailed(
            f"OVHcloud has not prepared the file in {POLLS * POLL_EVERY / 60:g} minutes:"
            " try again later"
        )


def _part_of(path: Path) -> Path:
    """The hidden file an export writes before it is complete."""
    return path.with_name(f".{path.name}.part")


def _stop_if(cancelled: threading.Event) -> None:
    if cancelled.is_set():
        raise Cancelled("export cancelled")


def read_slices(
    cloud: OvhCloud, account: str, query: HistoryQuery, filters: HistoryFilter
) -> Iterator[tuple[list[HistorySms], int, int]]:
    """The SMS slice by slice, newest first: those the query keeps, how many were read so
    far, and how many OVHcloud selected. One slice in memory at a time."""
    ids = cloud.history_ids(account, query.way, filters)
    for start in range(0, len(ids), SLICE):
        kept = [sms for sms in cloud.history_slice(ids, start, SLICE) if query.keeps(sms)]
        yield kept, min(start + SLICE, len(ids)), len(ids)


def row_of(sms: HistorySms) -> list[object]:
    """The SMS as a CSV row of `COLUMNS_OUT` (sent) or `COLUMNS_IN` (received)."""
    columns = COLUMNS_IN if isinstance(sms, IncomingSms) else COLUMNS_OUT
    values = values_of(sms)
    return [_text(str(v)) if c in _TEXTS else v for c, v in zip(columns, values, strict=True)]


def values_of(sms: HistorySms) -> list[object]:
    """The same values, the texts as they are (for JSON)."""
    date = "" if sms.created is None else sms.created.astimezone().isoformat(timespec="seconds")
    credits = round(sms.credits, 4)  # no float noise such as 3.5999999999999996
    if isinstance(sms, IncomingSms):
        return [sms.id, date, sms.sender, sms.message, credits, sms.tag]
    state = delivery_state(sms.delivery_receipt, sms.ptt)
    return [
        *(sms.id, date, sms.sender, sms.receiver, sms.parts, credits),
        *(state.kind, state.reason, sms.ptt, ptt_meaning(sms.ptt), sms.delivery_receipt),
        *(sms.message, sms.tag),
    ]


_TEXTS = ("message", "tag")  # free text: what a spreadsheet could run is written as text


def _text(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _document_rows(chunks: Iterable[bytes], outgoing: bool) -> Iterator[HistorySms]:
    """The SMS of OVHcloud's CSV export, whatever the order of its columns; in the order of
    its rows (newest first, as its lists), so that they are written as they arrive."""
    reader = csv.DictReader(_lines(chunks))
    needed = _DOCUMENT_OUT if outgoing else _DOCUMENT_IN
    missing = [name for name in needed if name not in (reader.fieldnames or ())]
    if missing:
        raise InvalidResponse(f"OVHcloud's export has no {', '.join(missing)} column")
    parse = OutgoingSms.from_api if outgoing else IncomingSms.from_api
    for line, row in enumerate(reader, 2):
        try:
            body = {name: _TYPES.get(name, str)(row[name]) for name in needed}
        except (ValueError, TypeError):  # TypeError: a short row's missing cells are None
            raise InvalidResponse(f"line {line} of OVHcloud's export cannot be read") from None
        yield parse(body)


def _lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The downloaded text, line by line with their ends (as `csv` wants them, so that a line
    break inside a quoted message stays in it)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()  # a byte order mark is dropped
    rest = ""
    try:
        for chunk in chunks:
            *lines, rest = (rest + decoder.decode(chunk)).split("\n")
            yield from (line + "\n" for line in lines)
        rest += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InvalidResponse("OVHcloud's export is not UTF-8 text") from None
    if rest:
        yield rest
