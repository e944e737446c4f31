"""`.../jobs` of an account, a user or a virtual number: SMS waiting to leave, read and
cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, path_id
from smpp_tui.simulator.sms.jobs import Job

router = Router()

JobsOf = Callable[[Request], dict[int, Job]]


def register_jobs(
    router: Router, prefix: str, jobs_of: JobsOf, *, with_sender: bool = True
) -> None:
    def job(request: Request) -> Job:
        return found(jobs_of(request), "id", path_id(request))

    def list_(request: Request) -> Any:
        jobs = jobs_of(request)
        ids = sorted(jobs, reverse=True)
        return listing(request, ids, lambda job_id: jobs[job_id].describe(with_sender=with_sender))

    def get(request: Request) -> dict[str, Any]:
        return job(request).describe(with_sender=with_sender)

    def delete(request: Request) -> None:
        del jobs_of(request)[job(request).id]

    router.route("GET", f"{prefix}/jobs")(list_)
    router.route("GET", f"{prefix}/jobs/{{id}}")(get)
    router.route("DELETE", f"{prefix}/jobs/{{id}}")(delete)


register_jobs(router, "/sms/{serviceName}", lambda request: account_of(request).jobs)
