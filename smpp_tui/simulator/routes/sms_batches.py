"""`/sms/{sn}/batches`: batches sent or deferred, their statistics, renaming, cancelling and
deleting one (the simulator sends none itself: `POST` is not served)."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing
from smpp_tui.simulator.sms.batches import Batch
from smpp_tui.simulator.sms.bodies import read_body

router = Router()

BATCHES = "/sms/{serviceName}/batches"
BATCH = BATCHES + "/{id}"


def _batch(request: Request) -> tuple[dict[str, Batch], Batch]:
    batches = account_of(request).paperwork.batches
    return batches, found(batches, "id", request.params["id"])


@router.route("GET", BATCHES)
def list_batches(request: Request) -> Any:
    """Whole batches, not ids (a newer route of OVHcloud's), and pages of them as asked."""
    now = request.world.now()
    batches = [batch.describe(now) for batch in account_of(request).paperwork.batches.values()]
    return listing(request, batches, lambda described: described)


@router.route("GET", BATCH)
def get_batch(request: Request) -> dict[str, Any]:
    return _batch(request)[1].describe(request.world.now())


@router.route("PUT", BATCH)
def rename_batch(request: Request) -> dict[str, Any]:
    batch, now = _batch(request)[1], request.world.now()
    batch.rename(read_body("PUT", BATCH, request.body)["name"], now)
    return batch.describe(now)


@router.route("DELETE", BATCH)
def delete_batch(request: Request) -> None:
    batches, batch = _batch(request)
    del batches[batch.id]


@router.route("POST", BATCH + "/cancel")
def cancel_batch(request: Request) -> dict[str, Any]:
    batch, now = _batch(request)[1], request.world.now()
    batch.cancel(now)
    return batch.describe(now)


@router.route("GET", BATCH + "/statistics")
def batch_statistics(request: Request) -> dict[str, Any]:
    return _batch(request)[1].statistics(request.world.now())
