"""What a `submit_sm` leaves behind: an SMS in the account's outgoing history (read back
through the API like any other) and the delivery receipt's text (SMPP 3.4, appendix B).

The simulator's choices: an SMS costs what one sent through the API costs (`destinations.cost`);
every SMS is delivered at once; an account without the credits an SMS costs gets it refused by
the network (PTT 10, "account credit exhausted"), not by the bind.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.destinations import cost, country_of
from smpp_tui.simulator.sms.jobs import parts_of
from smpp_tui.simulator.sms.ptt import DELIVERED, delivery_receipt
from smpp_tui.simulator.sms.sending import settle
from smpp_tui.simulator.sms.state import SmsState
from smpp_tui.simulator.sms.traffic import Outgoing

CREDIT_EXHAUSTED = 10
UCS2 = 8


def record(
    state: SmsState,
    account: SmsAccount,
    sender: str,
    receiver: str,
    text: str,
    data_coding: int,
    now: float,
) -> Outgoing:
    """The SMS as sent, added to the account's history (its credits paid), after the jobs
    whose time came before it."""
    settle(account, now, state.new_id)
    count = parts_of(text, unicode=data_coding == UCS2)
    price = cost(receiver, count)
    paid = account.credits_left >= price
    if paid:
        account.credits_left = round(account.credits_left - price, 2)
    ptt = DELIVERED if paid else CREDIT_EXHAUSTED
    history = account.traffic.outgoing
    record_id, created = state.new_id(), history.next_time(now)
    sms = Outgoing(
        id=record_id,
        created=created,
        sender=sender,
        receiver=receiver,
        message=text,
        ptt=ptt,
        delivery_receipt=delivery_receipt(ptt),
        parts=count,
        credits=price if paid else 0.0,
        tariff_code=(country_of(receiver) or "").upper(),
        tag="smpp",
        message_id=str(uuid.uuid4()),
        sent_at=created,
        delivered_at=created if paid else None,
    )
    history.add(sms)
    return sms


def receipt(sms: Outgoing) -> str:
    """The `short_message` of its delivery receipt."""
    at = datetime.fromtimestamp(sms.created, UTC).strftime("%y%m%d%H%M")
    delivered = sms.ptt == DELIVERED
    state = "DELIVRD" if delivered else "UNDELIV"
    return (
        f"id:{sms.message_id} sub:001 dlvrd:{int(delivered):03d} submit date:{at} "
        f"done date:{at} stat:{state} err:{sms.ptt:03d} text:{sms.message[:20]}"
    )
