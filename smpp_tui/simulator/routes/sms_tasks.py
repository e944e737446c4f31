"""`/sms/{sn}/task`: OVHcloud's own work on the account, by status."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_choices import choice
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, path_id

router = Router()


@router.route("GET", "/sms/{serviceName}/task")
def list_tasks(request: Request) -> Any:
    tasks = account_of(request).paperwork.tasks
    status = choice(request, "status", "telephony.TaskStatusEnum")
    ids = [task.id for task in tasks.values() if status in (None, task.status)]
    return listing(request, ids, lambda id_: tasks[id_].describe())


@router.route("GET", "/sms/{serviceName}/task/{taskId}")
def get_task(request: Request) -> dict[str, Any]:
    task = found(account_of(request).paperwork.tasks, "taskId", path_id(request, "taskId"))
    return task.describe()
