"""The store's actions against the simulator, through a real gateway: one at a time per action
and account, what the user typed checked before any request, every write sent audited, and
what a write returned held in the store at once while what it changed is marked out of date.

The poller's jobs wait in a queue until the test runs them; the audit trail records what the
session's audit log would write. The audit log's own file is tested in `tests/session`.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from smpp_tui.api.errors import (
    ApiError,
    BadRequest,
    InvalidCredentials,
    InvalidInput,
    ReadOnlyRefused,
)
from smpp_tui.api.models import Account, Sender
from smpp_tui.simulator import Fault
from smpp_tui.store import Poller
from smpp_tui.store.actions import ActionInProgress, Actions, RenewedMeanwhile
from smpp_tui.store.resources import ACCOUNTS, Resources, ips_key, senders_key, settings_key
from tests.conftest import eventually, gateway_on

WORKING = "smpp-dc12345-1"  # SUCCESS, three IPs
WAITING = "smpp-dc12345-2"  # WAITING_IP: no IP allowed yet
FULL = "smpp-dc12345-7"  # SUCCESS, ten IPs: the most allowed
IPS = "change the allowed IPs"


class AuditTrail:
    """Records what the session's audit log would write: account, action and result in
    `lines`, OVHcloud's query id of each in `query_ids`."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, str]] = []
        self.query_ids: list[str | None] = []

    def record(self, account: str, action: str, result: str, query_id: str | None) -> None:
        self.lines.append((account, action, result))
        self.query_ids.append(query_id)


@pytest.fixture
def poller(store, workers, clock) -> Poller:
    return Poller(store, workers, clock=clock)


@pytest.fixture
def audit() -> AuditTrail:
    return AuditTrail()


@pytest.fixture
def actions(gateway, store, poller, clock, audit) -> Actions:
    return Actions(gateway, store, poller, clock, audit)


def refused_unsent(sim, audit, said: str, action, *args) -> None:
    """`action(*args)` is refused with a message matching `said`: nothing sent, nothing logged."""
    sent = len(sim.exchanges)
    with pytest.raises(InvalidInput, match=said):
        action(*args)
    assert len(sim.exchanges) == sent
    assert audit.lines == []


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
    assert sorted(audit.lines) == [
        (WORKING, f"{IPS}: add 192.0.2.99", "ok"),
        (WAITING, f"{IPS}: add 192.0.2.10", "ok"),
    ]
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
    refused_unsent(sim, audit, said, actions.allow_ips, WAITING, typed)


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
    assert actions.last_renewal(WORKING) is None, "none was sent"
    assert list(sim.exchanges) == []
    assert audit.lines == []
    assert not store.snapshot[ips_key(WAITING)].loaded


def answered(sim, method: str, path: str) -> str:
    """OVHcloud's query id of the last answer to `method path`."""
    return [e.query_id for e in sim.exchanges if (e.method, e.path) == (method, path)][-1]


RENEWAL = "regenerate the SMPP password"
PASSWORD = f"/sms/{WORKING}/smpp/password"


def test_a_write_sent_is_audited_ok_and_one_ovhcloud_refused_as_failed(sim, actions, audit):
    actions.regenerate_password(WORKING)
    succeeded = answered(sim, "POST", PASSWORD)
    sim.inject(Fault("status", 400, "POST", "/sms/*/smpp/password", times=1))
    with pytest.raises(BadRequest) as refused:
        actions.regenerate_password(WORKING, actions.last_renewal(WORKING))
    assert audit.lines == [(WORKING, RENEWAL, "ok"), (WORKING, RENEWAL, f"failed: {refused.value}")]
    assert str(refused.value)
    assert audit.query_ids == [succeeded, answered(sim, "POST", PASSWORD)]
    assert None not in audit.query_ids
    assert len(set(audit.query_ids)) == 2, "each its own"


def renewals(sim) -> int:
    return sum(1 for e in sim.exchanges if e.method == "POST" and e.path == PASSWORD)


def test_a_renewal_confirmed_before_another_was_sent_is_refused_unsent(sim, clock, actions, audit):
    assert actions.last_renewal(WORKING) is None
    actions.regenerate_password(WORKING)  # confirmed knowing of no renewal
    first = clock()
    assert actions.last_renewal(WORKING) == first
    clock.advance(12)
    with pytest.raises(RenewedMeanwhile, match="asked 12 s ago"):
        actions.regenerate_password(WORKING)  # confirmed before the first one was sent
    assert renewals(sim) == 1
    assert audit.lines == [(WORKING, RENEWAL, "ok")], "nothing sent, nothing logged"
    assert actions.last_renewal(WORKING) == first
    actions.regenerate_password(WORKING, first)  # confirmed knowing of it
    assert renewals(sim) == 2
    assert actions.last_renewal(WORKING) == clock()
    assert actions.last_renewal(FULL) is None, "each account its own"


def test_a_burst_of_renewals_sends_one(sim, gateway, actions, audit):
    gateway.connection.sync_clock()
    sim.inject(Fault("latency", 0.2, "POST", "/sms/*/smpp/password"))
    with ThreadPoolExecutor(max_workers=3) as pool:
        tries = [pool.submit(actions.regenerate_password, WORKING) for _ in range(3)]
        failures = [attempt.exception(timeout=10) for attempt in tries]
    assert renewals(sim) == 1
    assert failures.count(None) == 1
    assert all(isinstance(f, ActionInProgress) for f in failures if f is not None)
    assert audit.lines == [(WORKING, RENEWAL, "ok")]


@pytest.mark.parametrize(
    ("fault", "counts"),
    [
        (Fault("status", 400, "POST", "/sms/*/smpp/password"), False),  # refused: no password
        (Fault("drop", 0, "POST", "/sms/*/smpp/password"), True),  # no answer: maybe one
    ],
    ids=["refused", "unanswered"],
)
def test_a_renewal_ovhcloud_refused_is_not_the_last_one(sim, clock, actions, fault, counts):
    sim.inject(fault)
    with pytest.raises(ApiError):
        actions.regenerate_password(WORKING)
    assert actions.last_renewal(WORKING) == (clock() if counts else None)


def test_a_refused_change_of_ips_leaves_the_store_as_it_was(sim, store, actions, audit):
    sim.inject(Fault("status", 400, "PUT", "/sms/*/smpp/allowedIPs", times=1))
    with pytest.raises(BadRequest):
        actions.allow_ips(WAITING, "192.0.2.10")
    assert not store.snapshot[ips_key(WAITING)].loaded
    assert store.snapshot[settings_key(WAITING)].version == 0, "not marked out of date"
    assert [result[:7] for _, _, result in audit.lines] == ["failed:"]


class Unwritable:
    """An audit log that cannot be written, as the session's says it."""

    def __init__(self) -> None:
        self.tried = 0

    def record(self, account: str, action: str, result: str, query_id: str | None) -> None:
        self.tried += 1
        raise OSError("the audit log /var/log/audit.log cannot be written: No space left")


def test_a_log_that_cannot_be_written_is_told_once_and_the_writes_go_on(
    sim, gateway, store, poller, clock
):
    log = Unwritable()
    actions = Actions(gateway, store, poller, clock, log)
    told: list[str] = []
    actions.writes.on_audit_failure = lambda error: told.append(str(error))
    actions.regenerate_password(WORKING)
    actions.allow_ips(WAITING, "192.0.2.10")
    assert [e.path for e in sim.exchanges if e.method != "GET"] == [
        PASSWORD,
        f"/sms/{WAITING}/smpp/allowedIPs",
    ]
    assert sim.world.sms.accounts[WAITING].allowed_ips == ["192.0.2.10"]
    assert told == ["the audit log /var/log/audit.log cannot be written: No space left"]
    assert log.tried == 2, "every entry is tried, the log may come back"


def test_a_write_unanswered_when_the_app_gives_up_is_logged_sent_outcome_unknown(
    sim, gateway, actions, audit
):
    gateway.connection.sync_clock()
    slow = sim.inject(Fault("latency", 1.0, "POST", "/sms/*/smpp/password", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        renewal = pool.submit(actions.regenerate_password, WORKING)
        eventually(lambda: slow.spent, "the renewal to reach OVHcloud")
        assert actions.writes.waiting() == ["the password renewal"]
        assert not actions.writes.settle(0.05)
        actions.writes.give_up()
        assert audit.lines == [(WORKING, RENEWAL, "sent, outcome unknown")]
        assert audit.query_ids == [None]
        renewal.result(timeout=10)
    assert [e.path for e in sim.exchanges if e.method == "POST"] == [PASSWORD], "it happened"
    assert len(audit.lines) == 1, "the answer after giving up adds nothing"
    assert actions.writes.waiting() == []


def test_settling_waits_for_the_answer_and_its_entry(sim, gateway, actions, audit):
    gateway.connection.sync_clock()
    slow = sim.inject(Fault("latency", 0.3, "PUT", "/sms/*/smpp/allowedIPs", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        change = pool.submit(actions.allow_ips, WAITING, "192.0.2.10")
        eventually(lambda: slow.spent, "the change to reach OVHcloud")
        assert actions.writes.waiting() == ["the change of allowed IPs"]
        assert actions.writes.settle(5)
        assert audit.lines == [(WAITING, f"{IPS}: add 192.0.2.10", "ok")]
        assert change.result(timeout=1) == ["192.0.2.10"]
    assert audit.query_ids == [answered(sim, "PUT", f"/sms/{WAITING}/smpp/allowedIPs")]


def oldest_sms(sim, account: str) -> int:
    history = sim.world.sms.accounts[account].traffic.outgoing
    return min(record.id for record in history.records(history.query()))


@pytest.mark.parametrize(
    ("write", "account", "said", "method", "path"),
    [
        (lambda a, v: a.regenerate_password(WORKING), WORKING, RENEWAL, "POST", PASSWORD),
        (
            lambda a, v: a.allow_ips(WAITING, "192.0.2.10 192.0.2.11"),
            WAITING,
            f"{IPS}: add 192.0.2.10, 192.0.2.11",
            "PUT",
            f"/sms/{WAITING}/smpp/allowedIPs",
        ),
        (
            lambda a, v: a.remove_allowed_ip(FULL, v["ip"]),
            FULL,
            f"{IPS}: remove {{ip}}",
            "PUT",
            f"/sms/{FULL}/smpp/allowedIPs",
        ),
        (
            lambda a, v: a.request_sender(WORKING, "NewCo", "Brand", REASON),
            WORKING,
            "request a sender: NewCo",
            "POST",
            f"/sms/{WORKING}/senders",
        ),
        (
            lambda a, v: a.delete_sender(WORKING, "OldBrand"),
            WORKING,
            "delete a sender: OldBrand",
            "DELETE",
            f"/sms/{WORKING}/senders/OldBrand",
        ),
        (
            lambda a, v: a.set_recharge(WAITING, 500, 12.5),
            WAITING,
            "change the automatic recharge: a pack of 500 below 12.5",
            "PUT",
            f"/sms/{WAITING}",
        ),
        (
            lambda a, v: a.transfer_credits(WORKING, WAITING, 50),
            WORKING,
            f"transfer credits: 50 to {WAITING}",
            "POST",
            f"/sms/{WORKING}/transferCredits",
        ),
        (
            lambda a, v: a.delete_sms(WORKING, "outgoing", v["sms"]),
            WORKING,
            "delete an outgoing SMS: {sms}",
            "DELETE",
            f"/sms/{WORKING}/outgoing/{{sms}}",
        ),
    ],
    ids=[
        "renewal",
        "ips added",
        "ip removed",
        "sender",
        "sender deleted",
        "recharge",
        "transfer",
        "sms deleted",
    ],
)
def test_every_entry_has_the_values_sent_and_ovhclouds_query_id(
    sim, actions, audit, write, account, said, method, path
):
    values = {"sms": oldest_sms(sim, WORKING), "ip": sim.world.sms.accounts[FULL].allowed_ips[0]}
    write(actions, values)
    path, said = path.format(**values), said.format(**values)
    assert audit.lines == [(account, said, "ok")]
    assert audit.query_ids == [answered(sim, method, path)]
    assert audit.query_ids[0]


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
    assert audit.lines == [(WAITING, f"{IPS}: add 192.0.2.10, 192.0.2.11", "ok")]


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
    assert audit.lines == [(FULL, f"{IPS}: remove {removed}", "ok")]


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


# senders

REASON = "Alerts from our monitoring to our on-call engineers"
REQUEST = "request a sender"


def posts(sim) -> list[tuple[str, object]]:
    return [(e.path, e.body) for e in list(sim.exchanges) if e.method == "POST"]


def show_senders(gateway, poller, workers, store, account: str) -> None:
    """The account's senders on screen, fetched once."""
    poller.show([Resources(gateway).senders(account)])
    assert workers.run_all() == 1
    assert store.snapshot[senders_key(account)].loaded


def assert_older_answer_dropped(store, clock, key, ticket: int) -> None:
    """An answer to a fetch started before the write (`ticket`) changes nothing."""
    shown = store.snapshot[key]
    assert not store.fetched(key, "an answer from before the write", clock(), ticket)
    assert store.snapshot[key] == shown


def test_a_requested_sender_is_held_at_once_waiting_and_sorted_in(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    show_senders(gateway, poller, workers, store, WORKING)
    ticket = store.ticket()
    actions.request_sender(WORKING, "NewCo", "Brand", REASON)
    assert posts(sim) == [
        (f"/sms/{WORKING}/senders", {"sender": "NewCo", "reason": REASON, "description": "Brand"})
    ]
    assert audit.lines == [(WORKING, f"{REQUEST}: NewCo", "ok")]
    held = store.snapshot.value(senders_key(WORKING))
    assert [s.sender for s in held] == sorted(s.sender for s in held)
    assert Sender("NewCo", "alpha", "waitingValidation", "custom", "Brand", None) in held
    assert held == gateway.senders(WORKING), "the list as OVHcloud describes it"
    assert_older_answer_dropped(store, clock, senders_key(WORKING), ticket)
    assert workers.run_all() == 0, "nothing to refresh: the new sender was fetched"


@pytest.mark.parametrize(
    ("sender", "description", "reason", "said"),
    [
        ("Café", "", REASON, "is not a sender"),
        ("ABCDEFGHIJKL", "", REASON, "is not a sender"),
        ("+" + "1" * 16, "", REASON, "is not a sender"),
        ("ACME\nCorp", "", REASON, "is not a sender"),
        ("ACME", "d" * 41, REASON, "at most 40"),
        ("ACME", "", "  ", "give the moderator a reason"),
        ("ACME", "", "r" * 251, "at most 250"),
    ],
)
def test_a_sender_request_is_checked_before_any_request(
    sim, store, actions, audit, sender, description, reason, said
):
    with pytest.raises(InvalidInput, match=said):
        actions.request_sender(WORKING, sender, description, reason)
    assert list(sim.exchanges) == []
    assert audit.lines == []
    assert store.snapshot[senders_key(WORKING)].version == 0, "not marked out of date"


def test_a_sender_the_store_lists_is_refused_before_any_request(
    sim, gateway, store, poller, workers, actions, audit
):
    show_senders(gateway, poller, workers, store, WORKING)
    said = f"ExampleTel is a sender of {WORKING} already"
    refused_unsent(sim, audit, said, actions.request_sender, WORKING, "ExampleTel", "", REASON)


def test_a_second_sender_request_under_way_is_refused(sim, gateway, actions, audit):
    gateway.connection.sync_clock()
    slow = sim.inject(Fault("latency", 1.0, "POST", "/sms/*/senders", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(actions.request_sender, WORKING, "NewCo", "", REASON)
        eventually(lambda: slow.spent, "the first request to reach OVHcloud")
        with pytest.raises(ActionInProgress, match=REQUEST):
            actions.request_sender(WORKING, "NewCo", "", REASON)
        first.result(timeout=10)
    assert [path for path, _ in posts(sim)] == [f"/sms/{WORKING}/senders"]
    assert audit.lines == [(WORKING, f"{REQUEST}: NewCo", "ok")]


def test_without_the_senders_list_a_request_marks_it_outdated_and_asks_a_refresh(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    key = senders_key(WORKING)
    # On screen, but its first load failed: nothing is known of the list.
    sim.inject(Fault("status", 503, "GET", "/sms/*/senders", times=1))
    poller.show([Resources(gateway).senders(WORKING)])
    assert workers.run_all() == 1
    assert not store.snapshot[key].loaded
    ticket = store.ticket()
    actions.request_sender(WORKING, "NewCo", "", REASON)
    assert not store.snapshot[key].loaded, "no partial list of the new sender alone"
    assert_older_answer_dropped(store, clock, key, ticket)
    assert key in poller.in_flight, "the refresh the write asked for"
    assert workers.run_all() == 1
    assert "NewCo" in {s.sender for s in store.snapshot.value(key)}
    assert audit.lines == [(WORKING, f"{REQUEST}: NewCo", "ok")]


def test_a_failed_fetch_of_the_new_sender_leaves_the_list_outdated_not_the_request_failed(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    key = senders_key(WORKING)
    show_senders(gateway, poller, workers, store, WORKING)
    before = store.snapshot.value(key)
    fault = sim.inject(Fault("status", 500, "GET", "/sms/*/senders/NewCo", times=1))
    ticket = store.ticket()
    actions.request_sender(WORKING, "NewCo", "", REASON)
    assert fault.spent
    assert "NewCo" in sim.world.sms.accounts[WORKING].senders
    assert store.snapshot.value(key) == before, "what was known stays until the refresh"
    assert_older_answer_dropped(store, clock, key, ticket)
    assert workers.run_all() == 1, "the refresh the write asked for"
    assert "NewCo" in {s.sender for s in store.snapshot.value(key)}
    assert audit.lines == [(WORKING, f"{REQUEST}: NewCo", "ok")]


def test_a_refresh_landing_during_a_sender_request_does_not_show_the_sender_twice(
    sim, keys, gateway, store, poller, workers, clock, audit
):
    show_senders(gateway, poller, workers, store, WORKING)
    patient = gateway_on(sim, keys, timeout=(2, 10))  # the slow answer below is not a timeout
    actions = Actions(patient, store, poller, clock, audit)
    patient.connection.sync_clock()
    slow = sim.inject(Fault("latency", 2.0, "GET", "/sms/*/senders/NewCo", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        request = pool.submit(actions.request_sender, WORKING, "NewCo", "", REASON)
        eventually(lambda: slow.spent, "the new sender to be fetched after the POST")
        poller.refresh()  # the user's `r` meanwhile
        assert workers.run_all() == 1
        assert not request.done(), "the refresh landed while the new sender was fetched"
        request.result(timeout=10)
    assert workers.run_all() == 0, "the new sender was fetched: no refresh asked"
    held = [s.sender for s in store.snapshot.value(senders_key(WORKING))]
    assert held.count("NewCo") == 1


def test_a_deleted_sender_is_gone_from_the_simulator_and_the_store(
    sim, gateway, store, poller, workers, clock, actions, audit
):
    show_senders(gateway, poller, workers, store, WORKING)
    ticket = store.ticket()
    actions.delete_sender(WORKING, "OldBrand")
    assert "OldBrand" not in sim.world.sms.accounts[WORKING].senders
    held = store.snapshot.value(senders_key(WORKING))
    assert "OldBrand" not in {s.sender for s in held}
    assert held == gateway.senders(WORKING)
    assert_older_answer_dropped(store, clock, senders_key(WORKING), ticket)
    assert audit.lines == [(WORKING, "delete a sender: OldBrand", "ok")]


def test_a_sender_deleted_while_the_list_is_unknown_marks_it_outdated(sim, store, clock, actions):
    ticket = store.ticket()
    actions.delete_sender(WORKING, "OldBrand")
    assert "OldBrand" not in sim.world.sms.accounts[WORKING].senders
    assert not store.snapshot[senders_key(WORKING)].loaded
    assert_older_answer_dropped(store, clock, senders_key(WORKING), ticket)


# credits

RECHARGE = "change the automatic recharge"
TRANSFER = "transfer credits"


@pytest.fixture
def listed(gateway, store, clock) -> dict[str, Account]:
    """The account list, fetched once into the store; by name."""
    accounts = gateway.list_accounts()
    store.fetched(ACCOUNTS, accounts, clock(), store.ticket())
    return {account.name: account for account in accounts}


def held_accounts(store) -> dict[str, Account]:
    return {account.name: account for account in store.snapshot.value(ACCOUNTS)}


def test_a_recharge_is_set_on_ovhcloud_and_the_account_held_at_once(
    sim, gateway, store, workers, clock, actions, audit, listed
):
    ticket = store.ticket()
    actions.set_recharge(WAITING, 500, 100)
    simulated = sim.world.sms.accounts[WAITING]
    assert (simulated.recredit_amount, simulated.recredit_threshold) == (500, 100)
    held = held_accounts(store)
    assert (held[WAITING].recharge_pack, held[WAITING].recharge_threshold) == (500, 100.0)
    assert held[WAITING] == gateway.account(WAITING), "the account fetched again"
    assert {name: a for name, a in held.items() if name != WAITING} == {
        name: a for name, a in listed.items() if name != WAITING
    }
    assert_older_answer_dropped(store, clock, ACCOUNTS, ticket)
    assert workers.run_all() == 0, "held at once: no refresh needed"
    assert audit.lines == [(WAITING, f"{RECHARGE}: a pack of 500 below 100", "ok")]


def test_a_recharge_turned_off(sim, store, actions, audit, listed):
    assert listed[WORKING].recharge_pack == 1000
    actions.set_recharge(WORKING, None, 0)
    assert sim.world.sms.accounts[WORKING].recredit_amount is None
    assert held_accounts(store)[WORKING].recharge_pack is None
    assert not held_accounts(store)[WORKING].recharges
    assert audit.lines == [(WORKING, f"{RECHARGE}: off", "ok")]


@pytest.mark.parametrize(
    ("pack", "threshold", "said"), [(123, 100, "100, 200"), (0, 100, "100, 200"), (500, -1, "0")]
)
def test_a_bad_recharge_is_refused_before_any_request(
    sim, actions, audit, listed, pack, threshold, said
):
    refused_unsent(sim, audit, said, actions.set_recharge, WAITING, pack, threshold)


def test_credits_move_on_both_accounts_and_both_are_held_at_once(
    sim, gateway, store, workers, clock, actions, audit, listed
):
    ticket = store.ticket()
    actions.transfer_credits(WORKING, WAITING, 50)
    accounts = sim.world.sms.accounts
    assert round(accounts[WORKING].credits_left, 2) == round(listed[WORKING].credits_left - 50, 2)
    assert round(accounts[WAITING].credits_left, 2) == round(listed[WAITING].credits_left + 50, 2)
    held = held_accounts(store)
    assert held[WORKING] == gateway.account(WORKING)
    assert held[WAITING] == gateway.account(WAITING)
    assert held[WAITING].credits_left == pytest.approx(listed[WAITING].credits_left + 50)
    assert_older_answer_dropped(store, clock, ACCOUNTS, ticket)
    assert workers.run_all() == 0
    assert audit.lines == [(WORKING, f"{TRANSFER}: 50 to {WAITING}", "ok")]


def test_part_of_a_credit_is_moved_to_the_cent(sim, actions, audit, listed):
    actions.transfer_credits(WAITING, WORKING, 12.25)
    left = sim.world.sms.accounts[WAITING].credits_left
    assert round(left, 2) == round(listed[WAITING].credits_left - 12.25, 2)
    assert audit.lines == [(WAITING, f"{TRANSFER}: 12.25 to {WORKING}", "ok")]


@pytest.mark.parametrize(
    ("target", "credits", "said"),
    [
        ("smpp-xx00000-1", 50, "not an SMS account of this customer"),
        ("smpp-jm67890-1", 50, "not an SMS account of this customer"),  # another customer's
        (WORKING, 50, "cannot transfer credits to itself"),
        (WAITING, 0, "at least 1 credit"),
        (WAITING, 0.5, "at least 1 credit"),
        (WAITING, float("nan"), "at least 1 credit"),
    ],
)
def test_a_bad_transfer_is_refused_before_any_request(
    sim, actions, audit, listed, target, credits, said
):
    refused_unsent(sim, audit, said, actions.transfer_credits, WORKING, target, credits)


def test_a_second_transfer_from_the_same_account_under_way_is_refused(
    sim, gateway, actions, audit, listed
):
    gateway.connection.sync_clock()
    slow = sim.inject(Fault("latency", 1.0, "POST", "/sms/*/transferCredits", times=1))
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(actions.transfer_credits, WORKING, WAITING, 50)
        eventually(lambda: slow.spent, "the first transfer to reach OVHcloud")
        with pytest.raises(ActionInProgress, match=TRANSFER):
            actions.transfer_credits(WORKING, FULL, 10)
        first.result(timeout=10)
    assert [path for path, _ in posts(sim)] == [f"/sms/{WORKING}/transferCredits"]
    assert round(sim.world.sms.accounts[FULL].credits_left, 2) == listed[FULL].credits_left
    assert audit.lines == [(WORKING, f"{TRANSFER}: 50 to {WAITING}", "ok")]


def test_the_audit_says_the_credits_transferred_exactly(actions, audit, listed):
    actions.transfer_credits(WORKING, WAITING, 12345.67)
    assert audit.lines == [(WORKING, f"{TRANSFER}: 12345.67 to {WAITING}", "ok")]


def test_the_audit_says_the_recharge_threshold_exactly(actions, audit, listed):
    actions.set_recharge(WAITING, 500, 1234567)
    assert audit.lines == [(WAITING, f"{RECHARGE}: a pack of 500 below 1234567", "ok")]


@pytest.mark.parametrize("write", ["transfer", "recharge"])
def test_an_account_list_fetched_before_a_write_is_dropped_even_when_none_was_shown(
    gateway, store, clock, actions, write
):
    before = gateway.list_accounts()
    ticket = store.ticket()  # the first load of the list, under way
    if write == "transfer":
        actions.transfer_credits(WORKING, WAITING, 50)
    else:
        actions.set_recharge(WAITING, 500, 100)
    assert not store.fetched(ACCOUNTS, before, clock(), ticket)
