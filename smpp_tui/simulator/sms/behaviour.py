"""The knobs of the simulated SMS service that tests and demos turn."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SmsBehaviour:
    # Seconds an allowed-IP change stays `UPDATING_IP` before it is `SUCCESS`.
    ip_settle_delay: float = 5.0
    # Seconds a new sender waits for the moderator.
    sender_review_delay: float = 60.0
    # Seconds before an exported document has its content (`size > 0`).
    document_delay: float = 2.0
    # Honour `X-Pagination-Mode: CachedObjectList-Pages`; off, lists are ids only, so a client's
    # per-id fallback can be exercised.
    expanded_lists: bool = True
    # The control panel's limit; OVHcloud's own server limit is unconfirmed.
    max_allowed_ips: int = 10
    # A page size when the client sends none, and the largest one served.
    max_page_size: int = 5000
    # The local SMSC: this many failed binds of one SystemID within `bind_throttle_seconds`
    # get every bind refused (0x400) until that long after the last attempt. OVHcloud does not
    # publish its own numbers.
    bind_failures_throttled: int = 3
    bind_throttle_seconds: float = 60.0
