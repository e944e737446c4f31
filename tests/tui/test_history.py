"""The History tab (`5` on an account), driven with the keyboard: the sent SMS of the last 7
days newest first, in words, with a chart and totals that add up to the simulator's records;
a filter in a few keys, and every kind of filter checked against the simulator's history;
reading on as the user scrolls; one SMS whole; deleting one; exporting to CSV, done or
cancelled; what arrived since; what is refused before anything is read.

Expectations come from the simulator's own records, selected here by local day of its
calendar (OVHcloud's clock, fixed at 2026-11-25 12:00 UTC), receiver, sender and state."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from textual.widgets import ProgressBar, Sparkline, Static

from smpp_tui.api.delivery import delivery_state
from smpp_tui.simulator.sms.history import History
from smpp_tui.simulator.sms.traffic import Outgoing
from smpp_tui.store.export import COLUMNS_OUT
from smpp_tui.store.history import HistoryBrowser
from smpp_tui.store.resources import Intervals
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.details import DetailsScreen
from smpp_tui.tui.screens.export import ExportScreen
from smpp_tui.tui.screens.history_filter import HistoryFilterScreen
from smpp_tui.tui.widgets.history import MESSAGE_PREVIEW, HistoryPane
from tests.tui.conftest import (
    SIZE,
    WORKING,
    fill,
    history_read,
    open_account,
    refused,
    rendered,
    wait_for,
)

Record = Any  # the simulator's Outgoing or Incoming


# the simulator's side


def history_of(sim, way: str = "outgoing") -> History:
    history: History = getattr(sim.world.sms.accounts[WORKING].traffic, way)
    return history


def local_day(moment: float) -> date:
    return datetime.fromtimestamp(moment).date()


def today_of(sim) -> date:
    return local_day(sim.world.now())


def kind(record: Record) -> str:
    return delivery_state(record.delivery_receipt, record.ptt).kind


def records(
    sim, first: date, last: date, keep: Callable[[Record], bool] = lambda r: True, way="outgoing"
) -> list[Record]:
    """The simulator's records of these local days that `keep` keeps, newest first."""
    history = history_of(sim, way)
    return [
        record
        for record in history.records(history.query())
        if first <= local_day(record.created) <= last and keep(record)
    ]


def last_7_days(sim) -> tuple[date, date]:
    return today_of(sim) - timedelta(days=6), today_of(sim)


def sent_now(sim, message: str, ptt: int, receiver: str = "+33612000001") -> Outgoing:
    """An SMS sent at OVHcloud's now: the next id (ids and times only grow)."""
    history = history_of(sim)
    with sim.world.lock:
        newest = history[history.query()[0]]
        record = Outgoing(
            newest.id + 1,
            sim.world.now(),
            "ExampleTel",
            receiver,
            message,
            ptt,
            1 if ptt == 0 else 0,
            1,
            1.0,
            "FR",
        )
        history.add(record)
    return record


def cells_of(record: Record) -> list[str]:
    """A row as the user should read it: local time, numbers, the state in words, the
    message on one line cut to fit its column (enter shows it whole)."""
    message = " ".join(record.message.split())
    cut = MESSAGE_PREVIEW
    message = message if len(message) <= cut else message[: cut - 1] + "…"
    when = datetime.fromtimestamp(record.created).strftime("%Y-%m-%d %H:%M")
    if not isinstance(record, Outgoing):
        return [when, "", "✓ received", record.sender, "", f"{record.credits:,.2f}", message]
    state = delivery_state(record.delivery_receipt, record.ptt)
    return [
        *(when, record.receiver, f"{state.symbol} {state.words}", record.sender),
        *(str(record.parts), f"{record.credits:,.2f}", message),
    ]


def sms_asked(sim, since: int = 0) -> list[str]:
    """The `/sms` requests since exchange `since`."""
    return [f"{e.method} {e.path}" for e in list(sim.exchanges)[since:] if "/sms/" in e.path]


# the app's side


def pane(screen: AccountScreen) -> HistoryPane:
    return screen.query_one(HistoryPane)


def shown_ids(screen: AccountScreen) -> list[int]:
    return [int(key) for key in pane(screen).table.row_keys()]


def shown_cells(screen: AccountScreen, sms_id: int) -> list[str]:
    return [cell.plain for cell in pane(screen).table.get_row(str(sms_id))]


def heading(screen: AccountScreen) -> str:
    return rendered(screen.query_one("#history-heading", Static))


def totals(screen: AccountScreen) -> str:
    return rendered(screen.query_one("#history-totals", Static))


def chart_label(screen: AccountScreen, name: str) -> str:
    return " ".join(rendered(screen.query_one(f"#chart-{name}", Static)).split())


def footer(screen) -> list[str]:
    """The footer's keys as shown: `o Sent`."""
    return [" ".join(key.render().plain.split()) for key in screen.query("FooterKey")]


WHOLE = re.compile(r"· ([\d,]+) of \1 shown|· [\d,]+ found in ([\d,]+) of \2 scanned")


async def read_whole(pilot, screen: AccountScreen) -> None:
    """Wait until the heading says all that the filter selects was read."""
    await history_read(pilot)
    await wait_for(pilot, lambda: WHOLE.search(heading(screen)), lambda: heading(screen))


async def on_history(app, pilot) -> AccountScreen:
    """The History tab of the working account, its 7 days read whole."""
    screen = await open_account(app, pilot, WORKING)
    await pilot.press("5")
    await read_whole(pilot, screen)
    return screen


async def apply_filter(pilot, screen: AccountScreen, whole: bool = True, **fields: str) -> None:
    """`/`, the fields filled, `enter`: the form closes and the new filter is read (`whole`:
    all of it, as a period of up to 10,000 SMS is)."""
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, HistoryFilterScreen)
    for field, text in fields.items():
        await fill(pilot, text, field)
    await pilot.press("enter")
    await wait_for(pilot, lambda: pilot.app.screen is screen, "the form to close")
    await (read_whole(pilot, screen) if whole else history_read(pilot))


# The tab


async def test_the_tab_shows_the_last_7_days_newest_first_with_totals_and_chart(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        week = records(sim, *last_7_days(sim))
        assert len(week) > 1_000, "more than the first screenful: read on by itself"
        assert shown_ids(screen) == [record.id for record in week]
        for record in week[:30]:
            assert shown_cells(screen, record.id) == cells_of(record)
        assert any("failed: " in shown_cells(screen, r.id)[2] for r in week[:30])
        assert (
            heading(screen).splitlines()[0]
            == f"Sent SMS · 7 days · {len(week):,} of {len(week):,} shown"
        )

        states = Counter(kind(record) for record in week)
        failed = states["failed"] + states["expired"]
        assert totals(screen) == (
            f"{len(week):,} SMS: {states['delivered']:,} ✓ delivered · {failed:,} ✗ failed"
            f" ({states['expired']:,} ⊘ expired) · {states['pending']:,} ⋯ pending"
        )
        assert chart_label(screen, "delivered") == f"✓ delivered {states['delivered']:,}"
        assert chart_label(screen, "failed") == f"✗ failed {failed:,}"
        assert chart_label(screen, "pending") == f"⋯ pending {states['pending']:,}"
        outcome = len(week) - states["pending"]
        title = rendered(screen.query_one("#chart-title", Static))
        assert title == (
            f"SMS per day · {100 * states['delivered'] / outcome:.1f} % delivered of"
            f" {outcome:,} with an outcome; {states['pending']:,} pending"
        )
        # One bar a day of the 7, today's included.
        first, _ = last_7_days(sim)
        days = [first + timedelta(days=n) for n in range(7)]
        for name, kinds in [("delivered", {"delivered"}), ("failed", {"failed", "expired"})]:
            per_day = Counter(local_day(r.created) for r in week if kind(r) in kinds)
            data = screen.query_one(f"#spark-{name}", Sparkline).data
            assert list(data or []) == [float(per_day[day]) for day in days], name


async def test_the_footer_and_the_heading_name_the_tabs_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        shown = footer(screen)
        for key in ("x Export", "/ Filter", "d Delete", "⏎ Details"):
            assert key in shown, shown
        assert "/ filters, i shows the received." in heading(screen), "o and i: in the heading"


# Filters


async def test_yesterdays_failed_sms_to_a_number_in_five_keys(make_app, sim):
    yesterday = today_of(sim) - timedelta(days=1)
    sent = records(sim, yesterday, yesterday)
    failed_to = Counter(r.receiver for r in sent if kind(r) == "failed")
    sent_to = Counter(r.receiver for r in sent)
    # A receiver that had a failed SMS yesterday, and another that did not fail.
    receiver = min(failed_to, key=lambda number: (-sent_to[number], number))
    assert sent_to[receiver] > failed_to[receiver]
    wanted = [r for r in sent if r.receiver == receiver and kind(r) == "failed"]
    pressed: list[str] = []

    async def press(*keys: str) -> None:
        pressed.extend(keys)
        await pilot.press(*keys)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_account(app, pilot, WORKING)
        await press("5", "slash")
        assert isinstance(app.screen, HistoryFilterScreen)
        assert app.focused is app.screen.query_one("#period"), "the period first"
        await fill(pilot, "y")
        await press("tab")
        await fill(pilot, receiver)
        await press("tab")
        await fill(pilot, "f")
        await press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        await read_whole(pilot, screen)
        assert len(pressed) <= 5, pressed
        assert shown_ids(screen) == [r.id for r in wanted]
        for record in wanted:
            delivery = shown_cells(screen, record.id)[2]
            assert (
                delivery
                == f"✗ failed: {delivery_state(record.delivery_receipt, record.ptt).reason}"
            )
            assert not re.search(r"\d", delivery), "a reason in words, not a code"
        said = heading(screen)
        assert f"Sent SMS · yesterday · to {receiver} · failed · {len(wanted)} found in" in said
        assert totals(screen).startswith(f"{len(wanted)} SMS: 0 ✓ delivered · {len(wanted)} ✗")


async def test_the_command_line_finds_what_the_tab_shows(make_app, sim, keys):
    """`smpp-tui history` (issue 17) under the filter the tab was given: the same SMS."""
    yesterday = today_of(sim) - timedelta(days=1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        await apply_filter(pilot, screen, period="y", receiver="", state="f", sender="")
        shown = shown_ids(screen)
    assert shown, "some SMS failed yesterday"
    environment = {
        **os.environ,
        "OVH_APPLICATION_KEY": keys.application_key,
        "OVH_APPLICATION_SECRET": keys.application_secret,
        "OVH_CONSUMER_KEY": keys.consumer_key,
    }
    day = yesterday.isoformat()
    command = ["history", WORKING, "--since", day, "--until", day, "--state", "failed"]
    result = subprocess.run(
        [sys.executable, "-m", "smpp_tui", *command, "--json", "--api-url", sim.endpoint],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    assert [sms["id"] for sms in json.loads(result.stdout)] == shown


async def test_each_filter_shows_what_the_simulator_holds(make_app, sim):
    first, today = last_7_days(sim)
    month = today - timedelta(days=29)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)

        # A receiver's prefix, filtered here as the SMS arrive.
        await apply_filter(pilot, screen, period="7", receiver="+32*", state="", sender="")
        belgian = records(sim, first, today, lambda r: r.receiver.startswith("+32"))
        assert 0 < len(belgian) < len(records(sim, first, today))
        assert shown_ids(screen) == [r.id for r in belgian]
        assert f"· {len(belgian):,} found in" in heading(screen)

        # Delivered, from one sender, over 30 days.
        await apply_filter(pilot, screen, period="30", receiver="", state="d", sender="38200")
        delivered = records(
            sim, month, today, lambda r: r.sender == "38200" and kind(r) == "delivered"
        )
        assert shown_ids(screen) == [r.id for r in delivered]
        assert heading(screen).startswith("Sent SMS · 30 days · from 38200 · delivered")
        assert totals(screen) == (
            f"{len(delivered):,} SMS: {len(delivered):,} ✓ delivered · 0 ✗ failed · 0 ⋯ pending"
        )

        # Days of one's own, both included.
        await apply_filter(pilot, screen, period="2026-11-20 to 2026-11-22", state="any", sender="")
        days = records(sim, date(2026, 11, 20), date(2026, 11, 22))
        assert shown_ids(screen) == [r.id for r in days]
        assert heading(screen).startswith("Sent SMS · 2026-11-20 to 2026-11-22 ·")
        assert local_day(days[0].created) == date(2026, 11, 22)
        assert local_day(days[-1].created) == date(2026, 11, 20)

        # The same days, received.
        await pilot.press("i")
        await read_whole(pilot, screen)
        received = records(sim, date(2026, 11, 20), date(2026, 11, 22), way="incoming")
        assert received, "replies came in those days"
        assert shown_ids(screen) == [r.id for r in received]
        for record in received:
            assert shown_cells(screen, record.id) == cells_of(record)
        assert heading(screen).startswith(
            f"Received SMS · 2026-11-20 to 2026-11-22 · {len(received)} of {len(received)} shown"
        )
        assert "o shows the sent." in heading(screen)
        assert totals(screen) == f"{len(received)} SMS"
        assert not screen.query_one("TrafficChart").display, "no delivery to chart"

        await pilot.press("o")
        await read_whole(pilot, screen)
        assert shown_ids(screen) == [r.id for r in days]


PERIODS = (
    "is not a period: give today, yesterday, 7 days, 30 days, all, a day such as 2026-11-30,"
    " or two days such as 2026-11-01 to 2026-11-30"
)
RECEIVERS = (
    "is not a receiver: give a full number such as +33612345678, or the start of one ending"
    " with * such as +336*"
)

BAD_FILTERS = [
    ("receiver", "abc", f"'abc' {RECEIVERS}"),
    ("receiver", "[bold]", f"'[bold]' {RECEIVERS}"),
    ("receiver", "+3361234567890123", f"'+3361234567890123' {RECEIVERS}"),
    ("period", "lastweek", f"'lastweek' {PERIODS}"),
    ("period", "", f"nothing {PERIODS}"),
    ("period", "2026-11-22 to 2026-11-20", "the period ends (2026-11-20) before it starts"),
    ("period", "2026-11-31", "2026-11-31 is not a day: give it as year-month-day"),
    ("state", "lost", "'lost' is not a delivery state: give any, delivered, failed, pending"),
]


async def test_bad_filters_are_refused_and_nothing_changes(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        before = (heading(screen), shown_ids(screen), totals(screen))
        asked = len(sim.exchanges)
        await pilot.press("slash")
        for field, typed, problem in BAD_FILTERS:
            fields = {"period": "7 days", "receiver": "", "state": "any", "sender": ""}
            said = await refused(pilot, **{**fields, field: typed})
            assert said.startswith(problem), said
            assert app.screen.value(field) == typed, "kept as typed"
        await pilot.press("escape")
        assert app.screen is screen
        assert (heading(screen), shown_ids(screen), totals(screen)) == before
        assert sms_asked(sim, asked) == [], "nothing read again"


# Scrolling


async def test_all_dates_are_read_on_as_the_user_scrolls(make_app, sim):
    history = history_of(sim)
    newest = history.query()
    assert len(newest) == 20_000
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        await apply_filter(pilot, screen, whole=False, period="all")
        assert "Sent SMS · all dates · 60 of 20,000 shown" in heading(screen)
        shown = len(shown_ids(screen))
        costs = []
        for key in ("pagedown", "G", "G", "G"):
            asked = len(sim.exchanges)
            for _ in range(4):  # pagedown: until the cursor nears the last rows
                await pilot.press(key)
                await history_read(pilot)
                if len(shown_ids(screen)) > shown:
                    break
            costs.append(len(sms_asked(sim, asked)))
            ids = shown_ids(screen)
            assert ids == newest[: len(ids)], "appended newest first, none twice"
            assert len(ids) > shown
            shown = len(ids)
        assert shown > 500
        assert max(costs) <= 2, costs
        assert f"· {shown:,} of 20,000 shown" in heading(screen)
        assert totals(screen).startswith(f"{shown:,} SMS: ")


# One SMS


async def test_enter_shows_a_failed_sms_whole(make_app, sim):
    sms = sent_now(sim, "[bold]hi[/]", 53, receiver="+33612000001")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        assert shown_ids(screen)[0] == sms.id
        assert shown_cells(screen, sms.id)[2] == "✗ failed: blacklisted (STOP)"
        assert shown_cells(screen, sms.id)[6] == "[bold]hi[/]", "text, not markup"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailsScreen), "the SMS")
        said = [" ".join(line.split()) for line in rendered(app.screen).splitlines()]
        assert said[0] == f"Sent SMS {sms.id}"
        for line in [
            "To +33612000001",
            "Delivery ✗ failed: blacklisted (STOP)",
            "PTT code 53: blacklisted (STOP)",
            "Delivery receipt 0: no delivery receipt",
            "Message [bold]hi[/]",
            "Date 2026-11-25 12:00:00",
            "HLR country France",
            "HLR operator Sim Mobile FR",
        ]:
            assert line in said, said
        asked = sms_asked(sim)
        assert f"GET /sms/{WORKING}/outgoing/{sms.id}/hlr" in asked
        await pilot.press("escape")
        assert app.screen is screen


# Deleting


async def test_delete_an_sms_after_a_no(make_app, sim, notices, tmp_path):
    log = tmp_path / "log" / "audit.log"
    app = make_app(audit_path=log)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_history(app, pilot)
        week = records(sim, *last_7_days(sim))
        newest = week[0]
        await pilot.press("d")
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        title = rendered(confirm.query_one("#confirm-title", Static))
        assert title == f"Delete SMS {newest.id}?"
        body = rendered(confirm.query_one("#confirm-body", Static))
        assert f"({newest.receiver}) leaves the history on OVHcloud for good" in body
        await pilot.press("n")
        assert app.screen is screen
        assert history_of(sim).get(newest.id) is newest
        assert not [e for e in sim.exchanges if e.method == "DELETE"]

        await pilot.press("d", "y")
        await wait_for(pilot, lambda: newest.id not in shown_ids(screen), "the row to go")
        assert history_of(sim).get(newest.id) is None
        assert shown_ids(screen) == [r.id for r in week[1:]]
        deletes = [e.path for e in sim.exchanges if e.method == "DELETE"]
        assert deletes == [f"/sms/{WORKING}/outgoing/{newest.id}"], "once, after y"
        assert totals(screen).startswith(f"{len(week) - 1:,} SMS: ")
        left = len(week) - 1
        assert heading(screen).startswith(f"Sent SMS · 7 days · {left:,} of {left:,} shown")
        deleted = f"SMS {newest.id} deleted from the history of {WORKING}."
        await wait_for(pilot, lambda: notices.saying(deleted), "the notice")
        (entry,) = [json.loads(line) for line in log.read_text().splitlines()]
        assert (entry["account"], entry["action"], entry["result"]) == (
            WORKING,
            f"delete an outgoing SMS: {newest.id}",
            "ok",
        )


async def test_a_read_only_app_offers_no_deletion(make_app, sim):
    app = make_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        assert "d Delete" not in footer(screen)
        assert "x Export" in footer(screen), "reading is not writing"
        await pilot.press("d")
        assert app.screen is screen, "no dialog"
        assert not [e for e in sim.exchanges if e.method == "DELETE"]


# Export


def export_said(app) -> str:
    return rendered(app.screen.query_one("#export-said", Static))


async def test_export_shows_its_progress_then_where_the_file_is(
    make_app, sim, world_clock, tmp_path, notices
):
    sim.world.sms.behaviour.document_delay = 30.0  # OVHcloud prepares until the test says
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_history(app, pilot)
        week = records(sim, *last_7_days(sim))
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert "outgoing · 7 days · OVHcloud's own export" in rendered(dialog)
        await wait_for(pilot, lambda: "prepares" in export_said(app), lambda: export_said(app))
        assert export_said(app) == "OVHcloud prepares the file. esc cancels."
        assert dialog.query_one(ProgressBar).display
        assert not list(tmp_path.glob("*.csv")), "no file before it is complete"

        world_clock.advance(30)
        await wait_for(pilot, lambda: "written" in export_said(app), lambda: export_said(app))
        (path,) = tmp_path.glob("*.csv")
        assert " ".join(export_said(app).split()) == (
            f"{len(week):,} SMS written to {path} c copies the path; esc closes."
        )
        assert dialog.query_one(ProgressBar).percentage == 1
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        assert rows[0] == list(COLUMNS_OUT)
        assert len(rows) - 1 == len(week)
        assert totals(screen).startswith(f"{len(rows) - 1:,} SMS: ")
        assert [int(row[0]) for row in rows[1:]] == [r.id for r in week]
        await pilot.press("c")
        assert app.clipboard == str(path)
        await wait_for(pilot, lambda: notices.saying("Copied the file's path"), "the notice")
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_filter_ovhcloud_cannot_apply_is_exported_page_by_page(make_app, sim, tmp_path):
    wanted = records(sim, *last_7_days(sim), lambda r: kind(r) == "failed")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        await apply_filter(pilot, screen, state="failed")
        assert totals(screen).startswith(f"{len(wanted)} SMS: 0 ✓ delivered · {len(wanted)} ✗")
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert "outgoing · 7 days · failed · read page by page" in rendered(dialog)
        await wait_for(pilot, lambda: "written" in export_said(app), lambda: export_said(app))
        (path,) = tmp_path.glob("*.csv")
        assert export_said(app).startswith(f"{len(wanted)} SMS written to {path}")
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        assert [int(row["id"]) for row in rows] == [r.id for r in wanted]
        assert {row["state"] for row in rows} == {"failed"}
        assert not any(any(c.isdigit() for c in row["reason"]) for row in rows), "words"


async def test_escape_cancels_an_export_and_leaves_no_file(make_app, sim, tmp_path, notices):
    sim.world.sms.behaviour.document_delay = 3_600.0
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_history(app, pilot)
        await pilot.press("x")
        await wait_for(pilot, lambda: "prepares" in export_said(app), lambda: export_said(app))
        assert list(tmp_path.iterdir()), "the export writes a hidden file meanwhile"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the dialog to close")
        cancelled = "Export cancelled: no file written."
        await wait_for(pilot, lambda: notices.saying(cancelled), "the notice")
        assert list(tmp_path.iterdir()) == []


# New messages


async def test_new_sms_are_counted_and_r_shows_them(make_app, sim):
    app = make_app(intervals=Intervals(new_sms=0.1))
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        week = records(sim, *last_7_days(sim))
        assert "new" not in heading(screen)
        sms = sent_now(sim, "Arrived while the tab was open", 0)
        await wait_for(
            pilot, lambda: "1 new: r shows them" in heading(screen), lambda: heading(screen)
        )
        assert shown_ids(screen)[0] == week[0].id, "not shown before r"
        await pilot.press("r")
        await read_whole(pilot, screen)
        assert shown_ids(screen) == [sms.id] + [r.id for r in week]
        assert shown_cells(screen, sms.id) == cells_of(sms)
        assert "new" not in heading(screen)
        assert f"· {len(week) + 1:,} of {len(week) + 1:,} shown" in heading(screen)


async def test_only_new_sms_the_filter_keeps_are_counted(make_app, sim):
    app = make_app(intervals=Intervals(new_sms=0.1))
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_history(app, pilot)
        await apply_filter(pilot, screen, receiver="+32*")
        sent_now(sim, "To a Belgian number", 0, receiver="+32470000001")
        said = lambda: heading(screen)  # noqa: E731
        await wait_for(pilot, lambda: " new: r shows them" in said(), said)
        assert "  1 new: r shows them" in said()


async def test_a_bug_while_reading_is_said_and_the_tab_reads_again(make_app, notices, monkeypatch):
    def bug(self, wanted: int = 0) -> list:
        raise RuntimeError("boom")

    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_history(app, pilot)
        shown = len(screen.query_one(HistoryPane).table.row_keys())
        monkeypatch.setattr(HistoryBrowser, "more", bug)
        await pilot.press("slash")
        await fill(pilot, "all", "period")
        await pilot.press("enter")  # the first screenful, then a read on that fails
        await wait_for(pilot, lambda: notices.saying("Something went wrong"), "the bug said")
        assert notices.saying("Something went wrong: RuntimeError('boom')")
        await wait_for(pilot, lambda: "reading…" not in heading(screen), lambda: heading(screen))
        assert app.is_running
        monkeypatch.undo()
        await pilot.press("r")
        await history_read(pilot)
        assert len(screen.query_one(HistoryPane).table.row_keys()) >= min(shown, 60)
