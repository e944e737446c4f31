"""The watches over the gateway, against the simulator: what a refresh costs and brings."""

from __future__ import annotations

from smpp_tui.store.resources import ACCOUNTS, Intervals, Resources


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


def test_accounts_missing_from_what_is_known_are_fetched(sim, gateway, customers):
    from smpp_tui.simulator.sms.account import SmsAccount

    sim.world.sms.behaviour.expanded_lists = False
    known = gateway.list_accounts()
    owner = customers[0].customer.nichandle
    sim.world.sms.add(SmsAccount("sms-zz99999-1", owner, smpp=False, created=0))
    fresh = Resources(gateway).accounts(known[1:], visible=[]).fetch()
    assert "sms-zz99999-1" in {account.name for account in fresh}
    assert known[0].name in {account.name for account in fresh}, "unknown before: fetched"
