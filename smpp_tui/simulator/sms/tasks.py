"""OVHcloud's own work on an account (`sms.Task`): the schema names one function, cleaning the
receiver lists, whose steps the task goes through."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CLEAN_RECEIVERS = "cleanSmsReceivers"


@dataclass(frozen=True)
class Task:
    id: int
    status: str  # telephony.TaskStatusEnum
    step: str  # sms.TodoGeneralPublicStepsEnum
    function: str = CLEAN_RECEIVERS

    def describe(self) -> dict[str, Any]:
        """The `sms.Task` object."""
        return {
            "taskId": self.id,
            "function": self.function,
            "status": self.status,
            "step": self.step,
        }
