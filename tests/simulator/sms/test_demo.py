"""The demo data: deterministic, complete, realistic, and cheap to build."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from smpp_tui.cli import build_parser
from smpp_tui.simulator import build_demo_world, demo
from smpp_tui.simulator.knobs import MAIN_HISTORY
from smpp_tui.simulator.sms.schema import enum
from tests.conftest import Clock
from tests.simulator.sms.conftest import FULL, MAIN, START


def _fingerprint(world) -> list:
    main = world.sms.accounts[FULL].traffic.outgoing
    sample = [record.describe() for record in main.records(main.query()[:50])]
    accounts = [
        (a.name, a.description, a.credits_left, a.allowed_ips) for a in world.sms.accounts.values()
    ]
    return [accounts, sample]


def test_the_same_seed_gives_the_same_world_and_another_seed_another():
    one, _ = build_demo_world(clock=Clock(START), seed=7)
    two, _ = build_demo_world(clock=Clock(START), seed=7)
    three, _ = build_demo_world(clock=Clock(START), seed=8)
    assert _fingerprint(one) == _fingerprint(two) != _fingerprint(three)


def test_the_first_customer_has_everything_the_screens_show():
    world, customers = build_demo_world(clock=Clock(START))
    now = world.now()
    accounts = [world.sms.accounts[n] for n in world.sms.names_of(customers[0].customer.nichandle)]
    assert len(accounts) >= 8
    smpp = [a for a in accounts if a.smpp]
    assert {a.smpp_status(now) for a in smpp} == set(enum("sms.SettingsStatusEnum"))
    assert all(a.name.startswith("smpp-dc12345-") for a in smpp)
    assert all(a.name.startswith("sms-dc12345-") for a in accounts if not a.smpp)
    descriptions = [a.description for a in accounts]
    assert any("[/]" in d for d in descriptions)
    assert any(not d.isascii() for d in descriptions)
    assert any(a.credits_left != int(a.credits_left) for a in accounts)


def test_the_main_history_is_big_and_realistic():
    world, _ = build_demo_world(clock=Clock(START))
    history = world.sms.accounts[MAIN].traffic.outgoing
    records = history.records(history.query())
    assert len(records) >= 20_000
    assert START - records[-1].created > 85 * 86_400
    ptts = Counter(r.ptt for r in records)
    assert 0.8 < ptts[0] / len(records) < 0.95
    assert ptts[254] > 0
    assert {3, 5, 6, 9, 53, 800, 801} <= set(ptts)
    assert {r.sender for r in records} <= set(world.sms.accounts[MAIN].senders)


def test_building_the_demo_world_is_cheap():
    started = time.perf_counter()
    build_demo_world(clock=Clock(START))
    assert time.perf_counter() - started < 0.3


def test_scale_makes_hundreds_of_accounts_and_lazily_their_history():
    world, _customers = build_demo_world(clock=Clock(START), scale=1)
    assert len(world.sms.accounts) >= 200
    assert not any(a.traffic_made for a in world.sms.accounts.values())
    assert sum(plan_size(a) for a in world.sms.accounts.values()) >= 100_000


def plan_size(account) -> int:
    return account.traffic_source.args[0].outgoing


def test_history_sets_the_main_account_size_and_stays_lazy():
    world, _ = build_demo_world(clock=Clock(START), history=100_000)
    default, _ = build_demo_world(clock=Clock(START))
    assert not any(a.traffic_made for a in world.sms.accounts.values())
    sizes = {name: plan_size(a) for name, a in world.sms.accounts.items()}
    assert sizes.pop(MAIN) == 100_000
    assert sizes == {n: plan_size(a) for n, a in default.sms.accounts.items() if n != MAIN}
    main = world.sms.accounts[MAIN]
    assert main.description == "Production gateway (Kannel)"
    assert main.traffic_source.args[0].days == 90
    history = main.traffic.outgoing
    assert len(history.records(history.query())) == 100_000


@pytest.mark.parametrize(
    ("argv", "history"), [([], MAIN_HISTORY), (["--history", "100000"], 100_000)]
)
def test_the_simulator_command_builds_the_history_it_is_given(monkeypatch, argv, history):
    asked = {}

    def build(**kwargs):
        asked.update(kwargs)
        raise _Built

    monkeypatch.setattr(demo, "build_demo_world", build)
    args = build_parser().parse_args(["simulator", *argv])
    with pytest.raises(_Built):
        args.run(args)
    assert asked["history"] == history


def test_a_negative_history_is_refused(capsys):
    args = build_parser().parse_args(["simulator", "--history", "-1"])
    assert args.run(args) == 2
    assert "--history is a whole number >= 0" in capsys.readouterr().err


class _Built(Exception):
    """Stops the command once it has built its world, before it listens."""
