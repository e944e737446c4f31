"""The watches over the gateway, against the simulator: what a refresh costs and brings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from smpp_tui.api.models import Usage
from smpp_tui.store.resources import (
    ACCOUNTS,
    ROWS_A_TURN,
    USAGE_DAYS,
    Intervals,
    Resources,
    senders_key,
    usage_key,
)

USAGE_ACCOUNT = "smpp-dc12345-7"  # 2,000 SMS over 60 days


def test_with_expanded_lists_the_whole_list_is_one_request(sim, gateway):
    resources = Resources(gateway)
    known = gateway.list_accounts()
    watch = resources.accounts(known, visible=[])
    before = len(sim.exchanges)
    assert watch.fetch() == known
    assert len(sim.exchanges) - before == 1
    assert watch.cost == 1, "one page of objects"
    assert watch.key == ACCOUNTS


def test_without_them_only_names_and_visible_accounts_are_fetched(sim, gateway, client):
    sim.world.sms.behaviour.expanded_lists = False
    resources = Resources(gateway, Intervals(default=30))
    known = gateway.list_accounts()
    shown, hidden = known[0].name, known[-1].name
    client.put(f"/sms/{shown}", description="changed, on screen")
    client.put(f"/sms/{hidden}", description="changed, off screen")
    watch = resources.accounts(known, visible=[shown])
    before = len(sim.exchanges)
    fresh = {account.name: account for account in watch.fetch()}
    assert len(sim.exchanges) - before == 2, "the names, then the one account on screen"
    assert watch.cost == 2
    assert fresh[shown].description == "changed, on screen"
    assert fresh[hidden].description == known[-1].description, "its turn comes when shown"
    assert set(fresh) == {account.name for account in known}


def test_without_them_the_rows_on_screen_are_read_again_a_few_at_a_time(sim, gateway):
    sim.world.sms.behaviour.expanded_lists = False
    resources = Resources(gateway)
    known = gateway.list_accounts()
    visible = [account.name for account in known[:5]]
    read: list[str] = []
    for _ in range(5):  # five refreshes of the list: two rows each, in turn
        watch = resources.accounts(known, visible)
        before = len(sim.exchanges)
        watch.fetch()
        sent = list(sim.exchanges)[before:]
        assert len(sent) == watch.cost == 1 + ROWS_A_TURN
        read += [e.path.removeprefix("/sms/") for e in sent if e.path != "/sms"]
    assert sorted(read) == sorted(visible * 2), "each row on screen twice: none left out"


def test_r_reads_every_row_on_screen_again(sim, gateway):
    sim.world.sms.behaviour.expanded_lists = False
    known = gateway.list_accounts()
    visible = [account.name for account in known[:5]]
    watch = Resources(gateway).accounts(known, visible)
    assert watch.whole is not None
    before = len(sim.exchanges)
    watch.whole()
    assert len(sim.exchanges) - before == 1 + len(visible)


def test_on_the_list_the_ip_counts_and_the_list_are_details(gateway):
    resources = Resources(gateway)
    assert resources.accounts(visible=["a"], detail=True).detail
    assert resources.allowed_ips("a", detail=True).detail
    assert not resources.allowed_ips("a").detail, "an account's own screen: not a detail"
    assert not resources.settings("a").detail


def test_accounts_missing_from_what_is_known_are_fetched(sim, gateway, customers):
    from smpp_tui.simulator.sms.account import SmsAccount

    sim.world.sms.behaviour.expanded_lists = False
    known = gateway.list_accounts()
    owner = customers[0].customer.nichandle
    sim.world.sms.add(SmsAccount("sms-zz99999-1", owner, smpp=False, created=0))
    fresh = Resources(gateway).accounts(known[1:], visible=[]).fetch()
    assert "sms-zz99999-1" in {account.name for account in fresh}
    assert known[0].name in {account.name for account in fresh}, "unknown before: fetched"


def test_the_senders_watch_fetches_the_senders(sim, gateway):
    watch = Resources(gateway, Intervals(default=30)).senders("smpp-dc12345-1")
    assert watch.key == senders_key("smpp-dc12345-1")
    assert watch.interval == 30
    senders = watch.fetch()
    assert {s.sender for s in senders} == set(sim.world.sms.accounts["smpp-dc12345-1"].senders)
    assert [s.sender for s in senders] == sorted(s.sender for s in senders)
    statuses = {s.sender: s.status for s in senders}
    assert statuses["ALERTES"] == "waitingValidation"
    assert statuses["PROMO"] == "refused"


def sent_since(sim, name: str, since: datetime) -> int:
    history = sim.world.sms.accounts[name].traffic.outgoing
    return len(history.query(None, since.timestamp()))


def test_the_usage_watch_asks_the_last_30_days_counted_from_today(sim, gateway, world_clock):
    # A calendar 20 days behind OVHcloud's clock: the window starts 50 days before its now
    # (to the second: the microseconds are not sent).
    behind = datetime.fromtimestamp(world_clock.now, UTC) - timedelta(days=20)
    today = behind.replace(microsecond=123_456)
    watch = Resources(gateway, Intervals(rare=600), today=lambda: today).usage(USAGE_ACCOUNT)
    assert watch.key == usage_key(USAGE_ACCOUNT)
    assert watch.interval == 600, "rarely: it changes slowly"
    usage = watch.fetch()
    since = (today - timedelta(days=USAGE_DAYS)).replace(microsecond=0)
    assert usage.since == since
    assert usage.messages == sent_since(sim, USAGE_ACCOUNT, since)
    last_30_days = datetime.fromtimestamp(world_clock.now, UTC) - timedelta(days=30)
    assert usage.messages > sent_since(sim, USAGE_ACCOUNT, last_30_days), "not the clock's now"
    assert usage.credits is not None


def test_the_usage_watch_sends_no_more_requests_than_its_cost(sim, gateway, world_clock):
    today = datetime.fromtimestamp(world_clock.now, UTC)
    resources = Resources(gateway, today=lambda: today)
    known = resources.usage(USAGE_ACCOUNT).fetch()
    assert known.messages > 500
    watch = resources.usage(USAGE_ACCOUNT, known)
    before = len(sim.exchanges)
    assert watch.fetch() == known
    assert len(sim.exchanges) - before <= watch.cost


@pytest.mark.parametrize(
    ("messages", "cost"),
    [(None, 2), (0, 1), (1, 2), (500, 2), (501, 3), (1200, 4), (20_000, 41)],
)
def test_the_usage_watch_costs_one_request_and_one_per_page_of_500_known(gateway, messages, cost):
    known = None if messages is None else Usage(datetime(2025, 1, 1, tzinfo=UTC), messages, 0.0)
    assert Resources(gateway).usage(USAGE_ACCOUNT, known).cost == cost
