"""The simulated outbox: the e-mails OVHcloud would send (new SMPP passwords).

Readable from Python (`world.sms.outbox`) and at `GET /_sim/outbox`, never through the API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smpp_tui.simulator.sms.times import iso


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    account: str
    at: float

    def describe(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "account": self.account,
            "at": iso(self.at),
        }


@dataclass
class Outbox:
    mails: list[Mail] = field(default_factory=list)

    def send(self, mail: Mail) -> Mail:
        self.mails.append(mail)
        return mail

    def to(self, address: str) -> list[Mail]:
        return [mail for mail in self.mails if mail.to == address]

    def clear(self) -> None:
        self.mails.clear()


def password_mail(to: str, account: str, password: str, at: float) -> Mail:
    return Mail(
        to=to,
        subject=f"Your new SMPP password for {account}",
        body=(
            f"Hello,\n\nA new SMPP password was generated for {account}.\n\n"
            f"SystemID: {account}\nPassword: {password}\n\n"
            "Update your SMPP client: the previous password no longer works.\n"
        ),
        account=account,
        at=at,
    )


def first_password_mail(to: str, account: str, password: str, at: float) -> Mail:
    """The mail that gives an account's first password, when it is delivered."""
    return Mail(
        to=to,
        subject=f"Your SMPP account {account} is ready",
        body=(
            f"Hello,\n\nYour SMPP account {account} is ready.\n\n"
            f"SystemID: {account}\nPassword: {password}\n\n"
            "Allow your SMPP client's IP address in the control panel before it binds.\n"
        ),
        account=account,
        at=at,
    )
