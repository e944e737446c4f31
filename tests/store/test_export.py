"""CSV exports of a history, against the simulator over HTTP: what the file holds, row for row,
by OVHcloud's document export or page by page; and that a cancelled or failed export leaves
no file behind."""

from __future__ import annotations

import csv
import io
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as day_time
from functools import partial
from pathlib import Path

import pytest

from smpp_tui.api import errors
from smpp_tui.api.delivery import delivery_state, ptt_meaning
from smpp_tui.api.download import download
from smpp_tui.simulator.faults import Fault
from smpp_tui.simulator.sms.traffic import Incoming, Outgoing
from smpp_tui.store.export import (
    ASKING,
    COLUMNS_IN,
    COLUMNS_OUT,
    DOWNLOADING,
    PREPARING,
    READING,
    Cancelled,
    Export,
    ExportFailed,
    Progress,
)
from smpp_tui.store.history import HistoryQuery

ACCOUNT = "smpp-dc12345-1"  # 20,000 SMS over 90 days
QUIET = "smpp-dc12345-2"  # no SMS
ZONE = "XST-05:30"  # POSIX for UTC+5:30: a date left in UTC, or cut to the hour, shows


@pytest.fixture(autouse=True)
def local_zone() -> Iterator[None]:
    """The user's time zone, far from UTC and not a whole number of hours away."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = ZONE
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "exports"
    made.mkdir()
    return made


@pytest.fixture
def make_export(gateway, world_clock, folder) -> Callable[..., Export]:
    """`make_export(query, **overrides)`: an export wired as the session wires it, whose wait
    for OVHcloud's file moves the world's clock instead of sleeping."""

    def make(query: HistoryQuery, **overrides) -> Export:
        options = {
            "cloud": gateway,
            "account": ACCOUNT,
            "query": query,
            "folder": folder,
            "now": lambda: datetime.fromtimestamp(world_clock(), UTC),
            "fetch": partial(download, timeout=gateway.connection.timeout),
            "poll": world_clock.advance,
        }
        return Export(**(options | overrides))

    return make


class Heard:
    """Every progress told, and what to do on hearing one."""

    def __init__(self, then: Callable[[Progress], object] = lambda progress: None) -> None:
        self.told: list[Progress] = []
        self.then = then

    def __call__(self, progress: Progress) -> None:
        self.told.append(progress)
        self.then(progress)

    @property
    def phases(self) -> list[str]:
        return list(dict.fromkeys(progress.phase for progress in self.told))


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def local(moment: float) -> str:
    """A moment as the file writes it: ISO 8601 in the user's zone, to the second."""
    return datetime.fromtimestamp(int(moment), UTC).astimezone().isoformat()


def days_back(world_clock, first: int, last: int = 0) -> tuple[float, float]:
    """The span from `first` days ago to the end of `last` days ago, in the user's zone."""
    today = datetime.fromtimestamp(world_clock(), UTC).astimezone()
    start = datetime.combine(today.date() - timedelta(days=first), day_time.min, today.tzinfo)
    end = datetime.combine(today.date() - timedelta(days=last), day_time.max, today.tzinfo)
    return start.timestamp(), end.timestamp()


def held(sim, way: str, span: tuple[float, float], keep=lambda record: True) -> list:
    """The simulator's own records of the span, newest first, those `keep` keeps."""
    traffic = sim.world.sms.accounts[ACCOUNT].traffic
    history = traffic.outgoing if way == "outgoing" else traffic.incoming
    return [record for record in history.records(history.query(None, *span)) if keep(record)]


def expected_row(record) -> list[str]:
    credits = str(round(record.credits, 4))
    if isinstance(record, Incoming):
        when = local(record.created)
        return [str(record.id), when, record.sender, record.message, credits, record.tag]
    state = delivery_state(record.delivery_receipt, record.ptt)
    return [
        *(str(record.id), local(record.created), record.sender, record.receiver),
        *(str(record.parts), credits, state.kind, state.reason, str(record.ptt)),
        *(ptt_meaning(record.ptt), str(record.delivery_receipt), record.message, record.tag),
    ]


def state_is(kind: str) -> Callable[[Outgoing], bool]:
    return lambda record: delivery_state(record.delivery_receipt, record.ptt).kind == kind


# page by page


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        (HistoryQuery(period="7 days", receiver="+336*"), lambda r: r.receiver.startswith("+336")),
        (HistoryQuery(period="7 days", state="failed"), state_is("failed")),
    ],
    ids=["receiver prefix", "failed"],
)
def test_a_filter_partly_ours_is_read_page_by_page_into_the_file(
    sim, make_export, world_clock, folder, query, keep
):
    export, heard = make_export(query), Heard()
    assert not export.by_document
    wanted = held(sim, "outgoing", days_back(world_clock, 6), keep)
    path = export.run(heard, threading.Event())
    rows = rows_of(path)
    assert rows[0] == list(COLUMNS_OUT)
    assert len(wanted) > 100
    assert rows[1:] == [expected_row(record) for record in wanted]
    assert heard.phases == [ASKING, READING]
    last = heard.told[-1]
    assert last.done == last.total
    assert last.total >= len(wanted)
    assert list(folder.iterdir()) == [path]


# by OVHcloud's document export


@pytest.mark.parametrize(("period", "first", "last"), [("yesterday", 1, 1), ("7 days", 6, 0)])
def test_a_filter_of_dates_only_is_exported_by_ovhcloud(
    sim, make_export, world_clock, folder, period, first, last
):
    export, heard = make_export(HistoryQuery(period=period)), Heard()
    assert export.by_document
    started, wanted = world_clock(), held(sim, "outgoing", days_back(world_clock, first, last))
    path = export.run(heard, threading.Event())
    assert world_clock() - started >= sim.world.sms.behaviour.document_delay, "it waited"
    rows = rows_of(path)
    assert rows[0] == list(COLUMNS_OUT)
    assert len(wanted) > 100
    assert rows[1:] == [expected_row(record) for record in wanted]
    assert heard.phases == [ASKING, PREPARING, DOWNLOADING]
    assert list(folder.iterdir()) == [path]


def test_the_columns_of_ovhclouds_file_may_come_in_any_order(sim, make_export, world_clock):
    def reordered(url: str) -> Iterator[bytes]:
        text = b"".join(download(url, (1, 3))).decode("utf-8")
        written = io.StringIO()  # with the csv module's default "\r\n" line ends
        csv.writer(written).writerows(row[::-1] for row in csv.reader(io.StringIO(text, None)))
        yield written.getvalue().encode("utf-8")

    wanted = held(sim, "outgoing", days_back(world_clock, 1, 1))
    path = make_export(HistoryQuery(period="yesterday"), fetch=reordered).run(
        Heard(), threading.Event()
    )
    assert rows_of(path)[1:] == [expected_row(record) for record in wanted]


def test_a_file_of_ovhcloud_lacking_a_column_is_refused(make_export, folder):
    def lacking(url: str) -> Iterable[bytes]:
        return [b"id,creationDatetime,sender\n", b"1,2026-11-25T10:00:00+00:00,ExampleTel\n"]

    with pytest.raises(errors.InvalidResponse) as raised:
        make_export(HistoryQuery(period="today"), fetch=lacking).run(Heard(), threading.Event())
    assert str(raised.value) == (
        "OVHcloud's export has no receiver, message, numberOfSms, credits, ptt,"
        " deliveryReceipt, tag column"
    )
    assert list(folder.iterdir()) == []


def test_a_file_never_prepared_is_given_up_after_two_minutes(sim, make_export, folder):
    sim.world.sms.behaviour.document_delay = 10_000.0
    waits: list[float] = []
    with pytest.raises(ExportFailed) as raised:
        make_export(HistoryQuery(period="today"), poll=waits.append).run(Heard(), threading.Event())
    assert str(raised.value) == "OVHcloud has not prepared the file in 2 minutes: try again later"
    assert sum(waits) == 120
    assert list(folder.iterdir()) == []


# incoming


@pytest.mark.parametrize("by_document", [True, False], ids=["by document", "page by page"])
def test_received_sms_are_exported(sim, make_export, world_clock, by_document):
    span = days_back(world_clock, 29)
    sender = "" if by_document else held(sim, "incoming", span)[0].sender
    export = make_export(HistoryQuery("incoming", "30 days", sender=sender))
    assert export.by_document == by_document
    path = export.run(Heard(), threading.Event())
    wanted = held(sim, "incoming", span, lambda record: record.sender == (sender or record.sender))
    assert wanted
    assert rows_of(path) == [list(COLUMNS_IN), *map(expected_row, wanted)]
    assert path.name.startswith(f"{ACCOUNT}-incoming-")


# what a spreadsheet would run


def test_a_formula_in_a_message_is_written_as_text(sim, make_export, world_clock):
    traffic = sim.world.sms.accounts[QUIET].traffic  # no SMS yet: any moment comes last
    formula = '=HYPERLINK("http://x.example/?a=1,b=2","win")\n-- «reply» @once'
    sent = Outgoing(
        id=4_000_000_001,
        created=world_clock() - 1,
        sender="ExampleTel",
        receiver="+33612345678",
        message=formula,
        ptt=254,
        delivery_receipt=0,
        parts=1,
        credits=1.0,
        tariff_code="FR",
        tag="+campaign",
    )
    traffic.outgoing.add(sent)
    traffic.incoming.add(Incoming(4_000_000_001, world_clock() - 1, "+33698765432", "@SUM(A1)"))
    queries = [HistoryQuery(period="7 days"), HistoryQuery(period="7 days", receiver="+336*")]
    for export in (make_export(query, account=QUIET) for query in queries):
        assert rows_of(export.run(Heard(), threading.Event()))[1:] == [
            [*expected_row(sent)[:-2], f"'{formula}", "'+campaign"]
        ]
    received = make_export(HistoryQuery("incoming", "7 days"), account=QUIET)
    assert rows_of(received.run(Heard(), threading.Event()))[1][2:4] == [
        "+33698765432",
        "'@SUM(A1)",
    ]


# the file's name and folder


def test_a_name_already_taken_gets_a_number(make_export, folder):
    first = make_export(HistoryQuery(period="today", receiver="+33*"))
    first.path.write_text("someone else's\n", "utf-8")
    second = make_export(HistoryQuery(period="today", receiver="+33*"))
    assert second.path == first.path.with_name(first.path.stem + "-2.csv")
    assert second.run(Heard(), threading.Event()) == second.path
    assert first.path.read_text("utf-8") == "someone else's\n"
    third = make_export(HistoryQuery(period="today", receiver="+33*"))
    assert third.path.name == first.path.stem + "-3.csv"


def test_the_name_is_the_accounts_the_ways_and_the_local_time(make_export, world_clock, folder):
    moment = datetime.fromtimestamp(world_clock(), UTC).astimezone()
    export = make_export(HistoryQuery("incoming", "today"))
    assert export.path == folder / f"{ACCOUNT}-incoming-{moment:%Y%m%d-%H%M%S}.csv"


@pytest.mark.parametrize(
    ("file", "why"), [(False, "there is no such folder"), (True, "it is not a folder")]
)
def test_a_folder_that_is_not_one_is_refused_before_any_request(
    sim, make_export, folder, file, why
):
    target = folder / "nowhere"
    if file:
        target.write_text("", "utf-8")
    export = make_export(HistoryQuery(period="today"), folder=target)
    asked = len(sim.exchanges)
    with pytest.raises(ExportFailed) as raised:
        export.run(Heard(), threading.Event())
    assert str(raised.value) == f"cannot export to {target}: {why}"
    assert len(sim.exchanges) == asked


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_this_user_may_not_write_in_is_refused(make_export, folder):
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="this user may not write there"):
            make_export(HistoryQuery(period="today")).run(Heard(), threading.Event())
    finally:
        folder.chmod(0o700)


def test_the_default_folder_is_the_working_directory_at_export_time(
    make_export, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    export = make_export(HistoryQuery(period="today", receiver="+33*"), folder=Path())
    assert export.path.parent == tmp_path


# nothing left behind


def test_a_cancel_between_two_slices_leaves_no_file(make_export, folder):
    cancelled = threading.Event()
    heard = Heard(lambda progress: progress.phase == READING and cancelled.set())
    export = make_export(HistoryQuery(period="7 days", receiver="+336*"))
    with pytest.raises(Cancelled):
        export.run(heard, cancelled)
    assert [progress.done for progress in heard.told if progress.phase == READING] == [500]
    assert list(folder.iterdir()) == []


def test_a_cancel_while_ovhcloud_prepares_the_file_leaves_no_file(make_export, folder):
    cancelled = threading.Event()
    heard = Heard(lambda progress: progress.phase == PREPARING and cancelled.set())
    with pytest.raises(Cancelled):
        make_export(HistoryQuery(period="7 days")).run(heard, cancelled)
    assert DOWNLOADING not in heard.phases
    assert list(folder.iterdir()) == []


def test_a_failure_midway_leaves_no_file(sim, make_export, folder):
    broken = Fault("status", 500, "GET", "/sms/*/outgoing*")
    heard = Heard(lambda progress: progress.phase == READING and sim.inject(broken))
    with pytest.raises(errors.ServerError):
        make_export(HistoryQuery(period="7 days", receiver="+336*")).run(heard, threading.Event())
    assert broken.hits > 0
    assert list(folder.iterdir()) == []


def test_a_download_gone_wrong_leaves_no_file_and_no_link_in_the_message(make_export, folder):
    def elsewhere(url: str) -> Iterator[bytes]:
        return download(url.replace(".csv", "-gone.csv") + "?token=s3cr3t", (1, 3))

    with pytest.raises(errors.NotFound) as raised:
        make_export(HistoryQuery(period="today"), fetch=elsewhere).run(Heard(), threading.Event())
    assert str(raised.value) == "127.0.0.1 no longer has the file: export again"
    assert list(folder.iterdir()) == []


def test_an_unreachable_download_says_where_but_not_the_link():
    with pytest.raises(errors.Unreachable) as raised:
        list(download("http://127.0.0.1:9/documents/a.csv?token=s3cr3t", (1, 1)))
    assert str(raised.value) == "the file could not be downloaded from 127.0.0.1"
    assert "s3cr3t" not in repr(raised.value)


def test_the_readme_documents_the_columns():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for columns in (COLUMNS_OUT, COLUMNS_IN):
        assert ", ".join(f"`{name}`" for name in columns) in " ".join(readme.split())
