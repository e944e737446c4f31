"""Credit transfers and the automatic recharge settings."""

from __future__ import annotations

import pytest
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.sms.schema import enum
from tests.simulator.sms.conftest import CLASSIC, MAIN, OTHERS

TRANSFER = f"/sms/{MAIN}/transferCredits"


BAD_TRANSFERS = [
    (0.5, CLASSIC, "at least 1"),
    (1_000_000, CLASSIC, "has 12480.35 left"),
    (5, MAIN, "same account"),
    (5, OTHERS, "same customer"),
    (5, "sms-nobody-1", "same customer"),
    ("5", CLASSIC, "a number"),
]


def test_bad_transfers_are_refused_and_move_nothing(api):
    for credits, target, says in BAD_TRANSFERS:
        with pytest.raises(ovh_errors.BadParametersError, match=says):
            api.post(TRANSFER, credits=credits, smsAccountTarget=target)
    assert api.get(f"/sms/{MAIN}")["creditsLeft"] == 12480.35


def test_the_whole_balance_can_move(api):
    left = api.get(f"/sms/{CLASSIC}")["creditsLeft"]
    api.post(f"/sms/{CLASSIC}/transferCredits", credits=left, smsAccountTarget=MAIN)
    assert api.get(f"/sms/{CLASSIC}")["creditsLeft"] == 0


def test_recharge_accepts_the_schema_packs_and_null(api):
    for amount in [*enum("sms.PackQuantityAutomaticRecreditEnum"), None]:
        api.put(
            f"/sms/{MAIN}", automaticRecreditAmount=amount, creditThresholdForAutomaticRecredit=0
        )
        account = api.get(f"/sms/{MAIN}")
        assert account["automaticRecreditAmount"] == amount
        assert account["creditThresholdForAutomaticRecredit"] == 0


BAD_CHANGES = [
    {"automaticRecreditAmount": 300},
    {"automaticRecreditAmount": "1000"},
    {"automaticRecreditAmount": True},
    {"creditThresholdForAutomaticRecredit": -1},
    {"creditThresholdForAutomaticRecredit": None},
    {"description": 12},
    {"smsResponse": {"responseType": "carrier-pigeon"}},
]


def test_bad_account_changes_are_400s(api):
    for change in BAD_CHANGES:
        with pytest.raises(ovh_errors.BadParametersError, match="Invalid"):
            api.put(f"/sms/{MAIN}", **change)
    assert api.get(f"/sms/{MAIN}")["automaticRecreditAmount"] == 1000


def test_read_only_fields_sent_back_are_ignored(api):
    account = api.get(f"/sms/{MAIN}")
    api.put(f"/sms/{MAIN}", **{**account, "creditsLeft": 1e9, "description": "Prod"})
    after = api.get(f"/sms/{MAIN}")
    assert (after["creditsLeft"], after["description"]) == (account["creditsLeft"], "Prod")
