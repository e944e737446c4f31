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


def test_the_history_is_read_newest_first_slice_by_slice_from_one_id_list(gateway, mode, sim):
    name = _biggest(gateway)
    ids = gateway.history_ids(name, "outgoing", HistoryFilter())
    assert len(ids) >= 20_000
    since = len(sim.exchanges)
    first, second = gateway.history_slice(ids, 0, 25), gateway.history_slice(ids, 25, 25)
    read = [sms.id for sms in first + second]
    assert read == list(ids.newest_first[:50]) == sorted(read, reverse=True)
    asked = [e.path for e in list(sim.exchanges)[since:]]
    # Expanded pages holding the slices, or one try of them answered with ids: never the id
    # list again, which is 20,000 ids long.
    assert asked.count(f"/sms/{name}/outgoing") == (2 if mode == "expanded" else 1)
    item_fetches = [p for p in asked if p.startswith(f"/sms/{name}/outgoing/")]
    assert bool(item_fetches) == (mode == "ids")


def test_a_slice_far_down_the_history_is_the_one_asked(gateway, mode):
    name = _biggest(gateway)
    ids = gateway.history_ids(name, "outgoing", HistoryFilter())
    deep = gateway.history_slice(ids, 5_010, 30)
    assert [sms.id for sms in deep] == list(ids.newest_first[5_010:5_040])


def test_filters_select_on_ovhcloud_and_an_sms_can_be_deleted(gateway, mode, sim):
    name = _biggest(gateway)
    everything = gateway.history_ids(name, "outgoing", HistoryFilter())
    (newest,) = gateway.history_slice(everything, 0, 1)
    mine = gateway.history_ids(name, "outgoing", HistoryFilter(receiver=newest.receiver))
    assert 0 < len(mine) < len(everything)
    assert all(sms.receiver == newest.receiver for sms in gateway.history_slice(mine, 0, 50))
    assert gateway.hlr(name, newest.id).fields
    gateway.delete_sms(name, "outgoing", newest.id)
    assert gateway.history_slice(everything, 0, 1) != (newest,), "a deleted SMS is left out"
    assert newest.id not in gateway.history_ids(name, "outgoing", HistoryFilter()).listed


def test_incoming(gateway, mode):
    accounts = gateway.list_accounts()
    lists = [gateway.history_ids(a.name, "incoming", HistoryFilter()) for a in accounts]
    assert any(lists)
    for ids in lists:
        received = gateway.history_slice(ids, 0, 10) if ids else ()
        assert [sms.id for sms in received] == list(ids.newest_first[:10])


def test_an_export_is_a_document_that_becomes_ready(gateway, sim, mode):
    name = _biggest(gateway)
    sim.world.sms.behaviour.document_delay = 0.0
    since = datetime.fromtimestamp(sim.world.now(), UTC) - timedelta(days=1)
    document_id = gateway.export_history(name, "outgoing", HistoryFilter(since=since))
    assert document_id
    document = gateway.document(document_id)
    assert document.ready
    assert document.url.endswith(".csv")


def test_only_dates_tag_and_batch_are_exported_by_ovhcloud(gateway):
    with pytest.raises(errors.InvalidInput, match="dates, tag and batch only"):
        gateway.export_history("smpp-dc12345-1", "outgoing", HistoryFilter(sender="ACME"))


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
    ids = gateway.history_ids(name, "outgoing", HistoryFilter())
    since = len(sent)
    read = [sms.id for sms in gateway.history_slice(ids, 0, 25)]
    assert read == sorted(history.query(), reverse=True)[:25]
    paths = _paths(sent, since)
    assert f"/sms/{name}/outgoing" not in paths, "no page: they would hold other SMS"
    assert len(paths) == 25  # each id


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
    ids = list(sim.world.sms.accounts[name].senders)  # as a server that pages no senders
    sim.inject(Fault("status", 200, "GET", f"/sms/{name}/senders", body=ids))
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
