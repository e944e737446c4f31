"""One client connection to the local SMSC: PDUs read, answered by the rules, written back.

PDUs are parsed and made by smpplib's own command classes (the same the app's client sends),
so the simulator writes no encoding of its own; only the framing (a length, then the rest)
is read here.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from smpplib import smpp
from smpplib.client import SimpleSequenceGenerator

from smpp_tui.simulator.smsc import messages, rules

if TYPE_CHECKING:
    from smpp_tui.simulator.smsc.server import Smsc

log = logging.getLogger("smpp_tui.simulator.smsc")

HEADER = 16
LARGEST_PDU = 64 * 1024
IDLE_SECONDS = 300.0  # a silent client is let go (OVHcloud recommends enquire_link every 30 s)

INVALID_LENGTH, INVALID_COMMAND, NOT_BOUND, ALREADY_BOUND = 0x02, 0x03, 0x04, 0x05
BAD_DESTINATION_TON, BAD_DESTINATION_NPI = 0x50, 0x51
UNSUPPORTED_CODING = 0x401  # OVHcloud's own
_CODINGS = {0: "latin-1", 1: "ascii", 3: "latin-1", 8: "utf-16-be"}
_BINDS = {
    0x00000002: rules.TRANSMITTER,
    0x00000001: rules.RECEIVER,
    0x00000009: rules.TRANSCEIVER,
}
SUBMIT_SM, DELIVER_SM_RESP, UNBIND, ENQUIRE_LINK, GENERIC_NACK = (
    0x00000004,
    0x80000005,
    0x00000006,
    0x00000015,
    0x80000000,
)


class Link:
    def __init__(self, sock: socket.socket, source: str, smsc: Smsc) -> None:
        self._socket, self._source, self._smsc = sock, source, smsc
        self._sequences = SimpleSequenceGenerator()
        self._write_lock = threading.Lock()  # receipts come from other links' threads
        self.system_id: str | None = None

    def serve(self) -> None:
        try:
            self._socket.settimeout(IDLE_SECONDS)
            while (raw := self._read()) is not None and self._answer(raw):
                pass
        except (OSError, ValueError) as error:  # a broken client: its connection only
            log.debug("SMPP link from %s ended: %s", self._source, error)
        finally:
            self._smsc.binds.release(self)
            self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()

    def send(self, name: str, sequence: int | None = None, **params: Any) -> None:
        if sequence is None:
            sequence = self._sequences.next_sequence()
        pdu = smpp.make_pdu(name, client=self._sequences, **params)
        pdu.sequence = sequence  # as smpplib's client answers: given, it may be ignored
        with self._write_lock:
            self._socket.sendall(pdu.generate())

    def _read(self) -> bytes | None:
        """The next PDU whole, or None at the end of the connection."""
        head = self._exactly(4)
        if head is None:
            return None
        (length,) = struct.unpack(">L", head)
        if not HEADER <= length <= LARGEST_PDU:
            self.send("generic_nack", 0, status=INVALID_LENGTH)
            return None
        rest = self._exactly(length - 4)
        return None if rest is None else head + rest

    def _exactly(self, size: int) -> bytes | None:
        data = b""
        while len(data) < size:
            piece = self._socket.recv(size - len(data))
            if not piece:
                return None
            data += piece
        return data

    def _answer(self, raw: bytes) -> bool:
        """Answer one PDU; False to close the connection."""
        command_id, _, sequence = struct.unpack(">LLL", raw[4:HEADER])
        if command_id in _BINDS:
            return self._bind(raw, _BINDS[command_id], sequence)
        handler = _HANDLERS.get(command_id)
        if handler is None:  # outbind, query_sm, cancel_sm, data_sm...: not at OVHcloud
            self.send("generic_nack", sequence, status=INVALID_COMMAND)
            return True
        return handler(self, raw, sequence)

    def _bind(self, raw: bytes, role: str, sequence: int) -> bool:
        request = smpp.parse_pdu(raw, client=self._sequences, allow_unknown_opt_params=True)
        answer = f"{request.command}_resp"
        if self.system_id is not None:
            self.send(answer, sequence, status=ALREADY_BOUND)
            return True
        bind = rules.Bind(_text(request.system_id), _text(request.password), role, self._source)
        status = self._smsc.binds.bind(bind, self)
        if status is None:
            log.info("bind of %s refused: %s is not allowed", bind.system_id, self._source)
            return False
        self.send(answer, sequence, status=status, system_id="OVHcloud")
        if status == rules.OK:
            self.system_id = bind.system_id
        return True

    def _submit(self, raw: bytes, sequence: int) -> bool:
        if self.system_id is None:
            self.send("submit_sm_resp", sequence, status=NOT_BOUND)
            return True
        sms = smpp.parse_pdu(raw, client=self._sequences, allow_unknown_opt_params=True)
        status = _submit_refusal(sms)
        if status:
            self.send("submit_sm_resp", sequence, status=status)
            return True
        text = bytes(sms.short_message or sms.message_payload or b"")
        sent = self._smsc.submitted(
            self.system_id,
            sender=_text(sms.source_addr),
            receiver="+" + _text(sms.destination_addr).lstrip("+"),
            text=text.decode(_CODINGS[sms.data_coding or 0], errors="replace"),
            data_coding=sms.data_coding or 0,
        )
        self.send("submit_sm_resp", sequence, message_id=sent.message_id)
        if (sms.registered_delivery or 0) & 0x03 == 1:
            self._smsc.deliver_receipt(self.system_id, sent)
        return True

    def _enquire_link(self, raw: bytes, sequence: int) -> bool:
        self.send("enquire_link_resp", sequence)
        return True

    def _unbind(self, raw: bytes, sequence: int) -> bool:
        self.send("unbind_resp", sequence)
        return False

    def _ignore(self, raw: bytes, sequence: int) -> bool:
        return True

    def deliver(self, sms: messages.Outgoing) -> None:
        """Send `sms`'s delivery receipt over this link."""
        self.send(
            "deliver_sm",
            source_addr_ton=1,
            source_addr_npi=1,
            source_addr=sms.receiver.lstrip("+"),
            dest_addr_ton=5 if not sms.sender.lstrip("+").isdigit() else 1,
            destination_addr=sms.sender,
            esm_class=0x04,
            short_message=messages.receipt(sms).encode(),
            receipted_message_id=sms.message_id,
            message_state=2 if sms.ptt == messages.DELIVERED else 5,
        )


_HANDLERS: dict[int, Callable[[Link, bytes, int], bool]] = {
    SUBMIT_SM: Link._submit,
    ENQUIRE_LINK: Link._enquire_link,
    UNBIND: Link._unbind,
    DELIVER_SM_RESP: Link._ignore,
    GENERIC_NACK: Link._ignore,
    0x80000015: Link._ignore,  # enquire_link_resp
}


def _submit_refusal(sms: Any) -> int:
    """Why OVHcloud would refuse this `submit_sm` (0: it would not)."""
    if sms.dest_addr_ton != 1:
        return BAD_DESTINATION_TON  # numbers are international (TON 1, NPI 1)
    if sms.dest_addr_npi != 1:
        return BAD_DESTINATION_NPI
    if (sms.data_coding or 0) not in _CODINGS:
        return UNSUPPORTED_CODING
    return 0


def _text(value: bytes | str | None) -> str:
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value or ""
