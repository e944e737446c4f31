"""The local SMSC: an SMPP client outside the app (smpplib) binds, submits and gets receipts,
under each simulated account's rules; what it sent is read back through the API."""

from __future__ import annotations

import socket
import ssl
import struct

import pytest
import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp

from smpp_tui.simulator.smsc.server import Smsc
from tests.simulator.sms.conftest import FULL, MAIN, UPDATING, WAITING

OTP = "Your code is 424242"


@pytest.fixture
def smsc(world):
    with Smsc(world) as running:
        yield running


class Client(smpplib.client.Client):
    """smpplib's client, its TLS wrapping given the server's name to verify."""

    def __init__(self, port: int, tls: ssl.SSLContext | None = None) -> None:
        super().__init__("localhost", port, timeout=5, allow_unknown_opt_params=True)
        self._tls = tls

    def _create_socket(self) -> socket.socket:
        raw = super()._create_socket()
        return raw if self._tls is None else self._tls.wrap_socket(raw, server_hostname=self.host)


def connected(smsc: Smsc, tls: bool = False) -> Client:
    context = ssl.create_default_context(cafile=str(smsc.ca_path)) if tls else None
    client = Client(smsc.tls_port if tls else smsc.plain_port, context)
    client.connect()
    return client


def bind_status(smsc: Smsc, system_id: str, password: str, role: str = "transceiver") -> int:
    """The bind's command status; -1 when the SMSC closed the connection unanswered."""
    client = connected(smsc)
    try:
        getattr(client, f"bind_{role}")(system_id=system_id, password=password)
    except smpplib.exceptions.PDUError as error:
        return error.args[1]
    except smpplib.exceptions.ConnectionError:
        return -1
    finally:
        client.disconnect()
    return 0


def test_the_settings_name_the_smscs_ports(api, smsc):
    (endpoint,) = api.get(f"/sms/{MAIN}/smpp/settings")["endpoints"]
    assert endpoint == {
        "secured": f"localhost:{smsc.tls_port}",
        "unsecured": f"localhost:{smsc.plain_port}",
    }


def test_the_endpoints_resolve_nowhere_once_it_stops(api, world):
    with Smsc(world):
        pass
    hosts = {e["secured"] for e in api.get(f"/sms/{MAIN}/smpp/settings")["endpoints"]}
    assert hosts == {"smpp1.sim.ovh.invalid:2776", "smpp2.sim.ovh.invalid:2776"}


@pytest.mark.parametrize("tls", [False, True], ids=["plaintext", "tls"])
def test_a_client_binds_submits_and_gets_its_receipt(api, world, smsc, tls):
    credits = world.sms.accounts[MAIN].credits_left
    client = connected(smsc, tls)
    receipts, sent = [], []
    client.set_message_received_handler(lambda pdu: receipts.append(pdu))
    client.set_message_sent_handler(lambda pdu: sent.append(pdu.message_id.decode()))
    try:
        client.bind_transceiver(system_id=MAIN, password=world.sms.accounts[MAIN].password)
        client.send_message(
            source_addr_ton=5,
            source_addr="ExampleTel",
            dest_addr_ton=1,
            dest_addr_npi=1,
            destination_addr="33612345678",
            short_message=OTP.encode(),
            registered_delivery=1,
        )
        client.read_once()  # submit_sm_resp
        client.read_once()  # deliver_sm
        client.unbind()
    finally:
        client.disconnect()
    (message_id,) = sent
    (receipt,) = receipts
    assert receipt.esm_class == 0x04
    assert receipt.receipted_message_id.decode() == message_id
    assert b" stat:DELIVRD err:000 " in receipt.short_message
    (found,) = api.get(f"/sms/{MAIN}/outgoing", messageID=message_id)
    sms = api.get(f"/sms/{MAIN}/outgoing/{found}")
    assert (sms["sender"], sms["receiver"], sms["message"]) == ("ExampleTel", "+33612345678", OTP)
    assert (sms["ptt"], sms["deliveryReceipt"], sms["numberOfSms"]) == (0, 1, 1)
    assert api.get(f"/sms/{MAIN}")["creditsLeft"] == credits - 1


def test_a_receipt_goes_to_the_accounts_receiver(world, smsc):
    password = world.sms.accounts[MAIN].password
    sender, receiver = connected(smsc), connected(smsc)
    receipts = []
    receiver.set_message_received_handler(lambda pdu: receipts.append(pdu.short_message))
    try:
        receiver.bind_receiver(system_id=MAIN, password=password)
        sender.bind_transmitter(system_id=MAIN, password=password)
        sender.send_message(
            dest_addr_ton=1, dest_addr_npi=1, destination_addr="3228001122",
            short_message=b"hello", registered_delivery=1,
        )  # fmt: skip
        sender.read_once()
        receiver.read_once()
    finally:
        sender.disconnect()
        receiver.disconnect()
    (receipt,) = receipts
    assert receipt.startswith(b"id:")


def test_one_transceiver_per_account(world, smsc):
    password = world.sms.accounts[MAIN].password
    first = connected(smsc)
    try:
        first.bind_transceiver(system_id=MAIN, password=password)
        assert bind_status(smsc, MAIN, password) == smpplib.consts.SMPP_ESME_RBINDFAIL
        assert bind_status(smsc, MAIN, password, "receiver") == smpplib.consts.SMPP_ESME_RBINDFAIL
        first.unbind()
    finally:
        first.disconnect()
    assert bind_status(smsc, MAIN, password) == 0, "free again once unbound"


def test_binds_are_refused_as_ovhcloud_would(world, smsc):
    accounts = world.sms.accounts
    assert bind_status(smsc, MAIN, "wrong") == smpplib.consts.SMPP_ESME_RINVPASWD
    assert bind_status(smsc, "smpp-nobody-1", "x") == smpplib.consts.SMPP_ESME_RINVSYSID
    assert bind_status(smsc, "sms-dc12345-1", "x") == smpplib.consts.SMPP_ESME_RINVSYSID
    # no IP allowed yet: the connection closes before any answer
    assert bind_status(smsc, WAITING, accounts[WAITING].password) == -1
    # the new list is being applied
    assert bind_status(smsc, UPDATING, accounts[UPDATING].password) == 0x0D
    accounts["smpp-dc12345-4"].allowed_ips.append("127.0.0.1")  # ERROR
    assert bind_status(smsc, "smpp-dc12345-4", accounts["smpp-dc12345-4"].password) == 0x0D


def test_an_address_removed_is_refused_once_the_change_applies(api, world, world_clock, smsc):
    password = world.sms.accounts[FULL].password
    api.put(f"/sms/{FULL}/smpp/allowedIPs", action="remove", ips=["127.0.0.1"])
    assert bind_status(smsc, FULL, password) == -1
    api.put(f"/sms/{FULL}/smpp/allowedIPs", action="add", ips=["127.0.0.1"])
    assert bind_status(smsc, FULL, password) == 0x0D, "UPDATING_IP: not yet"
    world_clock.advance(world.sms.behaviour.ip_settle_delay)
    assert bind_status(smsc, FULL, password) == 0


def test_the_old_password_fails_after_a_regeneration(api, world, smsc):
    old = world.sms.accounts[MAIN].password
    api.post(f"/sms/{MAIN}/smpp/password")
    (mail,) = [m for m in world.sms.outbox.mails if m.subject.startswith("Your new")]
    new = mail.body.split("Password: ")[1].split()[0]
    assert bind_status(smsc, MAIN, old) == smpplib.consts.SMPP_ESME_RINVPASWD
    assert bind_status(smsc, MAIN, new) == 0


def test_repeated_failures_throttle_the_system_id(world, world_clock, smsc):
    password = world.sms.accounts[MAIN].password
    for _ in range(world.sms.behaviour.bind_failures_throttled):
        assert bind_status(smsc, MAIN, "wrong") == smpplib.consts.SMPP_ESME_RINVPASWD
    assert bind_status(smsc, MAIN, password) == 0x400, "even the right password, meanwhile"
    assert bind_status(smsc, FULL, world.sms.accounts[FULL].password) == 0, "one account only"
    world_clock.advance(world.sms.behaviour.bind_throttle_seconds)
    assert bind_status(smsc, MAIN, password) == 0


def test_links_answer_enquire_link_unbind_and_nack_the_rest(world, smsc):
    client = connected(smsc)
    try:
        # smpplib sends nothing before a bind: it is told it is bound, the SMSC knows better
        client.state = smpplib.consts.SMPP_CLIENT_STATE_BOUND_TRX
        client.send_pdu(smpplib.smpp.make_pdu("submit_sm", client=client, short_message=b"x"))
        assert client.read_pdu().status == smpplib.consts.SMPP_ESME_RINVBNDSTS
        client.state = smpplib.consts.SMPP_CLIENT_STATE_OPEN
        client.bind_transceiver(system_id=MAIN, password=world.sms.accounts[MAIN].password)
        client.send_pdu(smpplib.smpp.make_pdu("enquire_link", client=client))
        assert client.read_pdu().command == "enquire_link_resp"
        query = smpplib.smpp.make_pdu(
            "query_sm", client=client, message_id="1", source_addr="ExampleTel"
        )
        client.send_pdu(query)
        nack = client.read_pdu()
        assert (nack.command, nack.status) == ("generic_nack", smpplib.consts.SMPP_ESME_RINVCMDID)
        assert nack.sequence == query.sequence
        assert client.unbind().command == "unbind_resp"
        with pytest.raises(smpplib.exceptions.ConnectionError):
            client.read_pdu()  # closed after the unbind
    finally:
        client.disconnect()


def test_a_tls_client_verifies_the_smscs_name(smsc):
    context = ssl.create_default_context(cafile=str(smsc.ca_path))
    with (
        socket.create_connection(("127.0.0.1", smsc.tls_port), timeout=5) as raw,
        pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch"),
    ):
        context.wrap_socket(raw, server_hostname="smpp.example.com")


def test_tls_below_1_3_is_refused(smsc):
    context = ssl.create_default_context(cafile=str(smsc.ca_path))
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    with (
        socket.create_connection(("127.0.0.1", smsc.tls_port), timeout=5) as raw,
        pytest.raises(ssl.SSLError),
    ):
        context.wrap_socket(raw, server_hostname="localhost")


def test_a_client_binds_again_as_soon_as_its_unbind_is_answered(world, smsc):
    password = world.sms.accounts[MAIN].password
    for _ in range(30):
        client = connected(smsc)
        try:
            client.bind_transceiver(system_id=MAIN, password=password)
            client.unbind()
        finally:
            client.disconnect()


def test_a_receiver_cannot_submit(world, smsc):
    client = connected(smsc)
    try:
        client.bind_receiver(system_id=MAIN, password=world.sms.accounts[MAIN].password)
        client.state = smpplib.consts.SMPP_CLIENT_STATE_BOUND_TRX  # smpplib would not send it
        client.send_message(dest_addr_ton=1, dest_addr_npi=1, destination_addr="33612345678")
        assert client.read_pdu().status == smpplib.consts.SMPP_ESME_RINVBNDSTS
    finally:
        client.disconnect()


def test_a_receipt_on_failure_only_comes_when_the_sms_fails(world, smsc):
    account = world.sms.accounts[MAIN]
    client = connected(smsc)
    receipts = []
    client.set_message_received_handler(lambda pdu: receipts.append(pdu.short_message))
    client.set_message_sent_handler(lambda pdu: None)
    try:
        client.bind_transceiver(system_id=MAIN, password=account.password)
        account.credits_left = 0.0
        client.send_message(
            dest_addr_ton=1, dest_addr_npi=1, destination_addr="33612345678",
            short_message=b"x", registered_delivery=2,
        )  # fmt: skip
        client.read_once()  # submit_sm_resp
        client.read_once()  # the receipt: undelivered, no credit left
    finally:
        client.disconnect()
    (receipt,) = receipts
    assert b" stat:UNDELIV err:010 " in receipt


def test_a_refused_bind_is_a_header_alone(smsc):
    request = smpplib.smpp.make_pdu(
        "bind_transceiver",
        client=smpplib.client.SimpleSequenceGenerator(),
        system_id=MAIN,
        password="wrong",
    )
    with socket.create_connection(("127.0.0.1", smsc.plain_port), timeout=5) as raw:
        raw.sendall(request.generate())
        answer = raw.recv(1024)
    assert answer == struct.pack(">LLLL", 16, 0x80000009, 0x0E, request.sequence)


def test_a_pdu_it_cannot_read_is_nacked_and_the_link_lives_on(world, smsc):
    client = connected(smsc)
    try:
        client.bind_transceiver(system_id=MAIN, password=world.sms.accounts[MAIN].password)
        submit = smpplib.smpp.make_pdu(
            "submit_sm", client=client, dest_addr_ton=1, dest_addr_npi=1, destination_addr="33"
        )
        submit.sequence = 7
        body = submit.generate()[16:] + b"\x02\x04\x00\x02\x00"  # a parameter cut short
        client._socket.sendall(struct.pack(">LLLL", 16 + len(body), 4, 0, 7) + body)
        nack = client.read_pdu()
        assert (nack.command, nack.sequence) == ("generic_nack", 7)
        client.send_pdu(smpplib.smpp.make_pdu("enquire_link", client=client))
        assert client.read_pdu().command == "enquire_link_resp"
    finally:
        client.disconnect()
