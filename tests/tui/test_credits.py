"""Credits (`4` on an account, and the accounts screen), driven with the keyboard: the balance,
the automatic recharge and what the last 30 days used, checked against the simulator's history;
changing the recharge; moving credits between two accounts, from the tab or from the list;
what is refused before anything is sent; accounts running out of credits, and the order by
credits; a read-only app offering none of these writes."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from smpp_tui.simulator import Fault
from smpp_tui.store.resources import USAGE_DAYS, senders_key, usage_key
from smpp_tui.tui.screens.account import AccountScreen
from smpp_tui.tui.screens.accounts import AccountsScreen
from smpp_tui.tui.screens.confirm import ConfirmScreen
from smpp_tui.tui.screens.recharge_form import RechargeScreen
from smpp_tui.tui.screens.transfer_form import TransferScreen
from smpp_tui.tui.widgets.credits import CreditsPane
from tests.tui.conftest import (
    SIZE,
    WAITING,
    WORKING,
    cell,
    fetched,
    fill,
    loaded,
    open_account,
    refused,
    rendered,
    shown_names,
    status,
    table,
    wait_for,
    world_today,
)

OTHER_CUSTOMER = "smpp-jm67890-1"
CLASSIC = "sms-dc12345-1"  # a classic SMS account, two of its users with a quota
NOT_GRANTED = {"class": "Client::Forbidden", "message": "This call has not been granted"}
NOW_AND_AFTER = "when below 500 credits, buy a pack of 1,000"


def credits_shown(screen: AccountScreen) -> dict[str, str]:
    """The Credits tab, label by label, as the table shows it."""
    pane = screen.query_one(CreditsPane)
    return {
        pane.table.get_cell(key, "field").plain: pane.table.get_cell(key, "value").plain
        for key in pane.table.row_keys()
    }


def title(screen: AccountScreen) -> str:
    return rendered(screen.query_one("#account-title", Static))


def writes(sim, path: str = "/sms/") -> list:
    return [e for e in sim.exchanges if e.method != "GET" and e.path.startswith(path)]


def lines_of(confirm: ConfirmScreen) -> list[list[str]]:
    """The confirmation's body, a line a list of words."""
    return [
        line.split() for line in rendered(confirm.query_one("#confirm-body", Static)).splitlines()
    ]


async def on_credits(app, pilot, name: str = WORKING) -> AccountScreen:
    screen = await open_account(app, pilot, name)
    await pilot.press("4")
    await fetched(pilot, usage_key(name), "the last 30 days")
    return screen


async def submit(pilot, form_key: str, **fields: str) -> None:
    """Open a form with `form_key`, fill its fields, `enter`."""
    await pilot.press(form_key)
    for field, text in fields.items():
        await fill(pilot, text, field)
    await pilot.press("enter")


async def confirmation(pilot) -> ConfirmScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen), "the confirmation")
    return pilot.app.screen


# The tab


async def test_the_tab_says_the_balance_the_recharge_and_the_last_30_days(
    make_app, sim, world_clock
):
    app = make_app(today=world_today(world_clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_credits(app, pilot)
        account = sim.world.sms.accounts[WORKING]
        since = world_today(world_clock)() - timedelta(days=USAGE_DAYS)
        history = account.traffic.outgoing
        sent = history.records(history.query(since=since.timestamp()))
        spent = round(sum(sms.credits for sms in sent), 2)
        assert len(sent) > 500, "more than one page"
        shown = credits_shown(screen)
        assert shown["Credits left"] == f"{account.credits_left:,.2f}" == "12,480.35"
        assert shown["Automatic recharge"] == NOW_AND_AFTER
        assert shown["Last 30 days"] == f"{len(sent):,} SMS sent, {spent:,.2f} credits"
        days = account.credits_left / (spent / USAGE_DAYS)
        assert shown["At that rate"] == f"about {days:,.0f} days of credits left"
        assert "Held by quota" not in shown, "no user of this account has a quota"
        assert "12,480.35 credits" in title(screen)
        note = rendered(screen.query_one("#credits-note", Static))
        assert "e changes the automatic recharge; t transfers credits" in note


async def test_credits_held_by_users_quotas_are_said(make_app, sim):
    account = sim.world.sms.accounts[CLASSIC]
    assert (account.users_with_quota, account.credits_held) == (2, 300.0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_credits(app, pilot, CLASSIC)
        assert credits_shown(screen)["Held by quota"] == "300.00 (2 users)"


# The automatic recharge


async def test_change_the_recharge_then_turn_it_off(make_app, sim, notices):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_credits(app, pilot)
        await submit(pilot, "e", threshold="100", pack="500")
        confirm = await confirmation(pilot)
        assert f"recharge of {WORKING}?" in rendered(confirm.query_one("#confirm-title", Static))
        header, row = lines_of(confirm)
        assert header == ["now", "after"]
        assert " ".join(row) == f"{NOW_AND_AFTER} when below 100 credits, buy a pack of 500"
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        account = sim.world.sms.accounts[WORKING]
        assert (account.recredit_amount, account.recredit_threshold) == (500, 100)
        recharge = lambda: credits_shown(screen)["Automatic recharge"]  # noqa: E731
        after = "when below 100 credits, buy a pack of 500"
        await wait_for(pilot, lambda: recharge() == after, "the new recharge")
        assert notices.saying("buy a pack of 500")

        await submit(pilot, "e", pack="off")
        assert lines_of(await confirmation(pilot))[1][-1] == "off"
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        assert account.recredit_amount is None
        await wait_for(pilot, lambda: recharge() == "off", "the recharge off")


async def test_no_to_a_recharge_change_sends_nothing_and_keeps_the_form(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_credits(app, pilot)
        await submit(pilot, "e", threshold="100", pack="500")
        await confirmation(pilot)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, RechargeScreen)
        assert (form.value("threshold"), form.value("pack")) == ("100", "500")
        assert writes(sim) == []
        assert sim.world.sms.accounts[WORKING].recredit_amount == 1000


# Digits, but not ASCII ones: Python reads them as numbers, OVHcloud would not.
ARABIC_100 = "\u0661\u0660\u0660"
WIDE_50 = "\uff15\uff10"
THRESHOLDS = "is not a threshold: give a whole number of credits, 0 or more, such as 100"
PACKS = "is not a pack: give one of 100, 200, 250, 500, 1000, 5000, 10000, or off"


BAD_RECHARGES = [
    ("threshold", "-5", f"'-5' {THRESHOLDS}"),
    ("threshold", "abc", f"'abc' {THRESHOLDS}"),
    ("threshold", "1.5", f"'1.5' {THRESHOLDS}"),
    ("threshold", "[bold]", f"'[bold]' {THRESHOLDS}"),
    ("threshold", "", f"nothing {THRESHOLDS}"),
    ("threshold", ARABIC_100, f"{ARABIC_100!r} {THRESHOLDS}"),
    ("pack", "123", f"'123' {PACKS}"),
    ("pack", "lots", f"'lots' {PACKS}"),
]


async def test_bad_recharge_values_are_refused_before_sending(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_credits(app, pilot)
        await pilot.press("e")
        for field, typed, problem in BAD_RECHARGES:
            fields = {"threshold": "100", "pack": "500", field: typed}
            assert await refused(pilot, **fields) == problem, typed
            assert app.screen.value(field) == typed, "kept as typed"
        assert writes(sim) == []
        assert sim.world.sms.accounts[WORKING].recredit_amount == 1000


# Moving credits


async def test_transfer_50_credits_to_another_account(make_app, sim, notices):
    accounts = sim.world.sms.accounts
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_credits(app, pilot)
        await submit(pilot, "t", target=WAITING, credits="50")
        confirm = await confirmation(pilot)
        said = rendered(confirm.query_one("#confirm-title", Static))
        assert said == f"Transfer 50.00 credits to {WAITING}?"
        assert lines_of(confirm) == [
            ["account", "now", "after"],
            [WORKING, "12,480.35", "12,430.35"],
            [WAITING, "250.50", "300.50"],
        ]
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is screen, "the form to close")
        assert round(accounts[WORKING].credits_left, 2) == 12430.35
        assert round(accounts[WAITING].credits_left, 2) == 300.50
        assert writes(sim)[0].body == {"credits": 50.0, "smsAccountTarget": WAITING}
        await wait_for(pilot, lambda: "12,430.35 credits" in title(screen), "the new balance")
        assert credits_shown(screen)["Credits left"] == "12,430.35"
        assert notices.saying(f"Moved 50.00 credits from {WORKING} to {WAITING}")
        await pilot.press("escape")
        assert (cell(app, WORKING, "credits"), cell(app, WAITING, "credits")) == (
            "12,430.35",
            "300.50",
        )


async def test_no_to_a_transfer_sends_nothing(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_credits(app, pilot)
        await submit(pilot, "t", target=WAITING, credits="50")
        await confirmation(pilot)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, TransferScreen), "the form stays, as typed"
        assert (form.value("target"), form.value("credits")) == (WAITING, "50")
        await pilot.press("escape")
        assert app.screen is screen
        assert writes(sim) == []
        assert sim.world.sms.accounts[WORKING].credits_left == 12480.35


AMOUNTS = "a number of credits from 1 to 12,480.35, to the cent, such as 50 or 12.5"
TARGETS = "is not an SMS account of this customer; give one of its other accounts (smpp-dc12345-2,"


BAD_TRANSFERS = [
    (WAITING, "0", "0", f"0 credits is too few: transfer {AMOUNTS}"),
    (WAITING, "-5", "-5", f"'-5' is not {AMOUNTS}"),
    (WAITING, "12.5.3", "12.5.3", f"'12.5.3' is not {AMOUNTS}"),
    (WAITING, "10.123", "10.123", f"'10.123' is not {AMOUNTS}"),
    (WAITING, "", "", f"nothing is not {AMOUNTS}"),
    (WAITING, WIDE_50, WIDE_50, f"{WIDE_50!r} is not {AMOUNTS}"),
    (WAITING, "[bold]", "[bold]", f"'[bold]' is not {AMOUNTS}"),
    ("", "50", "50", f"nothing {TARGETS}"),
    (WAITING, "12480.36", "12480.36", "12480.36 credits is more than the 12,480.35 left"),
    (WORKING, "50", "50", f"{WORKING} cannot transfer credits to itself: choose another"),
    ("smpp-nope-1", "50", "50", f"'smpp-nope-1' {TARGETS}"),
    (OTHER_CUSTOMER, "50", "50", f"'{OTHER_CUSTOMER}' {TARGETS}"),
    # A pasted paragraph arrives as one line: not a number.
    (WAITING, "50\nas agreed\n", "50 as agreed", f"'50 as agreed' is not {AMOUNTS}"),
]


async def test_bad_transfers_are_refused_before_sending(make_app, sim):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_credits(app, pilot)
        await pilot.press("t")
        for target, typed, kept, problem in BAD_TRANSFERS:
            assert problem in await refused(pilot, target=target, credits=typed), typed
            form = app.screen
            assert (form.value("target"), form.value("credits")) == (target, kept)
        assert writes(sim) == []
        assert sim.world.sms.accounts[WORKING].credits_left == 12480.35


async def test_an_account_with_less_than_a_credit_offers_no_impossible_transfer(
    make_app, sim, notices
):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("G")
        assert table(app).current_account == "sms-dc12345-2"
        assert sim.world.sms.accounts["sms-dc12345-2"].credits_left == 0.5
        await pilot.press("t")
        assert isinstance(app.screen, AccountsScreen), "no form to fill in vain"
        assert notices.saying("sms-dc12345-2 has 0.50 credits: a transfer moves at least 1.")


def field_line(field: Input) -> str:
    """What a field shows: its text and the completion offered after it."""
    return field.render_line(0).text.strip()


async def test_the_target_completes_with_the_customers_accounts_only(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_credits(app, pilot)
        await pilot.press("t")
        target = app.screen.query_one("#target", Input)
        assert app.focused is target
        await fill(pilot, "sms-")
        await wait_for(pilot, lambda: field_line(target) == "sms-dc12345-1", field_line(target))
        await pilot.press("right")
        assert target.value == "sms-dc12345-1"
        await fill(pilot, "smpp-jm")  # the other customer's: not offered
        await pilot.pause(0.1)  # nothing to wait for: a completion would show by then
        assert field_line(target) == "smpp-jm"
        await pilot.press("right")
        assert target.value == "smpp-jm"


async def test_t_on_the_accounts_screen_transfers_from_the_account_under_the_cursor(make_app, sim):
    accounts = sim.world.sms.accounts
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        while table(app).current_account != WAITING:
            await pilot.press("j")
        await pilot.press("t")
        form = app.screen
        assert isinstance(form, TransferScreen)
        assert f"Transfer credits from {WAITING} (250.50 left)" in rendered(form)
        await fill(pilot, WORKING, "target")
        await fill(pilot, "10.5", "credits")
        await pilot.press("enter")
        confirm = await confirmation(pilot)
        assert lines_of(confirm)[1:] == [
            [WAITING, "250.50", "240.00"],
            [WORKING, "12,480.35", "12,490.85"],
        ]
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountsScreen), "the list")
        assert (accounts[WAITING].credits_left, accounts[WORKING].credits_left) == (240.0, 12490.85)
        await wait_for(pilot, lambda: cell(app, WAITING, "credits") == "240.00", "the balance")
        assert cell(app, WORKING, "credits") == "12,490.85"


async def refused_by_ovhcloud(pilot, sim, form_key: str, method: str, **fields: str) -> str:
    """`form_key`'s form filled and confirmed, OVHcloud refusing the write: what the form says,
    checked to carry OVHcloud's words and the query id of the refused request."""
    await submit(pilot, form_key, **fields)
    await confirmation(pilot)
    await pilot.press("y")
    form = pilot.app.screen
    await wait_for(pilot, lambda: not form.sending and form.problem != "", "the refusal")
    (sent,) = [e for e in writes(sim) if e.method == method]
    assert sent.status == 403
    assert NOT_GRANTED["message"] in form.problem
    assert f"OVHcloud query id {sent.query_id}" in form.problem
    return form.problem


async def test_a_transfer_ovhcloud_refuses_moves_nothing_and_keeps_the_form(make_app, sim, notices):
    sim.inject(Fault("status", 403, "POST", "/sms/*/transferCredits", body=NOT_GRANTED))
    accounts = sim.world.sms.accounts
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        screen = await on_credits(app, pilot)
        await refused_by_ovhcloud(pilot, sim, "t", "POST", target=WAITING, credits="50")
        form = app.screen
        assert isinstance(form, TransferScreen)
        assert (form.value("target"), form.value("credits")) == (WAITING, "50")
        assert (accounts[WORKING].credits_left, accounts[WAITING].credits_left) == (12480.35, 250.5)
        assert not notices.saying("Moved")
        await pilot.press("escape")
        assert app.screen is screen
        assert credits_shown(screen)["Credits left"] == "12,480.35"


async def test_a_recharge_ovhcloud_refuses_changes_nothing_and_keeps_the_form(make_app, sim):
    sim.inject(Fault("status", 403, "PUT", f"/sms/{WORKING}", body=NOT_GRANTED))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_credits(app, pilot)
        await refused_by_ovhcloud(pilot, sim, "e", "PUT", threshold="100", pack="500")
        form = app.screen
        assert isinstance(form, RechargeScreen)
        assert (form.value("threshold"), form.value("pack")) == ("100", "500")
        account = sim.world.sms.accounts[WORKING]
        assert (account.recredit_amount, account.recredit_threshold) == (1000, 500.0)
        await pilot.press("escape")
        assert credits_shown(screen)["Automatic recharge"] == NOW_AND_AFTER


# The accounts screen


async def test_accounts_running_out_are_marked_and_ordered_by_credits(make_app, sim):
    mine = {n: a for n, a in sim.world.sms.accounts.items() if a.owner == "dc12345-ovh"}
    low = {
        name
        for name, a in mine.items()
        if a.credits_left < (a.recredit_threshold if a.recredit_amount else 100)
    }
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        original = shown_names(app)
        assert {n for n in original if cell(app, n, "credits").startswith("⚠")} == low
        assert len(low) == 4
        assert "⚠ 4 running out of credits" in status(app)
        await pilot.press("o")
        by_credits = sorted(mine, key=lambda n: (mine[n].credits_left, n))
        assert shown_names(app) == by_credits
        assert "by credits" in status(app)
        await pilot.press("o")
        assert shown_names(app) == original
        assert "by credits" not in status(app)


async def test_a_read_only_app_offers_no_credit_or_sender_write(make_app, sim):
    app = make_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: loaded(app), "the accounts")
        await pilot.press("t")
        assert isinstance(app.screen, AccountsScreen), "no transfer from the list"
        screen = await on_credits(app, pilot)
        assert "transfers credits" not in rendered(screen.query_one("#credits-note", Static))
        for key in ("e", "t"):
            await pilot.press(key)
            assert app.screen is screen, f"{key}: no dialog"
        await pilot.press("3")
        await fetched(pilot, senders_key(WORKING), "the senders")
        for key in ("a", "d"):
            await pilot.press(key)
            assert app.screen is screen, f"{key}: no dialog"
        assert writes(sim, "/") == []
