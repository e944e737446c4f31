"""Every `/sms` method of the gateway against the simulator, with and without expanded lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from smpp_tui.api import HistoryFilter, errors
from smpp_tui.simulator import Fault
from smpp_tui.simulator.routes import sms_accounts, sms_common


@pytest.fixture(params=["expanded", "ids"])
def mode(request, sim) -> str:
    sim.world.sms.behaviour.expanded_lists = request.param == "expanded"
    return request.param


@pytest.fixture
def smpp(gateway, mode) -> str:
    return gateway.list_accounts()[0].name


def _expanded_requests(sim) -> int:
    return sum(1 for e in sim.exchanges if e.path == "/sms")


def test_list_accounts(gateway, sim, mode):
    accounts = gateway.list_accounts()
    assert len(accounts) >= 8
    assert [a.name for a in accounts] == gateway.account_names()
    assert any(a.smpp for a in accounts)
    assert any(not a.smpp for a in accounts)
    per_account = [e for e in sim.exchanges if e.path.startswith("/sms/")]
    assert bool(per_account) == (mode == "ids")
    assert gateway.expanded_lists == (mode == "expanded")


def test_account_settings_and_service(gateway, smpp):
    account = gateway.account(smpp)
    assert account.name == smpp
    settings = gateway.smpp_settings(smpp)
    assert settings.system_id
    assert all(e.secured or e.unsecured for e in settings.endpoints)
    assert gateway.service_info(smpp).expiration is not None


def test_update_account_and_recharge(gateway, smpp):
    gateway.update_account(smpp, description="Gateway [/] test", callback_url=None)
    assert gateway.account(smpp).description == "Gateway [/] test"
    gateway.set_automatic_recharge(smpp, 500, 100)
    account = gateway.account(smpp)
    assert (account.recharge_pack, account.recharge_threshold) == (500, 100)
    gateway.set_automatic_recharge(smpp, None, 0)
    assert gateway.account(smpp).recharge_pack is None
    with pytest.raises(errors.InvalidInput, match="100, 200"):
        gateway.set_automatic_recharge(smpp, 123, 0)


def test_allowed_ips(gateway, smpp):
    before = gateway.allowed_ips(smpp)
    after = gateway.add_allowed_ips(smpp, ["192.0.2.200", "192.0.2.201"])
    assert set(after.ips) == {*before.ips, "192.0.2.200", "192.0.2.201"}
    assert gateway.remove_allowed_ips(smpp, ["192.0.2.200"]).ips == gateway.allowed_ips(smpp).ips
    assert gateway.smpp_settings(smpp).status == "UPDATING_IP"
    with pytest.raises(errors.InvalidInput, match="not an IPv4 address"):
        gateway.add_allowed_ips(smpp, ["10.0.0.0/8"])


def test_regenerate_password(gateway, smpp):
    assert gateway.regenerate_password(smpp) is None


def test_senders(gateway, smpp):
    senders = gateway.senders(smpp)
    assert senders
    assert gateway.sender(smpp, senders[0].sender) == senders[0]
    gateway.request_sender(smpp, "NewCo", "Our brand name", description="Brand")
    assert gateway.sender(smpp, "NewCo").status == "waitingValidation"
    gateway.delete_sender(smpp, "NewCo")
    with pytest.raises(errors.NotFound):
        gateway.sender(smpp, "NewCo")
    with pytest.raises(errors.InvalidInput):
        gateway.request_sender(smpp, "Café", "reason")


def test_transfer_credits(gateway, smpp):
    target = gateway.list_accounts()[1].name
    before = gateway.account(target).credits_left
    gateway.transfer_credits(smpp, target, 10)
    assert gateway.account(target).credits_left == before + 10
    with pytest.raises(errors.InvalidInput):
        gateway.transfer_credits(smpp, smpp, 10)


def _biggest(gateway) -> str:
    return max(gateway.list_accounts(), key=lambda a: a.name == "smpp-dc12345-1").name


def test_outgoing_pages_newest_first(gateway, mode, sim):
    name = _biggest(gateway)
    first, second = gateway.outgoing(name, page=1, size=25), gateway.outgoing(name, page=2, size=25)
    assert first.total >= 20_000
    ids = [sms.id for sms in first.items + second.items]
    assert ids == sorted(ids, reverse=True)
    assert len(set(ids)) == 50
    item_fetches = [e for e in sim.exchanges if e.path.startswith(f"/sms/{name}/outgoing/")]
    assert bool(item_fetches) == (mode == "ids")


def test_outgoing_filters_and_detail(gateway, mode):
    name = _biggest(gateway)
    newest = gateway.outgoing(name, size=5).items[0]
    assert gateway.outgoing_sms(name, newest.id) == newest
    page = gateway.outgoing(name, HistoryFilter(receiver=newest.receiver), size=10)
    assert page.items
    assert all(sms.receiver == newest.receiver for sms in page.items)
    assert gateway.ptt(newest.ptt).code == newest.ptt
    gateway.delete_outgoing(name, newest.id)
    with pytest.raises(errors.NotFound):
        gateway.outgoing_sms(name, newest.id)


def test_incoming(gateway, mode):
    accounts = gateway.list_accounts()
    pages = [gateway.incoming(a.name, size=10) for a in accounts]
    assert any(page.items for page in pages)
    for page in pages:
        ids = [sms.id for sms in page.items]
        assert ids == sorted(ids, reverse=True)


def test_list_failure_on_one_item_is_raised(gateway, sim, mode):
    sim.inject(Fault("status", 503, method="GET", path="/sms*"))
    with pytest.raises(errors.ServerError):
        gateway.list_accounts()


def test_missing_account_is_not_found(gateway, mode):
    with pytest.raises(errors.NotFound) as raised:
        gateway.smpp_settings("smpp-nobody 1")
    assert raised.value.query_id


@pytest.mark.parametrize(
    ("effect", "value", "error"),
    [
        ("status", 404, errors.NotFound),
        ("status", 429, errors.RateLimited),
        ("status", 500, errors.ServerError),
        ("rate", 1.0, errors.ServerError),
        ("drop", 0, errors.Unreachable),
        ("html", 0, errors.ServerError),
        ("list", 0, errors.BadRequest),
        ("slow", 0.1, errors.InvalidResponse),
    ],
)
def test_lists_under_each_fault(gateway, sim, mode, effect, value, error):
    gateway.me()
    sim.inject(Fault(effect, value, method="GET", path="/sms/*/senders*"))
    name = gateway.list_accounts()[0].name
    with pytest.raises(error):
        gateway.senders(name)


def test_lists_with_latency(gateway, sim, mode):
    sim.inject(Fault("latency", 0.01))
    assert len(gateway.list_accounts()) >= 8


def _paths(sent, since: int) -> list[str]:
    return [path for _, path, _ in sent[since:]]


def test_smaller_pages_than_asked_are_all_fetched(gateway, sim, sent):
    sim.world.sms.behaviour.max_page_size = 4  # the client asks 500 a page, gets 4
    names = gateway.account_names()
    assert len(names) == 9
    since = len(sent)
    assert [a.name for a in gateway.list_accounts()] == names
    assert _paths(sent, since) == ["/sms"] * 3  # 4 + 4 + 1: pages of the size served


def test_pages_without_counts_page_on_while_full(gateway, sim, sent, monkeypatch):
    # A server that says neither its page size nor the total: pages go on while they are full.
    def bare(request, ids, expand):
        reply = sms_common.listing(request, ids, expand)
        for name in ("X-Pagination-Size", "X-Pagination-Elements", "X-Pagination-Total"):
            getattr(reply, "headers", {}).pop(name, None)  # the plain id list has none
        return reply

    monkeypatch.setattr(sms_accounts, "listing", bare)
    sim.world.sms.behaviour.max_page_size = 3
    names = gateway.account_names()
    since = len(sent)
    assert [a.name for a in gateway.list_accounts()] == names
    assert _paths(sent, since) == ["/sms"] * 4  # 3 + 3 + 3, then an empty page ends it
    assert gateway.expanded_lists


def test_history_page_in_an_unordered_list_is_fetched_id_by_id(gateway, sim, sent, customers):
    # A server whose id list is not in id order: the newest 25 sit on pages all over the list.
    name = _biggest(gateway)
    history = sim.world.sms.account(customers[0].customer.nichandle, name).traffic.outgoing
    ordered = history.query
    history.query = lambda *args: sorted(ordered(*args), key=lambda i: (i % 50, i))
    since = len(sent)
    page = gateway.outgoing(name, page=1, size=25)
    ids = [sms.id for sms in page.items]
    assert ids == sorted(history.query(), reverse=True)[:25]
    paths = _paths(sent, since)
    assert paths.count(f"/sms/{name}/outgoing") == 1  # the id list, and no page
    assert len(paths) == 1 + 25  # then each id


USAGE_ACCOUNT = "smpp-dc12345-7"  # 2,000 SMS over 60 days: about 1,000 in 30, two pages of 500


def _window(sim, name: str, since: datetime) -> tuple[int, float]:
    """The simulator's own count and credits of the account's SMS sent since `since`."""
    history = sim.world.sms.accounts[name].traffic.outgoing
    records = history.records(history.query(None, since.timestamp()))
    return len(records), round(sum(record.credits for record in records), 2)


def _sms_paths(sent, since: int) -> list[str]:
    """The `/sms` paths asked since `since` (the clock's sync on `/auth/time` left out)."""
    return [path for path in _paths(sent, since) if path.startswith("/sms")]


def _thirty_days_ago() -> datetime:
    return (datetime.now(UTC) - timedelta(days=30)).replace(microsecond=0)


def test_usage_with_expanded_lists_counts_and_sums_the_credits(gateway, sim, sent):
    sim.world.sms.behaviour.expanded_lists = True
    since = _thirty_days_ago()
    count, credits = _window(sim, USAGE_ACCOUNT, since)
    assert count > 500, "more than one page"
    before = len(sent)
    usage = gateway.usage(USAGE_ACCOUNT, since)
    assert usage.since == since
    assert usage.messages == count
    assert usage.credits == pytest.approx(credits, abs=0.005)
    paths = _sms_paths(sent, before)
    assert paths == [f"/sms/{USAGE_ACCOUNT}/outgoing"] * -(-count // 500), "pages, no per-id"


def test_usage_of_a_window_without_sms_is_nothing(gateway, sim):
    sim.world.sms.behaviour.expanded_lists = True
    later = datetime.now(UTC) + timedelta(days=1)
    assert gateway.usage(USAGE_ACCOUNT, later).messages == 0
    assert gateway.usage(USAGE_ACCOUNT, later).credits == 0


@pytest.mark.parametrize("off", ["gateway", "simulator"])
def test_usage_without_expanded_lists_is_the_count_alone(make_gateway, sim, sent, off):
    gateway = make_gateway(expanded_lists=off != "gateway")
    sim.world.sms.behaviour.expanded_lists = off != "simulator"
    since = _thirty_days_ago()
    count, _ = _window(sim, USAGE_ACCOUNT, since)
    before = len(sent)
    usage = gateway.usage(USAGE_ACCOUNT, since)
    assert (usage.since, usage.messages, usage.credits) == (since, count, None)
    paths = _sms_paths(sent, before)
    assert set(paths) == {f"/sms/{USAGE_ACCOUNT}/outgoing"}, "the id list only: no per-id fetch"
    assert len(paths) <= 2
    again = len(sent)
    assert gateway.usage(USAGE_ACCOUNT, since).messages == count
    assert len(_sms_paths(sent, again)) == 1, "once known to answer ids, the id list alone"


def test_a_route_answering_ids_does_not_stop_others_from_being_paged(gateway, sim, sent):
    sim.world.sms.behaviour.expanded_lists = True  # pages of accounts; senders are ids only
    name = gateway.list_accounts()[0].name
    before = len(sent)
    senders = gateway.senders(name)
    assert {s.sender for s in senders} == set(sim.world.sms.accounts[name].senders)
    assert len(_sms_paths(sent, before)) == 1 + len(senders), "ids to a page asked, each sender"
    assert gateway.expanded_lists, "the account list is still asked for pages"
    before = len(sent)
    assert gateway.list_accounts()[0].name == name
    assert _sms_paths(sent, before) == ["/sms"], "one request: a page of whole accounts"
    before = len(sent)
    assert gateway.senders(name) == senders
    assert len(_sms_paths(sent, before)) == 1 + len(senders), "the id list, each sender"


def test_the_first_usage_on_a_server_that_does_not_page_asks_the_id_list_once(gateway, sim, sent):
    sim.world.sms.behaviour.expanded_lists = False
    before = len(sent)
    gateway.usage(USAGE_ACCOUNT, _thirty_days_ago())
    assert _sms_paths(sent, before) == [f"/sms/{USAGE_ACCOUNT}/outgoing"]
