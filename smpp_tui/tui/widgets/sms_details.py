"""One SMS whole: its text as text, every raw code with what it means, and what the operator's
register (HLR) says of the receiver where OVHcloud has it."""

from __future__ import annotations

from rich.text import Text

from smpp_tui.api.delivery import STYLE, delivery_state, ptt_meaning
from smpp_tui.api.models import HistorySms, Hlr, OutgoingSms
from smpp_tui.tui import words

Rows = list[tuple[str, Text]]


def sms_details(sms: HistorySms, hlr: Hlr | Exception | None) -> Rows:
    rows: Rows = [
        ("Id", Text(str(sms.id))),
        ("Date", Text(words.when(sms.created, seconds=True))),
        ("From", words.plain(sms.sender or "not said")),
    ]
    if isinstance(sms, OutgoingSms):
        rows += _sent(sms)
    rows += [
        ("Message", words.plain(sms.message)),
        ("Credits", Text(f"{sms.credits:,.2f}")),
        ("Tag", words.plain(sms.tag or "none")),
    ]
    return rows + _hlr(hlr)


def _sent(sms: OutgoingSms) -> Rows:
    state = delivery_state(sms.delivery_receipt, sms.ptt)
    receipt = "delivered" if sms.delivery_receipt == 1 else "no delivery receipt"
    return [
        ("To", words.plain(sms.receiver)),
        ("Delivery", Text(f"{state.symbol} {state.words}", style=STYLE[state.kind])),
        ("PTT code", Text(f"{sms.ptt}: {ptt_meaning(sms.ptt)}")),
        ("Delivery receipt", Text(f"{sms.delivery_receipt}: {receipt}")),
        ("Sent at", Text(words.when(sms.sent_at, seconds=True) or "not yet")),
        ("Delivered at", Text(words.when(sms.delivered_at, seconds=True) or "not delivered")),
        ("SMS (parts)", Text(str(sms.parts))),
        ("Tariff code", words.plain(sms.tariff_code or "none")),
        ("Message ID", words.plain(sms.message_id or "none")),
        ("Batch ID", words.plain(sms.batch_id or "none")),
    ]


def _hlr(hlr: Hlr | Exception | None) -> Rows:
    if hlr is None:
        return []
    if isinstance(hlr, Exception):
        return [("HLR", Text(f"not available: {hlr}", style="dim"))]
    return [(f"HLR {name}", words.plain(value)) for name, value in hlr.fields]
