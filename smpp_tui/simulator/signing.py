"""The OVHcloud request signature, computed on the server side.

`"$1$" + sha1(secret + "+" + consumer_key + "+" + METHOD + "+" + url + "+" + body + "+" + ts)`,
where `url` is the full URL the client signed (scheme, Host header, raw request target with its
query string) and `body` the raw bytes sent. Both are taken as they arrived on the wire: a client
that signs one URL and sends another (an unquoted path piece, say) must fail as it would on
OVHcloud.
"""

from __future__ import annotations

import hashlib
import hmac


def expected_signature(
    secret: str, consumer_key: str, method: str, url: str, body: bytes, timestamp: str
) -> str:
    head = "+".join([secret, consumer_key, method.upper(), url, ""]).encode()
    digest = hashlib.sha1(head + body + b"+" + timestamp.encode())  # noqa: S324 - OVHcloud's scheme
    return "$1$" + digest.hexdigest()


def signature_matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
