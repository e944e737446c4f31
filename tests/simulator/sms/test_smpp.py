"""SMPP settings, allowed IPs and password renewal: the rules OVHcloud and its panel apply."""

from __future__ import annotations

import pytest
import requests
from ovh import exceptions as ovh_errors

from smpp_tui.simulator.knobs import UPDATING_FOR
from smpp_tui.simulator.sms.schema import enum
from tests.simulator.sms.conftest import FULL, MAIN, UPDATING, WAITING

IPS = f"/sms/{MAIN}/smpp/allowedIPs"


def test_settings_are_the_simulators_own_endpoints(api):
    settings = api.get(f"/sms/{MAIN}/smpp/settings")
    assert settings["systemID"] == MAIN
    assert all(".sim.ovh.invalid:" in e["secured"] for e in settings["endpoints"])
    assert (settings["throughput"], settings["windowing"]) == (20, 10)


def test_an_ip_change_settles_after_the_configured_delay(api, world, world_clock):
    world.sms.behaviour.ip_settle_delay = 30
    api.put(IPS, action="add", ips=["198.51.100.7", "198.51.100.8"])
    world_clock.advance(29)
    assert api.get(f"/sms/{MAIN}/smpp/settings")["status"] == "UPDATING_IP"
    world_clock.advance(1)
    assert api.get(f"/sms/{MAIN}/smpp/settings")["status"] == "SUCCESS"


def test_the_first_ip_leaves_waiting_ip_and_the_last_one_returns_to_it(api, world_clock):
    path = f"/sms/{WAITING}/smpp"
    assert api.get(f"{path}/settings")["status"] == "WAITING_IP"
    api.put(f"{path}/allowedIPs", action="add", ips=["203.0.113.9"])
    assert api.get(f"{path}/settings")["status"] == "UPDATING_IP"
    world_clock.advance(60)
    assert api.get(f"{path}/settings")["status"] == "SUCCESS"
    assert api.put(f"{path}/allowedIPs", action="remove", ips=["203.0.113.9"]) == []
    assert api.get(f"{path}/settings")["status"] == "WAITING_IP"


BAD_CHANGES = [
    ({"action": "add", "ips": ["192.0.2.256"]}, "dotted-quad"),
    ({"action": "add", "ips": ["192.0.2"]}, "dotted-quad"),
    ({"action": "add", "ips": ["192.0.2.0/24"]}, "dotted-quad"),
    ({"action": "add", "ips": ["2001:db8::1"]}, "dotted-quad"),
    ({"action": "add", "ips": ["192.0.2.010"]}, "dotted-quad"),
    ({"action": "add", "ips": [3221225985]}, "dotted-quad"),
    ({"action": "add", "ips": ["192.0.2.1"]}, "Already allowed: 192.0.2.1"),
    ({"action": "add", "ips": ["192.0.2.9", "192.0.2.9"]}, "twice"),
    ({"action": "add", "ips": []}, "non-empty"),
    ({"action": "remove", "ips": ["192.0.2.99"]}, "Not in the allowed list"),
    ({"action": "replace", "ips": ["192.0.2.99"]}, "add, remove"),
]


def test_bad_ip_changes_are_400s_that_say_why(api):
    for body, says in BAD_CHANGES:
        with pytest.raises(ovh_errors.BadParametersError, match=says):
            api.put(IPS, **body)
    assert api.get(IPS) == ["192.0.2.1", "198.51.100.14", "127.0.0.1"]


def test_an_eleventh_ip_is_refused(api):
    assert len(api.get(f"/sms/{FULL}/smpp/allowedIPs")) == 10
    with pytest.raises(ovh_errors.BadParametersError, match="At most 10"):
        api.put(f"/sms/{FULL}/smpp/allowedIPs", action="add", ips=["192.0.2.250"])


def test_a_new_password_is_mailed_never_returned(api, sim, world):
    old = world.sms.accounts[MAIN].password
    assert api.post(f"/sms/{MAIN}/smpp/password") is None
    new = world.sms.accounts[MAIN].password
    assert new != old
    (mail,) = world.sms.outbox.to("ops@example.com")
    assert new in mail.body
    assert mail.account == MAIN
    listed = requests.get(f"{sim.url}/_sim/outbox", params={"to": "ops@example.com"}, timeout=5)
    assert listed.json()[0]["body"] == mail.body
    assert requests.delete(f"{sim.url}/_sim/outbox", timeout=5).status_code == 200
    assert world.sms.outbox.mails == []


def test_a_password_needs_the_success_status(api, world):
    for name in (WAITING, UPDATING, "smpp-dc12345-4", "smpp-dc12345-6"):
        with pytest.raises(ovh_errors.BadParametersError, match="only when it is SUCCESS"):
            api.post(f"/sms/{name}/smpp/password")
    assert world.sms.outbox.mails == []


def test_statuses_come_from_the_schema():
    from smpp_tui.simulator.sms import account

    statuses = {account.SUCCESS, account.WAITING_IP, account.UPDATING_IP, *account.PINNED}
    assert statuses == set(enum("sms.SettingsStatusEnum"))


def test_the_demos_updating_account_settles_a_minute_after_the_start(api, world_clock):
    assert api.get(f"/sms/{UPDATING}/smpp/settings")["status"] == "UPDATING_IP"
    world_clock.advance(UPDATING_FOR - 1)
    assert api.get(f"/sms/{UPDATING}/smpp/settings")["status"] == "UPDATING_IP"
    world_clock.advance(1)
    assert api.get(f"/sms/{UPDATING}/smpp/settings")["status"] == "SUCCESS"


def test_a_deleted_account_refuses_ip_changes_and_an_account_in_error_takes_them(api, world):
    deleted, broken = "smpp-dc12345-6", "smpp-dc12345-4"
    before = api.get(f"/sms/{deleted}/smpp/allowedIPs")
    # A resource's 403 (no errorCode, as for an expired service): the client's plain APIError.
    with pytest.raises(ovh_errors.APIError, match="is deleted: its allowed IPs can no longer"):
        api.put(f"/sms/{deleted}/smpp/allowedIPs", action="add", ips=["192.0.2.77"])
    assert api.get(f"/sms/{deleted}/smpp/allowedIPs") == before
    api.put(f"/sms/{broken}/smpp/allowedIPs", action="add", ips=["192.0.2.77"])
    assert "192.0.2.77" in api.get(f"/sms/{broken}/smpp/allowedIPs")
    assert api.get(f"/sms/{broken}/smpp/settings")["status"] == "ERROR", "OVHcloud's to clear"
