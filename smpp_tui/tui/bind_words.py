"""What an SMPP connection test found, in the user's words, with the next step to take."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from smpp_tui.api import smpp_steps as steps
from smpp_tui.api.smpp_steps import Failure, Outcome, Target
from smpp_tui.tui import words


@dataclass(frozen=True)
class Facts:
    """What the app knows of the account, for the explanation."""

    account: str
    target: Target
    status: str | None  # its SMPP status, as last read
    allowed: tuple[str, ...] | None  # its allowed IPs, as last read
    renewed_at: str | None  # when this app last asked for a new password ("14:03:07")
    allow_key: str  # the key that allows this machine's address
    mail_key: str | None  # the demo's Mail view


def endpoint(target: Target) -> str:
    return f"{'TLS' if target.tls else 'plaintext'} {target.host}:{target.port}"


def passed(outcome: Outcome, facts: Facts) -> Text:
    total = sum(step.seconds or 0.0 for step in outcome.steps)
    said = Text("✓ Bound ", style="bold green")
    said.append_text(words.plain(f"as {facts.target.system_id} over {endpoint(facts.target)}"))
    said.append(f" from {outcome.source} in {milliseconds(total)}.\n")
    said.append("The SystemID, the password and this address work.")
    return said


def failed(failure: Failure, source: str | None, facts: Facts) -> Text:
    said = Text("✗ ", style="bold red")
    said.append_text(words.plain(_explain(failure, source, facts)))  # names from OVHcloud
    if failure.detail and failure.kind not in (steps.STATUS, steps.CLOSED):
        said.append_text(words.plain(f"\n({failure.step}: {failure.detail})", style="dim"))
    return said


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _explain(failure: Failure, source: str | None, facts: Facts) -> str:
    where = f"{facts.target.host}:{facts.target.port}"
    if failure.kind == steps.STATUS:
        return _refused(failure, facts)
    if failure.kind == steps.CLOSED and failure.step == steps.BIND:
        return _not_allowed(source, facts)
    other = "plaintext" if facts.target.tls else "TLS"
    explained = {
        steps.NO_SUCH_HOST: f"{facts.target.host} does not resolve: check this machine's DNS"
        " (a name OVHcloud gives resolves publicly).",
        steps.REFUSED: f"Nothing takes connections on {where}: the port is closed, or a"
        " firewall rejects it.",
        steps.UNREACHABLE: f"{where} cannot be reached from this machine: no route to it.",
        steps.TIMEOUT: f"No answer from {where} in time ({failure.step}): a firewall may drop"
        f" the traffic, or the network is slow. Try the {other} endpoint too.",
        steps.CERTIFICATE: f"The certificate of {facts.target.host} did not verify: the"
        " password was not sent. Check the endpoint, and that this machine trusts the usual"
        " authorities.",
        steps.TLS_VERSION: "No TLS version both sides accept: OVHcloud's endpoints take TLS 1.3"
        " only. Check that this machine's OpenSSL offers it.",
        steps.NOT_TLS: f"{where} does not answer in TLS: it may be a plaintext endpoint."
        " Choose the TLS one.",
        steps.TLS_FAILED: "The TLS handshake failed.",
        steps.CLOSED: f"The connection closed during the {failure.step}.",
        steps.LOST: f"The connection ended during {failure.step}, after the bind: the SMSC"
        " may have unbound it.",
    }
    return explained.get(failure.kind, "The test stopped on something unexpected.")


def _not_allowed(source: str | None, facts: Facts) -> str:
    said = (
        f"The SMSC closed the connection before answering the bind: this machine's address,"
        f" {source}, is probably not allowed"
    )
    if facts.status == "WAITING_IP":
        said += " (no IP is allowed yet: the account waits for one)"
    allowed = ", ".join(facts.allowed) if facts.allowed else "none"
    if facts.allowed is not None:
        said += f".\nAllowed now: {allowed}"
    said += f".\n{facts.allow_key} allows {source}"
    return said + " (behind NAT, the SMSC sees your public address: allow that one)."


def _refused(failure: Failure, facts: Facts) -> str:
    code = f"0x{failure.status or 0:02X}"
    if failure.status == 0x0E:
        said = f"Wrong password ({code}). Only the password of the latest e-mail works"
        if facts.renewed_at:
            said += f": a new one was asked at {facts.renewed_at}"
        said += "."
        if facts.mail_key:
            said += f" Demo: {facts.mail_key} shows the mail."
        return said
    if failure.status == 0x0F:
        return f"Unknown SystemID ({code}): OVHcloud knows no SMPP account {facts.account}."
    if failure.status == 0x400:
        return (
            f"Too many bind attempts ({code}): OVHcloud refuses this account's binds for a"
            " while. Do not retry: each attempt counts as one more."
        )
    if failure.status == 0x0D:
        if facts.status not in (None, "SUCCESS"):
            return f"Bind refused ({code}). " + words.smpp_status_sentence(
                facts.account, facts.status
            )
        return (
            f"Bind refused ({code}): the account's one transceiver may be bound already, by"
            " your gateway. Test while it is unbound, or bind it as a transmitter and a"
            " receiver."
        )
    return f"The SMSC refused the bind ({code}: {failure.detail})."
