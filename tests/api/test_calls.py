"""What each gateway method calls, declared beside it, and the rules a new consumer key asks for:
exactly what the app's calls need (`store.ovhcloud` lists them).

Every gateway method runs against the simulator: what it really sends is what it declared. The
methods the app uses run with a key holding only `required_rules()`: nothing is refused. Then
each rule is taken away in turn: some of them must fail, so none is superfluous.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import pytest

from smpp_tui.api import ApplicationKey, Gateway, HistoryFilter
from smpp_tui.api.calls import access_rules, calls, declared_calls, rule_allows
from smpp_tui.api.errors import ApiError, NotGranted
from smpp_tui.api.history import WAYS
from smpp_tui.api.models import AccessRule
from smpp_tui.session.connect import required_rules
from smpp_tui.store.ovhcloud import used_calls

A, B = "smpp-dc12345-3", "smpp-dc12345-4"


# One use of every gateway method; the writes are kept valid so that each one runs through.
SCENARIO = {
    "account_names": lambda g, v: g.account_names(),
    "list_accounts": lambda g, v: g.list_accounts(),
    "account": lambda g, v: g.account(A),
    "update_account": lambda g, v: g.update_account(A, description="renamed"),
    "set_automatic_recharge": lambda g, v: g.set_automatic_recharge(A, None, 0),
    "service_info": lambda g, v: g.service_info(A),
    "smpp_settings": lambda g, v: g.smpp_settings(A),
    "allowed_ips": lambda g, v: g.allowed_ips(A),
    "add_allowed_ips": lambda g, v: g.add_allowed_ips(A, ["192.0.2.200"]),
    "remove_allowed_ips": lambda g, v: g.remove_allowed_ips(B, ["192.0.2.22"]),
    "regenerate_password": lambda g, v: g.regenerate_password("smpp-dc12345-1"),
    "senders": lambda g, v: g.senders(A),
    "sender": lambda g, v: g.sender(A, v["sender"]),
    "request_sender": lambda g, v: g.request_sender(A, "NEWSENDER", "our brand"),
    "delete_sender": lambda g, v: g.delete_sender(A, v["sender"]),
    "transfer_credits": lambda g, v: g.transfer_credits(A, B, 1),
    "usage": lambda g, v: g.usage(A, datetime(2025, 1, 1, tzinfo=UTC)),
    "history_ids": lambda g, v: [g.history_ids(A, way, HistoryFilter()) for way in WAYS],
    "history_slice": lambda g, v: [g.history_slice(v[way], 0, 3) for way in WAYS],
    "hlr": lambda g, v: g.hlr(A, v["outgoing"].newest_first[0]),
    "delete_sms": lambda g, v: [g.delete_sms(A, way, v[way].newest_first[-1]) for way in WAYS],
    "export_history": lambda g, v: g.export_history(A, "outgoing", HistoryFilter()),
    "document": lambda g, v: g.document(v["document"]),
    "ptt": lambda g, v: g.ptt(0),
    "me": lambda g, v: g.me(),
    "current_credential": lambda g, v: g.current_credential(),
    "logout": lambda g, v: g.logout(),  # last: it expires the key
}
HELPERS = {"connect", "expanded_lists"}  # public members that call nothing
# Calls made only when OVHcloud sends whole pages: a slice of the history is read from the
# pages that hold it, else id by id from the id list already asked.
PAGES_ONLY = {"history_slice": {("GET", "/sms/{}/outgoing"), ("GET", "/sms/{}/incoming")}}


@pytest.fixture
def gateway_with_all_rights(sim, keys):
    def connect(expanded: bool) -> Gateway:
        credentials = ApplicationKey(
            keys.application_key, keys.application_secret, keys.consumer_key
        )
        return Gateway.connect(sim.endpoint, credentials, timeout=(2, 5), expanded_lists=expanded)

    return connect


def key_with(sim, customers, rules) -> ApplicationKey:
    application = customers[0].application
    plain = [{"method": rule.method, "path": rule.path} for rule in rules]
    credential = sim.world.issue_credential(application, plain)
    return ApplicationKey(application.key, application.secret, credential.consumer_key)


def run_scenario(gateway: Gateway, methods: set[str]) -> dict[str, set[tuple[str, str]]]:
    """Run these methods; (HTTP method, template) each one sent. Raises what they raise."""
    values: dict[str, Any] = {"sender": gateway.senders(A)[0].sender}
    values.update((way, gateway.history_ids(A, way, HistoryFilter())) for way in WAYS)
    if "document" in methods:
        values["document"] = gateway.export_history(A, "incoming", HistoryFilter())
    sent: dict[str, set[tuple[str, str]]] = defaultdict(set)
    current = ""
    request = gateway.connection.request

    def recording(method, target, **options):
        sent[current].add((method, target.template))
        return request(method, target, **options)

    gateway.connection.request = recording
    for current, use in SCENARIO.items():
        if current in methods:
            use(gateway, values)
    return sent


def test_every_public_gateway_method_declares_its_calls_and_is_exercised():
    public = {name for name, _ in inspect.getmembers(Gateway) if not name.startswith("_")}
    methods = {name for name in public if callable(getattr(Gateway, name))}
    assert set(declared_calls(Gateway)) == methods - HELPERS == set(SCENARIO)


@pytest.mark.parametrize("expanded", [True, False])
def test_each_method_sends_what_it_declared(gateway_with_all_rights, expanded):
    gateway = gateway_with_all_rights(expanded)
    sent = run_scenario(gateway, set(SCENARIO))
    declared = declared_calls(Gateway)
    for name, pairs in sent.items():
        assert pairs <= set(declared[name]), name
    if not expanded:  # id by id, the lists fetch each item too: all declared calls happen
        expected = {
            name: set(pairs) - PAGES_ONLY.get(name, set()) for name, pairs in declared.items()
        }
        assert sent == expected


@pytest.mark.parametrize("expanded", [True, False])
def test_the_required_rules_grant_every_call_the_app_makes(sim, customers, expanded):
    credentials = key_with(sim, customers, required_rules())
    gateway = Gateway.connect(sim.endpoint, credentials, timeout=(2, 5), expanded_lists=expanded)
    run_scenario(gateway, set(used_calls()))  # no NotGranted


@pytest.mark.parametrize("rule", required_rules(), ids=lambda r: f"{r.method} {r.path}")
def test_every_rule_is_needed(sim, customers, rule):
    fewer = [other for other in required_rules() if other != rule]
    gateway = Gateway.connect(sim.endpoint, key_with(sim, customers, fewer), timeout=(2, 5))
    with pytest.raises(NotGranted) as refused:
        run_scenario(gateway, set(used_calls()))
    assert rule_allows(rule, refused.value.method, refused.value.pattern)


def test_the_rules_list():
    """Nothing for what the app does not do: no sending an SMS, no blacklist, no users."""
    assert [f"{r.method} {r.path}" for r in required_rules()] == [
        "GET /auth/currentCredential",
        "POST /auth/logout",
        "GET /me",
        "GET /me/document/*",
        "GET /sms",
        "GET /sms/*",
        "PUT /sms/*",
        "DELETE /sms/*/incoming/*",
        "DELETE /sms/*/outgoing/*",
        "POST /sms/*/senders",
        "DELETE /sms/*/senders/*",
        "POST /sms/*/smpp/password",
        "POST /sms/*/transferCredits",
    ]


def test_the_app_uses_only_methods_the_gateway_has():
    assert set(used_calls()) <= set(declared_calls(Gateway))


def test_rules_covered_by_a_wider_one_are_left_out():
    rules = access_rules([("GET", "/sms/{}"), ("GET", "/sms/{}/senders/{}"), ("PUT", "/sms/{}")])
    assert rules == (AccessRule("GET", "/sms/*"), AccessRule("PUT", "/sms/*"))
    assert access_rules([("GET", "/sms"), ("GET", "/sms/{}")]) == (
        AccessRule("GET", "/sms"),
        AccessRule("GET", "/sms/*"),
    )


def test_a_call_declaration_must_read_as_method_and_path():
    with pytest.raises(ValueError, match="not a call"):
        calls("get /sms")
    with pytest.raises(ValueError, match="not a call"):
        calls("GET sms")


def test_a_failing_method_is_not_a_refusal(sim, customers):
    # Other errors than NotGranted pass the gate: the scenario's values must stay valid.
    gateway = Gateway.connect(sim.endpoint, key_with(sim, customers, required_rules()))
    with pytest.raises(ApiError) as error:
        gateway.account("nope")
    assert not isinstance(error.value, NotGranted)
