"""Message templates sent to the moderator (`sms.TemplateControl`), and their review.

A template waits for the moderator as a sender does (`senders`), and with the same delay; the
simulator's moderator validates every template (OVHcloud publishes no rule to refuse one). A new
message, by `PUT` or `relaunchValidation`, goes back to the moderator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.senders import DISABLE, ENABLE, WAITING
from smpp_tui.simulator.sms.times import iso

VALIDATED = "Validated by the moderator"


@dataclass
class Template:
    name: str
    activity: str  # sms.TypeTemplateEnum
    message: str
    description: str
    created: float
    status: str = WAITING
    comment: str = ""
    review_at: float | None = None

    def status_at(self, now: float) -> tuple[str, str]:
        if self.status == WAITING and self.review_at is not None and now >= self.review_at:
            return ENABLE, VALIDATED
        return self.status, self.comment

    def describe(self, now: float) -> dict[str, Any]:
        """The `sms.TemplateControl` object."""
        status, comment = self.status_at(now)
        return {
            "name": self.name,
            "activity": self.activity,
            "message": self.message,
            "description": self.description,
            "datetime": iso(self.created),
            "status": status,
            "comment": comment,
        }

    def submit(self, message: str, description: str, now: float, delay: float) -> None:
        """Send the template to the moderator again, with its new message."""
        self.message, self.description = message, description
        self.status, self.comment, self.review_at = WAITING, "", now + delay

    def update(self, fields: dict[str, Any], now: float, delay: float) -> None:
        """`PUT`: the activity and description; enable <-> disable; a new message is
        reviewed again. The name is the template's key."""
        self.status, self.comment = self.status_at(now)
        if fields.get("name", self.name) != self.name:
            raise errors.bad_request(
                "A template's name cannot be changed: create a template with the new name"
            )
        status = fields.get("status", self.status)
        if status != self.status and {status, self.status} != {ENABLE, DISABLE}:
            raise errors.bad_request(
                f"Cannot set the status of a {self.status} template to {status!r}: only an "
                "enabled template can be disabled, and a disabled one enabled"
            )
        self.activity = fields.get("activity", self.activity)
        self.description = fields.get("description", self.description)
        self.status = status
        if fields.get("message", self.message) != self.message:
            self.submit(fields["message"], self.description, now, delay)


def new_template(fields: dict[str, Any], now: float, delay: float) -> Template:
    """`POST`: the fields the schema requires are there (`bodies`); the name is a key."""
    if not fields["name"].strip():
        raise errors.bad_request(f"Invalid name {fields['name']!r}: a template's name, not blank")
    template = Template(
        fields["name"], fields["activity"], "", fields.get("description", ""), created=now
    )
    template.submit(fields["message"], template.description, now, delay)
    return template
