"""The page a consumer-key validation URL opens.

On OVHcloud the user logs in there and grants the rules. Here opening the URL is the login:
the key is validated for the application's owner (or `nichandle=...`), so a connect flow can be
tested end to end without a browser.
"""

from __future__ import annotations

from html import escape

from smpp_tui.simulator.world import PENDING, World


def validation_page(world: World, query: dict[str, list[str]]) -> tuple[int, str]:
    token = (query.get("credentialToken") or [""])[-1]
    credential = world.credential_by_token(token) if token else None
    if credential is None:
        return 404, _page("Unknown credential token", "<p>This validation link is not valid.</p>")
    nichandle = (query.get("nichandle") or [""])[-1]
    customer = world.customers.get(nichandle) if nichandle else None
    if nichandle and customer is None:
        return 404, _page("Unknown account", f"<p>No customer {escape(nichandle)}.</p>")
    if credential.status == PENDING:
        world.validate(credential, customer)
    if credential.customer is None:
        return 403, _page(f"Credential {credential.status}", "<p>This key cannot be validated.</p>")
    rules = "".join(
        f"<li>{escape(rule['method'])} {escape(rule['path'])}</li>" for rule in credential.rules
    )
    return 200, _page(
        f"Credential {credential.status}",
        f"<p>Account {escape(credential.customer.nichandle)} granted "
        f"{escape(credential.application.name)}:</p><ul>{rules}</ul>",
    )


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
