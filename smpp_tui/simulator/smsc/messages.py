"""What a `submit_sm` leaves behind: an SMS in the account's outgoing history (read back
through the API like any other) and the delivery receipt's text (SMPP 3.4, appendix B).

The simulator's choices: every SMS is delivered at once; an account without the credits an SMS
costs gets it refused by the network (PTT 10, "account credit exhausted"), not by the bind.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.ptt import DELIVERED, delivery_receipt
from smpp_tui.simulator.sms.traffic import Outgoing, operator_of

CREDIT_EXHAUSTED = 10
UCS2 = 8


def parts(text: str, data_coding: int) -> int:
    """SMS parts: 160 GSM characters or 70 UCS2 ones in one, 153 or 67 per part beyond."""
    single, each = (70, 67) if data_coding == UCS2 else (160, 153)
    return 1 if len(text) <= single else -(-len(text) // each)


def record(
    account: SmsAccount, sender: str, receiver: str, text: str, data_coding: int, now: float
) -> Outgoing:
    """The SMS as sent, added to the account's history (its credits paid)."""
    count = parts(text, data_coding)
    cost = float(count)  # one credit a part, wherever it goes
    paid = account.credits_left >= cost
    if paid:
        account.credits_left = round(account.credits_left - cost, 2)
    ptt = DELIVERED if paid else CREDIT_EXHAUSTED
    history = account.traffic.outgoing
    record_id, created = history.next_slot(now)
    sms = Outgoing(
        id=record_id,
        created=created,
        sender=sender,
        receiver=receiver,
        message=text,
        ptt=ptt,
        delivery_receipt=delivery_receipt(ptt),
        parts=count,
        credits=cost if paid else 0.0,
        tariff_code=operator_of(receiver).country_code or "FR",
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
