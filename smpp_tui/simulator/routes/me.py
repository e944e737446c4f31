"""`/me`: the customer behind the consumer key, and their documents (history exports)."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router

router = Router()


@router.route("GET", "/me")
def me(request: Request) -> dict[str, Any]:
    return request.customer.me()


@router.route("GET", "/me/document")
def documents(request: Request) -> list[str]:
    return [document.id for document in request.world.sms.documents.of(request.customer.nichandle)]


@router.route("GET", "/me/document/{id}")
def document(request: Request) -> dict[str, Any]:
    owned = request.world.sms.documents.owned(request.customer.nichandle, request.params["id"])
    return owned.describe(request.world.now(), request.base_url)


@router.route("DELETE", "/me/document/{id}")
def delete_document(request: Request) -> None:
    owned = request.world.sms.documents.owned(request.customer.nichandle, request.params["id"])
    del request.world.sms.documents.by_id[owned.id]
