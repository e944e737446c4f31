"""Fixtures of the simulator's SMS tests: a world on an injected clock, and `ovh` clients whose
every answer is validated against the vendored OVHcloud schemas."""

from __future__ import annotations

from typing import Any

import ovh
import pytest

from tests.conftest import Clock
from tests.schema import validate_response

START = 1_750_000_000.0  # 2025-06-15, a fixed moment so that runs are reproducible

_SHAPE_VALUES = frozenset({"ptt", "deliveryReceipt", "tag", "sender", "tariffCode", "numberOfSms"})


class Checked:
    """An unmodified `ovh.Client`, with every body it gets checked against the schema."""

    def __init__(self, client: ovh.Client) -> None:
        self.client = client
        self._shapes: set[tuple] = set()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        body = getattr(self.client, method.lower())(path, **kwargs)
        validate_response(method, path, body)
        return body

    def get(self, path: str, **kwargs: Any) -> Any:
        return self._call("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self._call("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self._call("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self._call("DELETE", path, **kwargs)

    def page(
        self, path: str, size: int, number: int, item_path: str, stride: int = 1
    ) -> tuple[list, dict]:
        """One page of an expanded list: the objects (validated) and the headers.

        jsonschema costs about 0.3 ms an object, so walking 20,000 SMS validates every
        `stride`-th object plus every object of a shape (null fields, PTT, tag, sender) not
        seen before, which is where a wrong value would hide.
        """
        headers = {
            "X-Pagination-Mode": "CachedObjectList-Pages",
            "X-Pagination-Size": str(size),
            "X-Pagination-Number": str(number),
        }
        response = self.client.raw_call("GET", path, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        objects = body if isinstance(body, list) and body and isinstance(body[0], dict) else []
        for index, item in enumerate(objects):
            if index % stride == 0 or self._new_shape(item):
                validate_response("GET", item_path.format(**item), item)
        return body, response.headers

    def _new_shape(self, item: dict[str, Any]) -> bool:
        shape = tuple(
            (key, value if key in _SHAPE_VALUES else value is None)
            for key, value in sorted(item.items())
        )
        if shape in self._shapes:
            return False
        self._shapes.add(shape)
        return True


@pytest.fixture
def world_clock() -> Clock:
    """The world's clock, moved by the tests instead of sleeping.

    Moves stay within the signature timestamp window (300 s), as the `ovh` client computes its
    time delta once.
    """
    return Clock(START)


@pytest.fixture
def world(sim):
    return sim.world


@pytest.fixture
def api(client: ovh.Client) -> Checked:
    """The first demo customer (dc12345-ovh)."""
    return Checked(client)


@pytest.fixture
def other_api(make_client, customers) -> Checked:
    """The second demo customer (jm67890-ovh)."""
    keys = customers[1].keys
    return Checked(
        make_client(
            application_key=keys.application_key,
            application_secret=keys.application_secret,
            consumer_key=keys.consumer_key,
        )
    )


MAIN = "smpp-dc12345-1"  # SUCCESS, 20,000 SMS
WAITING = "smpp-dc12345-2"  # WAITING_IP
UPDATING = "smpp-dc12345-3"  # UPDATING_IP
FULL = "smpp-dc12345-7"  # SUCCESS, 10 IPs, 2,000 SMS
CLASSIC = "sms-dc12345-1"
OTHERS = "smpp-jm67890-1"  # the second customer's
