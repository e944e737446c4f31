"""The paperwork of the demo's richer accounts: two phonebooks, a validated template and one
waiting for the moderator, a sent batch, a deferred one and a canceled one, OVHcloud's tasks
cleaning the receiver lists, and a document behind the first sender's request.

Fixed data, with keys from the account's name and times from the world's anchor, so every run
gives the same. Numbers are in ranges set aside for fiction (France's 06 39 98 and 01 99 00,
the UK's 07700 900).
"""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.sms.account import SmsAccount
from smpp_tui.simulator.sms.batches import CANCELED, Batch, Outcome
from smpp_tui.simulator.sms.paperwork import Paperwork
from smpp_tui.simulator.sms.phonebooks import Contact
from smpp_tui.simulator.sms.sender_documents import SenderDocument
from smpp_tui.simulator.sms.senders import ENABLE
from smpp_tui.simulator.sms.tasks import Task
from smpp_tui.simulator.sms.template_control import VALIDATED, Template
from smpp_tui.simulator.sms.times import DAY

_HOUR = 3_600.0

# phonebook -> contacts: name, surname, group, numbers
_BOOKS: dict[str, tuple[tuple[str, str, str, dict[str, str]], ...]] = {
    "Customers": (
        ("Claire", "Martin", "VIP", {"homeMobile": "+33639980001"}),
        (
            "Hugo",
            "Bernard",
            "Customers",
            {"workMobile": "+33639980002", "workPhone": "+33199001001"},
        ),
        (
            "Amélie",
            "Petit",
            "Customers",
            {"homeMobile": "+33639980003", "homePhone": "+33199001002"},
        ),
        ("Liam", "O'Brien", "Customers", {"homeMobile": "+447700900456"}),
    ),
    "On-call team": (
        ("Dana", "Carter", "Operations", {"workMobile": "+33639980010"}),
        ("Yasmine", "Haddad", "Operations", {"workMobile": "+33639980011"}),
        ("Marc", "Lefèvre", "Network", {"workMobile": "+33639980012", "workPhone": "+33199001003"}),
    ),
}

_RECEIVERS = tuple(f"+336399801{n:02d}" for n in range(8))
# name, message, receivers, when it was made, sent (or is to be) and canceled, from the anchor
_BATCHES = (
    (
        "Maintenance notice",
        "Planned maintenance tonight from 2:00 to 4:00: the service may be briefly unavailable.",
        6,
        -5 * DAY - _HOUR,
        -5 * DAY,
        None,
    ),
    (
        "Satisfaction survey",
        "How did we do? Answer 1 to 5. Reply STOP to opt out.",
        5,
        -2 * _HOUR,
        3 * DAY,
        None,
    ),
    (
        "Spring sale",
        "Spring sale: 20% off everything this weekend!",
        8,
        -20 * DAY,
        -18 * DAY,
        -19 * DAY,
    ),
)
_TASKS = (("done", "finishing"), ("doing", "waitForHlrs"), ("todo", "starting"))


def seed_paperwork(account: SmsAccount, anchor: float) -> None:
    paperwork = account.paperwork
    # OVHcloud's ids are global: each account counts from its own thousand.
    paperwork.made = account.service_id * 1_000
    _phonebooks(paperwork, account.name)
    _templates(paperwork, anchor)
    sender = next((s.sender for s in account.senders.values() if s.status == ENABLE), None)
    _batches(paperwork, account, sender, anchor)
    for n, (status, step) in enumerate(_TASKS):
        task = Task(account.service_id * 10 + n, status, step)
        paperwork.tasks[task.id] = task
    if account.senders:
        _document(paperwork, account.name, next(iter(account.senders)), anchor)


def _phonebooks(paperwork: Paperwork, account: str) -> None:
    for name, contacts in _BOOKS.items():
        book = paperwork.new_phonebook(account, name)
        for first, last, group, numbers in contacts:
            fields: dict[str, Any] = {"name": first, "surname": last, "group": group, **numbers}
            contact = Contact(paperwork.new_id(), fields)
            book.contacts[contact.id] = contact


def _templates(paperwork: Paperwork, anchor: float) -> None:
    templates = (
        Template(
            "otp-code",
            "authentification",
            "Your verification code is #VALUE#. It expires in 10 minutes.",
            "One-time passwords",
            created=anchor - 40 * DAY,
            status=ENABLE,
            comment=VALIDATED,
        ),
        Template(
            "delivery-slot",
            "transactional",
            "Your parcel #VALUE# will be delivered on #VALUE# between #VALUE#.",
            "Delivery slots",
            created=anchor - _HOUR,
            review_at=anchor + 2 * DAY,
        ),
    )
    paperwork.templates.update((template.name, template) for template in templates)


def _batches(paperwork: Paperwork, account: SmsAccount, sender: str | None, anchor: float) -> None:
    for name, message, count, made, sent, canceled in _BATCHES:
        receivers = _RECEIVERS[:count]
        batch = Batch(
            paperwork.new_uuid(account.name, "batch"),
            account.service_id,
            name,
            message,
            sender,
            receivers,
            created=anchor + made,
            send_at=anchor + sent,
            credits=float(count),  # French receivers, a credit each
            outcome=Outcome(failed=receivers[-1:], stoplisted=1),
        )
        if canceled is not None:
            batch.status, batch.updated = CANCELED, anchor + canceled
        paperwork.batches[batch.id] = batch


def _document(paperwork: Paperwork, account: str, sender: str, anchor: float) -> None:
    document = SenderDocument(
        paperwork.new_uuid(account, "document"),
        "company-registration.pdf",
        "Company registration extract, showing the brand",
        anchor - 30 * DAY,
        184_320,
    )
    paperwork.sender_documents.setdefault(sender, {})[document.id] = document
