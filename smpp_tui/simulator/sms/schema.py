"""Enums of the vendored OVHcloud schema (`smpp_tui/ovh_api/sms.json`), read once.

Statuses, recharge packs and sender types come from OVHcloud's own description, so the simulator
cannot drift from the contract the app is checked against.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _schemas() -> dict[str, Any]:
    text = resources.files("smpp_tui").joinpath("ovh_api", "sms.json").read_text("utf-8")
    return json.loads(text)["components"]["schemas"]


def enum(name: str) -> tuple[Any, ...]:
    """The values of an enum model, for example `enum("sms.SettingsStatusEnum")`."""
    return tuple(_schemas()[name]["enum"])
