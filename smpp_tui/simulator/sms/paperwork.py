"""An account's paperwork, beside its traffic: phonebooks, templates sent for moderation,
batches, OVHcloud's tasks, and the documents behind its sender requests.

A new account has none; the demo's are seeded (`paperwork_demo`). Keys and ids are made from the
account's name and a count, so they are the same on every run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from smpp_tui.simulator.sms.batches import Batch
from smpp_tui.simulator.sms.phonebooks import Phonebook
from smpp_tui.simulator.sms.sender_documents import SenderDocument
from smpp_tui.simulator.sms.tasks import Task
from smpp_tui.simulator.sms.template_control import Template


@dataclass
class Paperwork:
    phonebooks: dict[str, Phonebook] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    batches: dict[str, Batch] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)
    sender_documents: dict[str, dict[str, SenderDocument]] = field(default_factory=dict)
    made: int = 0  # objects given an id or a key so far

    def new_id(self) -> int:
        self.made += 1
        return self.made

    def new_uuid(self, account: str, kind: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sim/sms/{account}/{kind}/{self.new_id()}"))

    def new_phonebook(self, account: str, name: str) -> Phonebook:
        book_key = self.new_uuid(account, "phonebook").replace("-", "")[:16]
        phone_key = self.new_uuid(account, "phoneKey").replace("-", "")[:16]
        book = Phonebook(book_key, name, phone_key)
        self.phonebooks[book.key] = book
        return book
