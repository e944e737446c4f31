"""The plans of a write (`smpp_tui.store.plans`): what the user typed read against a snapshot of
the store, before anything is sent. The accounts are the simulator's, fetched through a real
gateway; a refusal says what is accepted, and an account the store does not hold yet is not
guessed at."""

from __future__ import annotations

import pytest

from smpp_tui.api.models import Account
from smpp_tui.store import Store, plans
from smpp_tui.store.resources import ACCOUNTS
from smpp_tui.store.snapshot import Snapshot
from tests.conftest import refusal

SOURCE = "smpp-dc12345-1"  # 12,480.35 credits, a pack of 1000 below 500
TARGET = "smpp-dc12345-2"  # 250.50 credits, no automatic recharge


@pytest.fixture
def accounts(gateway) -> dict[str, Account]:
    return {account.name: account for account in gateway.list_accounts()}


@pytest.fixture
def snapshot(store: Store, accounts) -> Snapshot:
    """The store once the account list was fetched."""
    store.fetched(ACCOUNTS, tuple(accounts.values()), 0.0, store.ticket())
    return store.snapshot


def test_sim_accounts_are_as_these_tests_expect(accounts):
    assert accounts[SOURCE].credits_left == 12480.35
    assert accounts[TARGET].credits_left == 250.5


def test_a_transfer_holds_both_accounts_and_the_credits(snapshot, accounts):
    plan = plans.transfer(snapshot, SOURCE, f" {TARGET} ", "12.5")
    assert plan == plans.Transfer(accounts[SOURCE], accounts[TARGET], 12.5)


def test_the_whole_balance_may_be_transferred(snapshot, accounts):
    plan = plans.transfer(snapshot, TARGET, SOURCE, "250.5")
    assert (plan.source.name, plan.target.name, plan.credits) == (TARGET, SOURCE, 250.5)


@pytest.mark.parametrize(
    ("target", "credits", "said"),
    [
        (SOURCE, "50", "cannot transfer credits to itself: choose another account"),
        ("smpp-xx00000-1", "50", "is not an SMS account of this customer; give one of"),
        ("smpp-jm67890-1", "50", "is not an SMS account of this customer"),  # another customer's
        ("", "50", "nothing is not an SMS account"),
        (TARGET, "0", "too few: transfer a number of credits from 1 to 12,480.35"),
        (TARGET, "0.5", "too few: transfer a number of credits from 1 to 12,480.35"),
        (TARGET, "-5", "is not a number of credits from 1 to 12,480.35, to the cent, such as 50"),
        (TARGET, "1e3", "is not a number of credits from 1 to 12,480.35"),
        (TARGET, "nan", "is not a number of credits from 1 to 12,480.35"),
        (TARGET, "", "nothing is not a number of credits"),
        (TARGET, "12480.36", "more than the 12,480.35 left"),
    ],
)
def test_a_transfer_refused_says_what_is_accepted(snapshot, target, credits, said):
    assert said in refusal(plans.transfer, snapshot, SOURCE, target, credits)


def test_the_accounts_offered_as_targets_are_the_others(snapshot):
    message = refusal(plans.transfer, snapshot, SOURCE, "nobody", "50")
    others = ", ".join(f"smpp-dc12345-{n}" for n in range(2, 7))
    assert f"({others} and 3 more)" in message, "five others, in order, then how many more"


def test_a_transfer_from_an_account_not_known_yet_is_refused(store):
    message = refusal(plans.transfer, store.snapshot, SOURCE, TARGET, "50")
    assert message == f"{SOURCE} is not known yet; try again in a moment"


def test_a_transfer_to_an_account_not_known_yet_is_refused(store, accounts):
    store.fetched(ACCOUNTS, (accounts[SOURCE],), 0.0, store.ticket())
    assert "is not an SMS account" in refusal(plans.transfer, store.snapshot, SOURCE, TARGET, "50")


def test_a_recharge_holds_the_account_as_it_is_the_pack_and_threshold(snapshot, accounts):
    plan = plans.recharge(snapshot, TARGET, " 100 ", "500")
    assert plan == plans.Recharge(accounts[TARGET], 500, 100)
    assert plan.account.recharge_pack is None, "as it is now, before the change"


@pytest.mark.parametrize("typed", ["off", "OFF", ""])
def test_a_recharge_turned_off(snapshot, accounts, typed):
    plan = plans.recharge(snapshot, SOURCE, "0", typed)
    assert plan == plans.Recharge(accounts[SOURCE], None, 0)
    assert plan.account.recharge_pack == 1000


@pytest.mark.parametrize(
    ("threshold", "pack", "said"),
    [
        ("-5", "500", "is not a threshold: give a whole number of credits, 0 or more"),
        ("1.5", "500", "is not a threshold: give a whole number of credits, 0 or more"),
        ("", "500", "is not a threshold"),
        ("100", "123", "is not a pack: give one of 100, 200, 250, 500, 1000, 5000, 10000, or off"),
        ("100", "lots", "is not a pack: give one of"),
    ],
)
def test_a_recharge_refused_says_what_is_accepted(snapshot, threshold, pack, said):
    assert said in refusal(plans.recharge, snapshot, TARGET, threshold, pack)


def test_a_recharge_of_an_account_not_known_yet_is_refused(store):
    message = refusal(plans.recharge, store.snapshot, TARGET, "100", "500")
    assert message == f"{TARGET} is not known yet; try again in a moment"


def test_plans_send_nothing(sim, snapshot):
    sent = len(sim.exchanges)
    plans.transfer(snapshot, SOURCE, TARGET, "50")
    plans.recharge(snapshot, TARGET, "100", "500")
    assert len(sim.exchanges) == sent
