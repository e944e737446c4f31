"""`/sms/{sn}/templatesControl`: message templates sent to the moderator, changed, sent again
and deleted."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, sms
from smpp_tui.simulator.sms.bodies import read_body
from smpp_tui.simulator.sms.template_control import Template, new_template

router = Router()

TEMPLATES = "/sms/{serviceName}/templatesControl"
TEMPLATE = TEMPLATES + "/{name}"
RELAUNCH = TEMPLATE + "/relaunchValidation"


def _template(request: Request) -> tuple[dict[str, Template], Template]:
    templates = account_of(request).paperwork.templates
    return templates, found(templates, "name", request.params["name"])


def _review_delay(request: Request) -> float:
    """The sender moderator's: one moderator reads both."""
    return sms(request).behaviour.sender_review_delay


@router.route("GET", TEMPLATES)
def list_templates(request: Request) -> Any:
    templates, now = account_of(request).paperwork.templates, request.world.now()
    return listing(request, list(templates), lambda name: templates[name].describe(now))


@router.route("POST", TEMPLATES)
def create_template(request: Request) -> None:
    fields = read_body("POST", TEMPLATES, request.body)
    account = account_of(request)
    if fields["name"] in account.paperwork.templates:
        raise errors.conflict(f"The template {fields['name']} already exists on {account.name}")
    template = new_template(fields, request.world.now(), _review_delay(request))
    account.paperwork.templates[template.name] = template


@router.route("GET", TEMPLATE)
def get_template(request: Request) -> dict[str, Any]:
    return _template(request)[1].describe(request.world.now())


@router.route("PUT", TEMPLATE)
def change_template(request: Request) -> None:
    template = _template(request)[1]
    fields = read_body("PUT", TEMPLATE, request.body)
    template.update(fields, request.world.now(), _review_delay(request))


@router.route("DELETE", TEMPLATE)
def delete_template(request: Request) -> None:
    templates, template = _template(request)
    del templates[template.name]


@router.route("POST", RELAUNCH)
def relaunch(request: Request) -> None:
    template = _template(request)[1]
    fields = read_body("POST", RELAUNCH, request.body)
    now = request.world.now()
    template.submit(fields["message"], fields["description"], now, _review_delay(request))
