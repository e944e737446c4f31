"""The connect flow's last step: a validated key becomes the default profile, saved 0600, and
the session opened on it works."""

from __future__ import annotations

import stat

import requests

from smpp_tui.api.credentials import poll_validation
from smpp_tui.config import config_path, load_config
from smpp_tui.config.resolve import choose_profile
from smpp_tui.session.connect import request_key, save_and_open


def test_a_validated_key_is_saved_as_the_default_profile_and_opened(sim, customers):
    application = customers[0].application
    request = request_key(sim.endpoint, application.key, application.secret, ())
    assert requests.get(request.validation_url, timeout=5).status_code == 200
    assert poll_validation(request) is True
    session = save_and_open(request, "work", config_path())
    assert session.label == "work"
    assert "smpp-dc12345-1" in session.gateway.account_names()
    saved = load_config(config_path())
    assert saved.default_profile == "work"
    assert choose_profile(saved) == session.profile
    assert saved.profiles["work"].consumer_key == request.consumer_key
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
