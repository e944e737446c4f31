"""Consumer-key access rules, matched as OVHcloud matches them."""

from __future__ import annotations

import pytest

from smpp_tui.simulator.access import rule_problem, rules_allow


@pytest.mark.parametrize(
    ("rule_path", "path", "allowed"),
    [
        ("/*", "/me", True),
        ("/*", "/sms/a/b", True),
        ("/me", "/me", True),
        ("/me", "/me/document", False),
        ("/sms/*", "/sms/smpp-1", True),
        ("/sms/*", "/sms/smpp-1/smpp/allowedIPs", True),
        ("/sms/*", "/sms", False),
        ("/sms", "/sms/x", False),
        ("/sms/*/smpp/allowedIPs", "/sms/smpp-1/smpp/allowedIPs", True),
        ("/sms/*/smpp/allowedIPs", "/sms/smpp-1/smpp/settings", False),
        ("/sms/*/smpp/*", "/sms/a/smpp/password", True),
        ("/sms/smpp-1/*", "/sms/smpp-2/senders", False),
        ("/sms/a.b", "/sms/aXb", False),  # only * is special
        ("/sms/[ab]", "/sms/a", False),
    ],
)
def test_path_matching(rule_path, path, allowed):
    assert rules_allow([{"method": "GET", "path": rule_path}], "GET", path) is allowed


def test_the_method_must_be_equal():
    rules = [{"method": "GET", "path": "/*"}]
    assert rules_allow(rules, "GET", "/me")
    assert not rules_allow(rules, "PUT", "/me")
    assert not rules_allow([], "GET", "/me")


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ({"method": "GET", "path": "/me"}, None),
        ({"method": "get", "path": "/me"}, "method must be one of"),
        ({"method": "GET", "path": "me"}, "path must be a string starting with /"),
        ("GET /me", "must be an object"),
    ],
)
def test_rule_problems(rule, problem):
    found = rule_problem(rule)
    assert (found is None) if problem is None else (problem in found)
