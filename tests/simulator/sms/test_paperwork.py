"""The accounts' paperwork: empty on a new account, seeded on the demo's richer ones, the same
on every build."""

from __future__ import annotations

from smpp_tui.simulator import build_demo_world
from smpp_tui.simulator.sms import SmsAccount
from tests.conftest import Clock
from tests.simulator.sms.conftest import CLASSIC, FULL, MAIN, START


def _keys(world, name: str) -> list:
    paperwork = world.sms.accounts[name].paperwork
    return [
        list(paperwork.phonebooks),
        list(paperwork.templates),
        list(paperwork.batches),
        list(paperwork.tasks),
        {sender: list(documents) for sender, documents in paperwork.sender_documents.items()},
    ]


def test_a_new_account_has_no_paperwork():
    paperwork = SmsAccount("sms-new-1", "new-ovh", smpp=False, created=START).paperwork
    assert not any((paperwork.phonebooks, paperwork.templates, paperwork.batches, paperwork.tasks))
    assert not paperwork.sender_documents


def test_the_demo_seeds_its_richer_accounts_the_same_on_every_build():
    one, _ = build_demo_world(clock=Clock(START), seed=1)
    two, _ = build_demo_world(clock=Clock(START), seed=2)
    for name in (MAIN, FULL):
        phonebooks, templates, batches, tasks, documents = _keys(one, name)
        assert (len(phonebooks), len(templates), len(batches), len(tasks)) == (2, 2, 3, 3)
        assert list(documents) == ["ExampleTel"]
        assert _keys(one, name) == _keys(two, name)
    assert _keys(one, MAIN) != _keys(one, FULL)
    assert _keys(one, CLASSIC) == [[], [], [], [], {}]
