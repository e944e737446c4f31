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


# A new password's mail, and the one that gives an account's first password when it is
# delivered: subject, first line, last line.
_PASSWORD_MAILS = {
    False: (
        "Your new SMPP password for {account}",
        "A new SMPP password was generated for {account}.",
        "Update your SMPP client: the previous password no longer works.",
    ),
    True: (
        "Your SMPP account {account} is ready",
        "Your SMPP account {account} is ready.",
        "Allow your SMPP client's IP address in the control panel before it binds.",
    ),
}


def password_mail(to: str, account: str, password: str, at: float, *, first: bool = False) -> Mail:
    subject, opening, closing = (part.format(account=account) for part in _PASSWORD_MAILS[first])
    return Mail(
        to=to,
        subject=subject,
        body=(f"Hello,\n\n{opening}\n\nSystemID: {account}\nPassword: {password}\n\n{closing}\n"),
        account=account,
        at=at,
    )
