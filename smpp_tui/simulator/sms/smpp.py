"""The SMPP side of an account: its allowed IPs and its password."""

from __future__ import annotations

import ipaddress
import secrets
import string

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.account import SUCCESS, SmsAccount
from smpp_tui.simulator.sms.schema import enum

_PASSWORD_ALPHABET = string.ascii_letters + string.digits
# SMPP 3.4's password field holds 8 characters (9 octets with the final NUL): a longer one
# could not be sent in a bind.
PASSWORD_LENGTH = 8


def require_smpp(account: SmsAccount) -> SmsAccount:
    if not account.smpp:
        raise errors.not_found(f"{account.name} is not an SMPP account: it has no SMPP settings")
    return account


def _ipv4(value: object) -> str:
    """A dotted-quad IPv4 address as the schema's `ip` (`format: ipv4`) means it."""
    try:
        if isinstance(value, str):
            return str(ipaddress.IPv4Address(value))
    except ValueError:
        pass
    raise errors.bad_request(
        f"Invalid IP {value!r}: an IPv4 address in dotted-quad form, such as 192.0.2.10"
    )


def change_ips(
    account: SmsAccount, body: object, now: float, delay: float, limit: int
) -> list[str]:
    """`PUT .../smpp/allowedIPs` with `{action, ips}`: the new list, applied after `delay`."""
    if account.pinned_status == "DELETED":
        raise errors.resource_error(
            403, f"{account.name} is deleted: its allowed IPs can no longer change"
        )
    actions = enum("sms.AllowedIPsActionEnum")
    if not isinstance(body, dict) or body.get("action") not in actions:
        raise errors.bad_request(f'Send {{"action": one of {", ".join(actions)}, "ips": [...]}}')
    ips = body.get("ips")
    if not isinstance(ips, list) or not ips:
        raise errors.bad_request("ips must be a non-empty list of IPv4 addresses")
    wanted = [_ipv4(ip) for ip in ips]
    if len(set(wanted)) != len(wanted):
        raise errors.bad_request("ips lists the same address twice")
    current = account.allowed_ips
    if body["action"] == "add":
        if present := [ip for ip in wanted if ip in current]:
            raise errors.bad_request(f"Already allowed: {', '.join(present)}")
        if len(current) + len(wanted) > limit:
            raise errors.bad_request(
                f"At most {limit} allowed IPs per account: {len(current)} already, "
                f"{len(wanted)} more would make {len(current) + len(wanted)}"
            )
        account.allowed_ips = current + wanted
    else:
        if missing := [ip for ip in wanted if ip not in current]:
            raise errors.bad_request(f"Not in the allowed list: {', '.join(missing)}")
        account.allowed_ips = [ip for ip in current if ip not in wanted]
    account.ip_settles_at = now + delay
    return list(account.allowed_ips)


def renew_password(account: SmsAccount, now: float) -> str:
    """A new SMPP password (for the outbox, never for the API answer)."""
    status = account.smpp_status(now)
    if status != SUCCESS:
        raise errors.bad_request(
            f"The SMPP status of {account.name} is {status}: a new password can be generated "
            f"only when it is {SUCCESS}"
        )
    account.password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
    return account.password
