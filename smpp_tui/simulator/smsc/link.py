"""One client connection to the local SMSC: PDUs read, answered by the rules, written back.

PDUs are parsed and made by smpplib's own command classes (the same the app's client sends);
only the framing (a length, then the rest) and the body-less header of a refused bind are
written here.

One thread reads and writes each connection: an OpenSSL connection must not be used by two
threads at once, so a delivery receipt from another link's thread waits in `_outbox` until
this link's thread, woken every `POLL_SECONDS`, sends it.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import struct
import threading
import time
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
POLL_SECONDS = 0.1  # how late a receipt from another link's thread may leave

INVALID_LENGTH, INVALID_COMMAND, NOT_BOUND, ALREADY_BOUND = 0x02, 0x03, 0x04, 0x05
SYSTEM_ERROR = 0x08
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


class _Ended(Exception):
    """The client closed the connection, or stayed silent too long."""


class Link:
    def __init__(self, sock: socket.socket, source: str, smsc: Smsc) -> None:
        self._socket, self._source, self._smsc = sock, source, smsc
        self._sequences = SimpleSequenceGenerator()
        self._outbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._numbering = threading.Lock()  # receipts are numbered from several threads
        self._owner: int | None = None  # the thread that reads and writes the socket
        self.system_id: str | None = None
        self.role: str | None = None

    def serve(self) -> None:
        self._owner = threading.get_ident()
        try:
            self._socket.settimeout(POLL_SECONDS)
            while self._answer(self._read()):
                self._flush()
        except _Ended:
            pass
        except OSError as error:  # a broken connection: its own only
            log.debug("SMPP link from %s ended: %s", self._source, error)
        finally:
            self._smsc.binds.release(self)
            self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()

    def send(self, name: str, sequence: int | None = None, **params: Any) -> None:
        """Send a PDU: at once from this link's thread, else when its thread next wakes."""
        if sequence is None:
            with self._numbering:
                sequence = self._sequences.next_sequence()
        pdu = smpp.make_pdu(name, client=self._sequences, **params)
        pdu.sequence = sequence  # as smpplib's client answers: given, it may be ignored
        self._write(pdu.generate())

    def _write(self, raw: bytes) -> None:
        if threading.get_ident() == self._owner:
            self._socket.sendall(raw)
        else:
            self._outbox.put(raw)

    def _flush(self) -> None:
        while True:
            try:
                raw = self._outbox.get_nowait()
            except queue.Empty:
                return
            self._socket.sendall(raw)

    def _read(self) -> bytes:
        """The next PDU whole (`_Ended` at the end of the connection)."""
        head = self._exactly(4)
        (length,) = struct.unpack(">L", head)
        if not HEADER <= length <= LARGEST_PDU:
            self.send("generic_nack", 0, status=INVALID_LENGTH)
            raise _Ended
        return head + self._exactly(length - 4)

    def _exactly(self, size: int) -> bytes:
        data, silent_until = b"", time.monotonic() + IDLE_SECONDS
        while len(data) < size:
            try:
                piece = self._socket.recv(size - len(data))
            except TimeoutError:  # woken: what other threads left to send goes now
                self._flush()
                if time.monotonic() > silent_until:
                    raise _Ended from None
                continue
            if not piece:
                raise _Ended
            data += piece
        return data

    def _answer(self, raw: bytes) -> bool:
        """Answer one PDU; False to close the connection."""
        command_id, _, sequence = struct.unpack(">LLL", raw[4:HEADER])
        try:
            if command_id in _BINDS:
                return self._bind(raw, _BINDS[command_id], sequence)
            handler = _HANDLERS.get(command_id)
            if handler is None:  # outbind, query_sm, cancel_sm, data_sm...: not at OVHcloud
                self.send("generic_nack", sequence, status=INVALID_COMMAND)
                return True
            return handler(self, raw, sequence)
        except OSError:
            raise
        except Exception as error:  # a body smpplib cannot read, or a bug: this PDU only
            log.info("SMPP PDU 0x%08x from %s not understood: %r", command_id, self._source, error)
            self.send("generic_nack", sequence, status=SYSTEM_ERROR)
            return True

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
        if status != rules.OK:  # SMPP 3.4: a refusal is a header alone
            command = _BIND_ANSWERS[role]
            self._write(struct.pack(">LLLL", HEADER, command, status, sequence))
            return True
        self.system_id, self.role = bind.system_id, role
        self.send(answer, sequence, system_id="OVHcloud")
        return True

    def _submit(self, raw: bytes, sequence: int) -> bool:
        if self.system_id is None or self.role == rules.RECEIVER:
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
        asked = (sms.registered_delivery or 0) & 0x03  # 1: a receipt; 2: on failure only
        if asked == 1 or (asked == 2 and sent.ptt != messages.DELIVERED):
            self._smsc.deliver_receipt(self.system_id, sent)
        return True

    def _enquire_link(self, raw: bytes, sequence: int) -> bool:
        self.send("enquire_link_resp", sequence)
        return True

    def _unbind(self, raw: bytes, sequence: int) -> bool:
        self._smsc.binds.release(self)  # first: a client may bind again once answered
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


_BIND_ANSWERS = {role: command | 0x80000000 for command, role in _BINDS.items()}
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
