"""The SMPP connection test against the simulator's SMSC: each step timed as it happens, and
each failure named for the app to explain."""

from __future__ import annotations

import logging
import socket
import ssl
import threading

import pytest
import trustme

from smpp_tui.api import smpp_check
from smpp_tui.api import smpp_steps as steps
from smpp_tui.api.smpp_steps import Step, Target, password_problem
from smpp_tui.simulator.smsc.server import Smsc

MAIN = "smpp-dc12345-1"
ALL = [steps.DNS, steps.TCP, steps.TLS, steps.BIND, steps.ENQUIRE, steps.UNBIND]


@pytest.fixture
def smsc(demo):
    world, _ = demo
    with Smsc(world) as running:
        yield running


def password(smsc: Smsc, account: str = MAIN) -> str:
    return smsc.world.sms.accounts[account].password


def check(smsc: Smsc, secret: str, *, tls: bool = True, account: str = MAIN, **options):
    reported: list[Step] = []
    target = Target("localhost", smsc.tls_port if tls else smsc.plain_port, tls, account)
    options.setdefault("ca", smsc.ca_pem if tls else None)
    outcome = smpp_check.run(target, secret, reported.append, **options)
    return outcome, reported


def test_a_bind_over_tls_reports_each_step_as_it_starts_and_ends(smsc):
    outcome, reported = check(smsc, password(smsc))
    assert outcome.passed, outcome.failure
    assert [step.name for step in outcome.steps] == ALL
    assert all(step.seconds is not None and step.seconds >= 0 for step in outcome.steps)
    assert reported == [x for step in outcome.steps for x in (Step(step.name), step)]
    details = {step.name: step.detail for step in outcome.steps}
    assert details[steps.DNS] in ("127.0.0.1", "::1")  # localhost's first address
    assert (details[steps.TCP], details[steps.TLS]) == ("127.0.0.1", "TLSv1.3")
    assert outcome.source == "127.0.0.1"


def test_plaintext_has_no_handshake(smsc):
    outcome, _ = check(smsc, password(smsc), tls=False)
    assert outcome.passed
    assert steps.TLS not in [step.name for step in outcome.steps]


@pytest.mark.parametrize(
    ("account", "secret", "status"),
    [
        (MAIN, "wrong", 0x0E),
        ("smpp-nobody-1", "whatever", 0x0F),
        ("smpp-dc12345-3", None, 0x0D),  # UPDATING_IP
    ],
    ids=["wrong password", "unknown SystemID", "UPDATING_IP"],
)
def test_a_refused_bind_names_its_status(smsc, account, secret, status):
    outcome, _ = check(smsc, secret or password(smsc, account), account=account)
    assert (outcome.failure.kind, outcome.failure.status) == (steps.STATUS, status)
    assert outcome.steps[-1] == Step(steps.BIND, outcome.steps[-1].seconds, f"0x{status:02X}", True)


def test_an_address_not_allowed_closes_before_the_answer(smsc):
    smsc.world.sms.accounts[MAIN].allowed_ips.remove("127.0.0.1")
    outcome, _ = check(smsc, password(smsc))
    assert (outcome.failure.kind, outcome.failure.step) == (steps.CLOSED, steps.BIND)
    assert outcome.source == "127.0.0.1"


def test_repeated_failures_are_throttled(smsc):
    for _ in range(smsc.world.sms.behaviour.bind_failures_throttled):
        check(smsc, "wrong")
    outcome, _ = check(smsc, password(smsc))
    assert outcome.failure.status == 0x400


def test_a_closed_port_is_refused_at_connect(smsc):
    with socket.socket() as closed:  # bound, not listening: held, and refused
        closed.bind(("127.0.0.1", 0))
        target = Target("127.0.0.1", closed.getsockname()[1], False, MAIN)
        outcome = smpp_check.run(target, "x", lambda step: None)
    assert (outcome.failure.kind, outcome.failure.step) == (steps.REFUSED, steps.TCP)
    assert outcome.source is None


def test_a_name_that_resolves_nowhere_fails_at_dns():
    target = Target("smpp1.sim.ovh.invalid", 2776, True, MAIN)
    outcome = smpp_check.run(target, "x", lambda step: None)
    assert (outcome.failure.kind, outcome.failure.step) == (steps.NO_SUCH_HOST, steps.DNS)


def test_without_the_demos_ca_the_certificate_does_not_verify(smsc):
    outcome, _ = check(smsc, password(smsc), ca=None)
    assert (outcome.failure.kind, outcome.failure.step) == (steps.CERTIFICATE, steps.TLS)
    assert "certificate" in outcome.failure.detail


def test_a_server_below_tls_1_3_is_named():
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    authority.issue_cert("localhost").configure_cert(context)
    with socket.create_server(("127.0.0.1", 0)) as server:
        threading.Thread(target=_handshake_once, args=(server, context), daemon=True).start()
        target = Target("localhost", server.getsockname()[1], True, MAIN)
        outcome = smpp_check.run(
            target, "x", lambda step: None, ca=authority.cert_pem.bytes().decode()
        )
    assert (outcome.failure.kind, outcome.failure.step) == (steps.TLS_VERSION, steps.TLS)


def _handshake_once(server: socket.socket, context: ssl.SSLContext) -> None:
    sock, _ = server.accept()
    with sock, pytest.raises(ssl.SSLError):
        context.wrap_socket(sock, server_side=True)


def test_a_silent_server_times_out_at_the_bind():
    with socket.create_server(("127.0.0.1", 0)) as server:
        target = Target("127.0.0.1", server.getsockname()[1], False, MAIN)
        outcome = smpp_check.run(target, "x", lambda step: None, timeout=0.3)
    assert (outcome.failure.kind, outcome.failure.step) == (steps.TIMEOUT, steps.BIND)


def test_the_password_reaches_no_log(smsc, caplog):
    caplog.set_level(logging.DEBUG)
    secret = password(smsc)
    outcome, _ = check(smsc, secret)
    assert outcome.passed
    assert logging.getLogger("smpp_tui.smpplib").getEffectiveLevel() == logging.INFO
    assert secret not in caplog.text
    assert secret.encode().hex() not in caplog.text


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type the SMPP password"),
        ("123456789", "1 to 8"),
        ("pässwd", "ASCII"),
        ("a\tb", "1 to 8"),
    ],
)
def test_a_password_smpp_cannot_carry_is_refused_first(typed, says):
    assert says in password_problem(typed)
    assert password_problem("a1b2c3d4") is None


def test_tls_to_the_plaintext_port_says_it_is_not_tls(smsc):
    target = Target("localhost", smsc.plain_port, True, MAIN)
    outcome = smpp_check.run(target, password(smsc), lambda step: None, ca=smsc.ca_pem)
    assert (outcome.failure.kind, outcome.failure.step) == (steps.NOT_TLS, steps.TLS)
