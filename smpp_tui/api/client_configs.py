"""Ready-to-paste SMPP client configurations for an account: a Kannel `smsc` group, Jasmin's
`smppccm` commands and a minimal smpplib script, filled from the account's SMPP settings.

The password is never known here (OVHcloud e-mails it): each configuration holds a placeholder
the user replaces. The account's name, the SystemID and the endpoint come from OVHcloud's
answers, so they are checked before they go into a file another program reads: a quote, a space
or a line break in them could add settings of their own. Only plain names pass (see `target`).
A refusal may name the account as OVHcloud gave it: shown, it is cleaned like any outside text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smpp_tui.api.models import SmppSettings

# The placeholder, not a secret: what OVHcloud e-mailed goes there (Jasmin takes 16 at most).
PASSWORD = "YOUR-PASSWORD"  # noqa: S105
ENQUIRE_LINK = 30  # seconds: what OVHcloud recommends (it unbinds idle links)

# A host name or an IPv4 address; a SystemID of letters, digits and `._@+-`.
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?")
_SAFE = re.compile(r"[A-Za-z0-9._@+-]{1,64}")
_PORT = re.compile(r"[0-9]{1,5}")
_KANNEL_DIRECTIVE = "include"
JASMIN_USERNAME = 15  # characters at most (Jasmin's SMPPClientConfig)


class UnsafeValue(ValueError):
    """A value from OVHcloud that a configuration file cannot hold safely."""


@dataclass(frozen=True)
class Target:
    """Where and how to bind: what every configuration is filled with."""

    account: str
    system_id: str
    host: str
    port: int
    tls: bool
    windowing: int | None
    throughput: int | None


@dataclass(frozen=True)
class ClientConfig:
    tool: str  # "Kannel"
    what: str  # "an smsc group for kannel.conf"
    text: str
    warning: str = ""  # what the tool will refuse in it, and why


def host_and_port(endpoint: str) -> tuple[str, str] | None:
    """`smpp1.example.net:2776` apart, as an SMPP client's configuration asks for them (None
    when it is not `host:port`)."""
    host, colon, port = endpoint.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")  # an IPv6 address, bracketed
    return (host, port) if colon and host and port.isdecimal() else None


def endpoint_of(settings: SmppSettings, tls: bool) -> str | None:
    """The first TLS (or plaintext) endpoint the settings name, as `host:port`."""
    for pair in settings.endpoints:
        endpoint = pair.secured if tls else pair.unsecured
        if endpoint:
            return endpoint
    return None


def target(account: str, settings: SmppSettings, tls: bool) -> Target:
    """What the configurations are filled with; `UnsafeValue` says what cannot be used."""
    kind = "TLS" if tls else "plaintext"
    endpoint = endpoint_of(settings, tls)
    if endpoint is None:
        raise UnsafeValue(f"OVHcloud names no {kind} endpoint for {account}")
    apart = host_and_port(endpoint)
    port = int(apart[1]) if apart is not None and _PORT.fullmatch(apart[1]) else 0
    if apart is None or not _HOST.fullmatch(apart[0]) or not 0 < port < 65536:
        raise UnsafeValue(f"the {kind} endpoint is not a host name and a port")
    for what, value in (("account's name", account), ("SystemID", settings.system_id)):
        if not _SAFE.fullmatch(value):
            raise UnsafeValue(
                f"the {what} holds characters a configuration file cannot hold safely"
                " (only letters, digits and ._@+- are used as they are)"
            )
    if any(_KANNEL_DIRECTIVE in value for value in (account, settings.system_id, apart[0])):
        # Kannel takes any line holding the word for an include of another file.
        raise UnsafeValue(f"a value holds {_KANNEL_DIRECTIVE!r}, which Kannel reads as a directive")
    return Target(
        account, settings.system_id, apart[0], port, tls, settings.windowing, settings.throughput
    )


def client_configs(found: Target) -> list[ClientConfig]:
    return [
        ClientConfig("Kannel", "an smsc group for kannel.conf", kannel(found)),
        ClientConfig("Jasmin", "smppccm commands for jcli", jasmin(found), _jasmin_warning(found)),
        ClientConfig("smpplib", "a Python script that binds and sends one SMS", smpplib(found)),
    ]


def _jasmin_warning(found: Target) -> str:
    if len(found.system_id) <= JASMIN_USERNAME:
        return ""
    return (
        f"Jasmin takes usernames of {JASMIN_USERNAME} characters at most: it will refuse this"
        f" SystemID of {len(found.system_id)}."
    )


def kannel(found: Target) -> str:
    lines = [
        f"# OVHcloud SMPP account {found.account} (smpp-tui)",
        "group = smsc",
        "smsc = smpp",
        f'smsc-id = "{found.account}"',
        f'host = "{found.host}"',
        f"port = {found.port}",
        f"use-ssl = {'true' if found.tls else 'false'}",
        "transceiver-mode = true",
        f'smsc-username = "{found.system_id}"',
        f'smsc-password = "{PASSWORD}"',
        'system-type = ""',  # Kannel will not start without it; OVHcloud asks for none
        # Numbers must be international (TON 1, NPI 1); Kannel tells a sender's name apart.
        "dest-addr-ton = 1",
        "dest-addr-npi = 1",
        f"enquire-link-interval = {ENQUIRE_LINK}",
    ]
    if found.windowing is not None:
        lines.append(f"max-pending-submits = {found.windowing}")
    if found.throughput is not None:
        lines.append(f"throughput = {found.throughput}")
    return "\n".join(lines) + "\n"


def jasmin(found: Target) -> str:
    # Jasmin's connector id: 3 to 25 letters, digits and underscores.
    cid = re.sub(r"[^A-Za-z0-9_]", "_", found.account)[:25].ljust(3, "_")
    lines = [
        "smppccm -a",
        f"cid {cid}",
        f"host {found.host}",
        f"port {found.port}",
        f"ssl {'yes' if found.tls else 'no'}",
        f"username {found.system_id}",
        f"password {PASSWORD}",
        "bind transceiver",
        "dst_ton 1",
        "dst_npi 1",
        f"elink_interval {ENQUIRE_LINK}",
    ]
    if found.throughput is not None:
        lines.append(f"submit_throughput {found.throughput}")
    lines += ["ok", f"smppccm -1 {cid}"]
    return "\n".join(lines) + "\n"


def smpplib(found: Target) -> str:
    tls = [
        "class HostContext:",
        '    """TLS 1.3, the server\'s name checked: smpplib wraps the socket without the name,',
        '    which Python\'s default context needs."""',
        "",
        "    def __init__(self):",
        "        self.context = ssl.create_default_context()",
        "        self.context.minimum_version = ssl.TLSVersion.TLSv1_3",
        "",
        "    def wrap_socket(self, sock):",
        "        return self.context.wrap_socket(sock, server_hostname=HOST)",
        "",
        "",
        "client = smpplib.client.Client(",
        "    HOST, PORT, ssl_context=HostContext(), allow_unknown_opt_params=True",
        ")",
    ]
    plain = ["client = smpplib.client.Client(HOST, PORT, allow_unknown_opt_params=True)"]
    # The values are checked plain names (`target`): quoted as they are.
    lines = [
        f'"""Bind to OVHcloud\'s SMSC as {found.system_id}, send one SMS (pip install smpplib)."""',
        "",
        *(["import ssl", ""] if found.tls else []),
        "import smpplib.client",
        "import smpplib.consts",
        "import smpplib.gsm",
        "",
        f'HOST, PORT = "{found.host}", {found.port}',
        f'SYSTEM_ID, PASSWORD = "{found.system_id}", "{PASSWORD}"',
        'SENDER, TO = "YOUR-SENDER", "33600000000"  # TO: international, without +',
        "",
        *(["", *tls] if found.tls else plain),
        "client.connect()",
        "client.bind_transceiver(system_id=SYSTEM_ID, password=PASSWORD)",
        "sent = []",
        "client.set_message_sent_handler(lambda pdu: sent.append(pdu.message_id))",
        'parts, coding, esm_class = smpplib.gsm.make_parts("Hello from smpplib")',
        "for part in parts:",
        "    client.send_message(",
        "        source_addr_ton=smpplib.consts.SMPP_TON_ALNUM,  # a number: SMPP_TON_INTL",
        "        source_addr=SENDER,",
        "        dest_addr_ton=smpplib.consts.SMPP_TON_INTL,",
        "        dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN,",
        "        destination_addr=TO,",
        "        short_message=part,",
        "        data_coding=coding,",
        "        esm_class=esm_class,",
        "        registered_delivery=True,",
        "    )",
        "while len(sent) < len(parts):",
        "    client.read_once()  # a refusal raises smpplib.exceptions.PDUError",
        'print("sent, message id:", *sent)',
        "client.unbind()",
        "client.disconnect()",
    ]
    return "\n".join(lines) + "\n"
