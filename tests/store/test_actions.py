"""The store's actions against the simulator, through a real gateway: one at a time per action
and account, what the user typed checked before any request, every write sent audited, and
what a write returned held in the store at once while what it changed is marked out of date.

The poller's jobs wait in a queue until the test runs them; the audit trail records what the
session's audit log would write.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from smpp_tui.api.errors import BadRequest, InvalidCredentials, InvalidInput, ReadOnlyRefused
from smpp_tui.simulator import Fault
from smpp_tui.store import Poller
from smpp_tui.store.actions import ActionInProgress, Actions
from smpp_tui.store.resources import Resources, ips_key, settings_key
from tests.conftest import eventually, gateway_on

WORKING = "smpp-dc12345-1"  # SUCCESS, three IPs
WAITING = "smpp-dc12345-2"  # WAITING_IP: no IP allowed yet
FULL = "smpp-dc12345-7"  # SUCCESS, ten IPs: the most allowed
IPS = "change the allowed IPs"


class AuditTrail:
    """Records what the session's audit log would write: account, action and result."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, str]] = []

    def record(self, account: str, action: str, error: Exception | None = None) -> None:
        self.lines.append((account, action, "ok" if error is None else f"failed: {error}"))


@pytest.fixture
def poller(store, workers, clock) -> Poller:
    return Poller(store, workers, clock=clock)


@pytest.fixture
def audit() -> AuditTrail:
    return AuditTrail()


@pytest.fixture
def actions(gateway, store, poller, clock, audit) -> Actions:
    return Actions(gateway, store, poller, clock, audit)


def puts(sim) -> list[tuple[str, object]]:
    return [(e.path, e.body) for e in list(sim.exchanges) if e.method == "PUT"]


def test_the_same_action_under_way_is_refused_and_nothing_more_is_sent(
    sim, gateway, actions, audit
):
    gateway.connection.sync_clock()
    slow = sim.inject(Fault("latency", 1.0, "PUT", "/sms/*/smpp/allowedIPs", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(actions.allow_ips, WAITING, "192.0.2.10")
        # The fault counts the request when it arrives: the first is under way from then on.
        eventually(lambda: slow.spent, "the first change to reach OVHcloud")
        with pytest.raises(ActionInProgress, match=IPS):
            actions.allow_ips(WAITING, "192.0.2.11")
        with pytest.raises(ActionInProgress, match=IPS):
            actions.remove_allowed_ip(WAITING, "192.0.2.10")
        assert actions.allow_ips(WORKING, "192.0.2.99") == ["192.0.2.99"], "another account"
        assert first.result(timeout=10) == ["192.0.2.10"]
    assert sorted(puts(sim)) == [
        (f"/sms/{WORKING}/smpp/allowedIPs", {"action": "add", "ips": ["192.0.2.99"]}),
        (f"/sms/{WAITING}/smpp/allowedIPs", {"action": "add", "ips": ["192.0.2.10"]}),
    ]
    assert sorted(audit.lines) == [(WORKING, IPS, "ok"), (WAITING, IPS, "ok")]
    assert actions.allow_ips(WAITING, "192.0.2.11") == ["192.0.2.11"], "over: it may go again"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "at least one IPv4 address"),
        (" ,\n ", "at least one IPv4 address"),
        ("192.0.2.300", "is not an IPv4 address"),
        ("10.0.0.0/8", "is not an IPv4 address"),
        ("2001:db8::1", "is not an IPv4 address"),
        ("192.0.2.10, 192.0.2.10", "typed twice"),
    ],
)
def test_bad_text_is_refused_before_any_request(sim, actions, audit, typed, said):
    with pytest.raises(InvalidInput, match=said):
        actions.allow_ips(WAITING, typed)
    assert list(sim.exchanges) == []
    assert audit.lines == []


def test_the_addresses_typed_are_checked_against_those_the_store_holds(
    sim, gateway, store, clock, actions, audit
):
    allowed = gateway.allowed_ips(FULL)
    store.fetched(ips_key(FULL), allowed, clock(), store.ticket())
    sent = len(sim.exchanges)
    with pytest.raises(InvalidInput, match=f"{allowed.ips[2]} already allowed"):
        actions.allow_ips(FULL, allowed.ips[2])
    with pytest.raises(InvalidInput, match="10 of 10 are used"):
        actions.allow_ips(FULL, "203.0.113.200")
    assert len(sim.exchanges) == sent
    assert audit.lines == []


def test_a_read_only_attempt_sends_nothing_and_is_not_audited(
    sim, keys, store, poller, clock, audit
):
    actions = Actions(gateway_on(sim, keys, read_only=True), store, poller, clock, audit)
    with pytest.raises(ReadOnlyRefused):
        actions.allow_ips(WAITING, "192.0.2.10")
    with pytest.raises(ReadOnlyRefused):
        actions.regenerate_password(WORKING)
    assert list(sim.exchanges) == []
    assert audit.lines == []
    assert not store.snapshot[ips_key(WAITING)].loaded


def test_a_write_sent_is_audited_ok_and_one_ovhcloud_refused_as_failed(sim, actions, audit):
    actions.regenerate_password(WORKING)
    sim.inject(Fault("status", 400, "POST", "/sms/*/smpp/password", times=1))
    with pytest.raises(BadRequest) as refused:
        actions.regenerate_password(WORKING)
    action = "regenerate the SMPP password"
    assert audit.lines == [(WORKING, action, "ok"), (WORKING, action, f"failed: {refused.value}")]
    assert str(refused.value)


def test_a_refused_change_of_ips_leaves_the_store_as_it_was(sim, store, actions, audit):
    sim.inject(Fault("status", 400, "PUT", "/sms/*/smpp/allowedIPs", times=1))
    with pytest.raises(BadRequest):
        actions.allow_ips(WAITING, "192.0.2.10")
    assert not store.snapshot[ips_key(WAITING)].loaded
    assert store.snapshot[settings_key(WAITING)].version == 0, "not marked out of date"
    assert [result[:7] for _, _, result in audit.lines] == ["failed:"]


def test_a_log_that_cannot_be_written_does_not_make_a_write_fail(
    sim, gateway, store, poller, clock
):
    class Unwritable:
        def record(self, account: str, action: str, error: Exception | None = None) -> None:
            raise OSError("No space left on device")

    actions = Actions(gateway, store, poller, clock, Unwritable())
    actions.regenerate_password(WORKING)
    assert [e.path for e in sim.exchanges][-1] == f"/sms/{WORKING}/smpp/password"


def show_settings(gateway, poller, workers, store, account: str) -> None:
    """The account's settings on screen, fetched once."""
    poller.show([Resources(gateway).settings(account)])
    assert workers.run_all() == 1
    assert store.snapshot[settings_key(account)].loaded


def assert_settings_outdated(store, workers, clock, account: str, ticket: int) -> None:
    """An answer to a fetch started before the write (`ticket`) is dropped, and the settings
    are refreshed at once: the status moved on to UPDATING_IP."""
    key = settings_key(account)
    shown = store.snapshot[key]
    assert not store.fetched(key, "an answer from before the write", clock(), ticket)
    assert store.snapshot[key] == shown
    assert workers.run_all() == 1, "the refresh the write asked for"
    assert store.snapshot.value(key).status == "UPDATING_IP"


def test_allowed_ips_are_held_at_once_and_the_settings_marked_outdated(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    show_settings(gateway, poller, workers, store, WAITING)
    assert store.snapshot.value(settings_key(WAITING)).status == "WAITING_IP"
    ticket = store.ticket()  # a fetch of the settings starts before the write
    assert actions.allow_ips(WAITING, "192.0.2.10\n192.0.2.11") == ["192.0.2.10", "192.0.2.11"]
    assert store.snapshot.value(ips_key(WAITING)).ips == ("192.0.2.10", "192.0.2.11")
    assert [e for e in sim.exchanges if e.method == "GET" and "allowedIPs" in e.path] == []
    assert_settings_outdated(store, workers, clock, WAITING, ticket)
    assert audit.lines == [(WAITING, IPS, "ok")]


def test_a_removed_ip_is_gone_from_the_store_at_once_and_the_settings_marked_outdated(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    allowed = gateway.allowed_ips(FULL)
    store.fetched(ips_key(FULL), allowed, clock(), store.ticket())
    show_settings(gateway, poller, workers, store, FULL)
    ticket = store.ticket()
    removed = allowed.ips[3]
    answer = actions.remove_allowed_ip(FULL, removed)
    assert answer.ips == tuple(ip for ip in allowed.ips if ip != removed)
    assert store.snapshot.value(ips_key(FULL)) == answer
    assert sim.world.sms.accounts[FULL].allowed_ips == list(answer.ips)
    assert_settings_outdated(store, workers, clock, FULL, ticket)
    assert audit.lines == [(FULL, IPS, "ok")]


def test_revoking_another_profiles_key_expires_it_and_is_audited(
    sim, customers, gateway, actions, audit
):
    theirs = customers[1].keys
    other = gateway_on(sim, theirs)
    assert other.me().nichandle == "jm67890-ovh"
    actions.revoke_key(other, "jules")
    assert sim.world.credentials[theirs.consumer_key].status == "expired"
    with pytest.raises(InvalidCredentials):
        other.me()
    assert gateway.me().nichandle == "dc12345-ovh", "the key in use still works"
    assert audit.lines == [("", "revoke the API key of profile jules", "ok")]
