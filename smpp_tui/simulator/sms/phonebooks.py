"""Phonebooks (`sms.Phonebook`) and their contacts (`sms.PhonebookContact`), and a phonebook's
CSV export."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator.sms.documents import to_csv

NUMBERS = ("homeMobile", "homePhone", "workMobile", "workPhone")
# The export's columns are the simulator's own: OVHcloud documents none.
EXPORT_COLUMNS = ("surname", "name", "group", *NUMBERS)


@dataclass
class Contact:
    id: int
    # The writable fields of `sms.PhonebookContact`, by their API names.
    fields: dict[str, Any]

    def describe(self) -> dict[str, Any]:
        """The `sms.PhonebookContact` object."""
        return {"id": self.id, **dict.fromkeys(NUMBERS), **self.fields}


@dataclass
class Phonebook:
    key: str
    name: str
    phone_key: str
    contacts: dict[int, Contact] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """The `sms.Phonebook` object."""
        return {"bookKey": self.key, "name": self.name, "phoneKey": self.phone_key}

    def export(self) -> bytes:
        return to_csv(EXPORT_COLUMNS, (contact.describe() for contact in self.contacts.values()))
