"""History exports: `/me/document` entries whose CSV the simulator serves outside the API.

The content is taken when the export is asked for (a snapshot, as a real export is); it shows
(`size > 0`) only `ready_at` later on the world's clock.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator import errors
from smpp_tui.simulator.sms.times import iso

DOCUMENTS_PATH = "/_sim/documents"

OUTGOING_COLUMNS = (
    "id",
    "creationDatetime",
    "sender",
    "receiver",
    "message",
    "numberOfSms",
    "credits",
    "ptt",
    "deliveryReceipt",
    "tag",
)
INCOMING_COLUMNS = ("id", "creationDatetime", "sender", "message", "credits", "tag")


@dataclass
class Document:
    id: str
    owner: str
    name: str
    created: float
    ready_at: float
    content: bytes = field(repr=False)

    def describe(self, now: float, base_url: str) -> dict[str, Any]:
        """The `nichandle.document.Document` object."""
        ready = now >= self.ready_at
        url = f"{base_url}{DOCUMENTS_PATH}/{self.id}.csv"
        return {
            "id": self.id,
            "name": self.name,
            "creationDate": iso(self.created),
            "expirationDate": iso(self.created + 7 * 86_400),
            "validationDate": None,
            "size": len(self.content) if ready else 0,
            "getUrl": url,
            "putUrl": url,
            "tags": [],
        }


def to_csv(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> bytes:
    columns = list(columns)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row[name] for name in columns] for row in rows)
    return text.getvalue().encode("utf-8")


@dataclass
class Documents:
    by_id: dict[str, Document] = field(default_factory=dict)

    def add(self, owner: str, name: str, content: bytes, now: float, delay: float) -> Document:
        document = Document(str(uuid.uuid4()), owner, name, now, now + delay, content)
        self.by_id[document.id] = document
        return document

    def of(self, owner: str) -> list[Document]:
        return [document for document in self.by_id.values() if document.owner == owner]

    def owned(self, owner: str, document_id: str) -> Document:
        document = self.by_id.get(document_id)
        if document is None or document.owner != owner:
            raise errors.not_found(f"The requested object (id = {document_id}) does not exist")
        return document

    def content(self, document_id: str, now: float) -> bytes | None:
        """What `getUrl` serves: nothing until the document is ready."""
        document = self.by_id.get(document_id)
        if document is None or now < document.ready_at:
            return None
        return document.content
