"""`/sms/{sn}/phonebooks`: phonebooks and their contacts, and a phonebook's CSV export."""

from __future__ import annotations

from typing import Any

from smpp_tui.simulator.router import Request, Router
from smpp_tui.simulator.routes.sms_choices import choice
from smpp_tui.simulator.routes.sms_common import account_of, found, listing, path_id, sms
from smpp_tui.simulator.sms.bodies import read_body
from smpp_tui.simulator.sms.paperwork import Paperwork
from smpp_tui.simulator.sms.phonebooks import Contact, Phonebook

router = Router()

BOOKS = "/sms/{serviceName}/phonebooks"
BOOK = BOOKS + "/{bookKey}"
CONTACTS = BOOK + "/phonebookContact"
CONTACT = CONTACTS + "/{id}"


def _book(request: Request) -> tuple[Paperwork, Phonebook]:
    paperwork = account_of(request).paperwork
    return paperwork, found(paperwork.phonebooks, "bookKey", request.params["bookKey"])


def _contact(request: Request) -> tuple[Phonebook, Contact]:
    book = _book(request)[1]
    return book, found(book.contacts, "id", path_id(request))


@router.route("GET", BOOKS)
def list_books(request: Request) -> Any:
    books = account_of(request).paperwork.phonebooks
    return listing(request, list(books), lambda key: books[key].describe())


@router.route("POST", BOOKS)
def create_book(request: Request) -> str:
    fields = read_body("POST", BOOKS, request.body)
    account = account_of(request)
    return account.paperwork.new_phonebook(account.name, fields["name"]).key


@router.route("GET", BOOK)
def get_book(request: Request) -> dict[str, Any]:
    return _book(request)[1].describe()


@router.route("PUT", BOOK)
def change_book(request: Request) -> None:
    book = _book(request)[1]
    book.name = read_body("PUT", BOOK, request.body).get("name", book.name)


@router.route("DELETE", BOOK)
def delete_book(request: Request) -> None:
    paperwork, book = _book(request)
    del paperwork.phonebooks[book.key]


@router.route("GET", BOOK + "/export")
def export(request: Request) -> dict[str, Any]:
    """A `telephony.PcsFile`: a snapshot of the contacts, as a `/me/document` ready at once."""
    book = _book(request)[1]
    extension = choice(request, "format", "telephony.ContactsExportFormatsEnum", required=True)
    now, documents = request.world.now(), sms(request).documents
    name = f"phonebook-{book.key}.{extension}"
    document = documents.add(request.customer.nichandle, name, book.export(), now, 0)
    described = document.describe(now, request.base_url)
    return {
        "filename": described["name"],
        "status": "done",
        "url": described["getUrl"],
        "urlExpirationDatetime": described["expirationDate"],
    }


@router.route("GET", CONTACTS)
def list_contacts(request: Request) -> Any:
    contacts = _book(request)[1].contacts
    return listing(request, list(contacts), lambda id_: contacts[id_].describe())


@router.route("POST", CONTACTS)
def create_contact(request: Request) -> int:
    paperwork, book = _book(request)
    contact = Contact(paperwork.new_id(), read_body("POST", CONTACTS, request.body))
    book.contacts[contact.id] = contact
    return contact.id


@router.route("GET", CONTACT)
def get_contact(request: Request) -> dict[str, Any]:
    return _contact(request)[1].describe()


@router.route("PUT", CONTACT)
def change_contact(request: Request) -> None:
    contact = _contact(request)[1]
    contact.fields |= read_body("PUT", CONTACT, request.body)


@router.route("DELETE", CONTACT)
def delete_contact(request: Request) -> None:
    book, contact = _contact(request)
    del book.contacts[contact.id]
