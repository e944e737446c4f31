"""Requests signed by hand, without the `ovh` client: to reach what it cannot send (a stale
timestamp, a wrong secret, a tampered body) and to check the simulator against the scheme as
OVHcloud documents it, not as the simulator's own code computes it.
"""

from __future__ import annotations

import hashlib
import time

import requests


def sign(secret: str, consumer: str, method: str, url: str, body: str, timestamp: int) -> str:
    text = "+".join([secret, consumer, method, url, body, str(timestamp)])
    return "$1$" + hashlib.sha1(text.encode()).hexdigest()


def signed(
    method: str,
    url: str,
    *,
    application_key: str,
    application_secret: str,
    consumer_key: str,
    body: str = "",
    timestamp: int | None = None,
    sent_body: str | None = None,
) -> requests.Response:
    """Send `method url` signed over `body`; `sent_body` sends other bytes than were signed."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    headers = {
        "X-Ovh-Application": application_key,
        "X-Ovh-Consumer": consumer_key,
        "X-Ovh-Timestamp": str(timestamp),
        "X-Ovh-Signature": sign(application_secret, consumer_key, method, url, body, timestamp),
    }
    if body or sent_body:
        headers["Content-Type"] = "application/json"
    data = body if sent_body is None else sent_body
    return requests.request(method, url, headers=headers, data=data.encode(), timeout=5)
