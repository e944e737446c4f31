"""No model read from a hostile answer holds a control character: every text of a valid answer
of the simulator (and every null, and a new key), in turn, becomes each sample of the hostile
corpus, and the model read from it is searched.

What the model reads of a value is found by reading it once as "x": a field that changes the
model must then show the sample's visible text; one that makes the answer unreadable (a date)
may refuse the sample too.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from smpp_tui.api import models
from smpp_tui.api.errors import InvalidResponse
from smpp_tui.simulator import build_demo_world
from tests.hostile import CORPUS, Sample, controls_in

ACCOUNT = "smpp-dc12345-1"
MULTILINE = {"message"}  # the fields that keep line breaks: an SMS's text
Path = tuple[Any, ...]


@pytest.fixture
def demo(world_clock) -> tuple:
    """The demo world with a short history: what is read is one SMS, not 20,000."""
    return build_demo_world(world_clock, history=50)


@pytest.fixture
def answers(client, customers, sim) -> dict[type, tuple[Any, tuple[Any, ...]]]:
    """Model -> a valid answer of the simulator it reads, and `from_api`'s other arguments."""
    account = sim.world.sms.accounts[ACCOUNT]
    account.callback = "https://example.com/delivered"  # null in the demo: a text to fill
    customers[0].credential.allowed_ips = ["127.0.0.1/32"]
    sent = client.get(f"/sms/{ACCOUNT}/outgoing")[0]
    settings = client.get(f"/sms/{ACCOUNT}/smpp/settings")
    document = client.get(f"/sms/{ACCOUNT}/document", wayType="outgoing")
    return {
        models.Account: (client.get(f"/sms/{ACCOUNT}"), ()),
        models.SmppSettings: (settings, (ACCOUNT,)),
        models.SmppEndpoint: (settings["endpoints"][0], ()),
        models.AllowedIps: (client.get(f"/sms/{ACCOUNT}/smpp/allowedIPs"), ()),
        models.Sender: (client.get(f"/sms/{ACCOUNT}/senders/PROMO"), ()),  # it has a comment
        models.OutgoingSms: (client.get(f"/sms/{ACCOUNT}/outgoing/{sent}"), ()),
        models.IncomingSms: (
            client.get(f"/sms/{ACCOUNT}/incoming/{client.get(f'/sms/{ACCOUNT}/incoming')[0]}"),
            (),
        ),
        models.Document: (client.get(f"/me/document/{document}"), ()),
        models.Hlr: (client.get(f"/sms/{ACCOUNT}/outgoing/{sent}/hlr"), ()),
        models.PttMeaning: (client.get("/sms/ptts", ptt=0), (0,)),
        models.ServiceInfo: (client.get(f"/sms/{ACCOUNT}/serviceInfos"), ()),
        models.CurrentCredential: (client.get("/auth/currentCredential"), ()),
        models.Me: (client.get("/me"), ()),
    }


def read_from_api() -> set[type]:
    """Every model of `smpp_tui.api.models` that reads an answer (the others are built)."""
    return {
        model
        for model in vars(models).values()
        if inspect.isclass(model)
        and dataclasses.is_dataclass(model)
        and model.__module__ == models.__name__
        and hasattr(model, "from_api")
    }


def test_every_model_reading_an_answer_is_walked(answers):
    assert set(answers) == read_from_api()


def leaves(body: Any, path: Path = ()) -> Iterator[Path]:
    """The path of every text and null of a JSON value; a dict's path also stands for a new
    key of it (`None` at the end)."""
    if isinstance(body, dict):
        yield (*path, None)
        for key, value in body.items():
            yield from leaves(value, (*path, key))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield from leaves(value, (*path, index))
    elif body is None or isinstance(body, str):
        yield path


def replaced(body: Any, path: Path, text: str) -> Any:
    changed = copy.deepcopy(body)
    *parents, last = path
    node = changed
    for piece in parents:
        node = node[piece]
    if last is None:
        node[text] = "a value"
    else:
        node[last] = text
    return changed


def texts(value: Any, name: str = "") -> Iterator[tuple[str, str]]:
    """(field name, text) of every text a model holds, nested models and tuples included."""
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name), field.name)
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item, name)
    elif isinstance(value, str):
        yield name, value


def problems(read: Callable[[Any], Any], body: Any, path: Path, sample: Sample) -> list[str]:
    """What is wrong with the model read from `body` with `sample` at `path`."""
    try:
        as_x = read(replaced(body, path, "x"))
    except InvalidResponse:
        as_x = None  # a value read as something else than text (a date)
    try:
        model = read(replaced(body, path, sample.text))
    except InvalidResponse:
        return [] if as_x is None else ["a text field refused the sample"]
    found = list(texts(model))
    wrong = [
        f"{name} holds {sorted(controls_in(text, name in MULTILINE))}"
        for name, text in found
        if controls_in(text, name in MULTILINE)
    ]
    wrong += [
        f"{name} holds {gone!r}" for name, text in found for gone in sample.gone if gone in text
    ]
    used = as_x is not None and as_x != read(body)
    shown = any(sample.visible[:20] in text.replace("\n", " ") for _, text in found)
    return wrong + ([] if shown or not used else ["the visible text is lost"])


@pytest.mark.parametrize(
    "model", sorted(read_from_api(), key=lambda m: m.__name__), ids=lambda model: model.__name__
)
def test_no_model_holds_a_control_whatever_the_answer(answers, model):
    body, extra = answers[model]
    paths = list(leaves(body))
    assert paths, f"the simulator's {model.__name__} has no text to make hostile"

    def read(answer: Any) -> Any:
        return model.from_api(answer, *extra)

    found = {
        (path, sample.name): said
        for path in paths
        for sample in CORPUS
        if (said := problems(read, body, path, sample))
    }
    assert found == {}


def test_an_sms_keeps_the_line_breaks_of_its_text(answers):
    for model in (models.OutgoingSms, models.IncomingSms):
        body = {**answers[model][0], "message": "Your code:\r\n1234\x1b[2J\nBye"}
        assert model.from_api(body).message == "Your code:\n1234\nBye"
