"""`smpp-tui simulator`: run the local OVHcloud API standalone, for curl or any OVH client."""

from __future__ import annotations

import argparse
import contextlib
import shlex
import signal
import sys
from typing import TYPE_CHECKING

from smpp_tui.simulator.knobs import (
    INVALID_CREDENTIAL,
    MAIN_HISTORY,
    NOT_CREDENTIAL,
    UPDATING_FOR,
)

if TYPE_CHECKING:
    from pathlib import Path

    from smpp_tui.simulator.demo import DemoKeys
    from smpp_tui.simulator.server import Simulator
    from smpp_tui.simulator.smsc.server import Smsc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument(
        "--tls",
        action="store_true",
        help="serve the API over HTTPS, with the SMSC's CA (its file printed, to trust)",
    )
    parser.add_argument(
        "--smpp-port", type=int, default=0, metavar="N", help="the SMSC's plaintext SMPP port"
    )
    parser.add_argument(
        "--smpps-port", type=int, default=0, metavar="N", help="the SMSC's TLS SMPP port"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the demo data and faults")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="add N x 200 SMS accounts of 500 SMS each to the first customer (benchmarks)",
    )
    parser.add_argument(
        "--history",
        type=int,
        default=MAIN_HISTORY,
        metavar="N",
        help=f"SMS sent from the main demo account (default {MAIN_HISTORY}; benchmarks)",
    )
    parser.add_argument(
        "--updating-for",
        type=float,
        default=UPDATING_FOR,
        metavar="SECONDS",
        help=f"how long the demo's UPDATING_IP account takes to settle (default {UPDATING_FOR:g})",
    )
    faults = parser.add_argument_group("fault injection")
    faults.add_argument("--latency", type=float, metavar="SECONDS", help="delay every answer")
    faults.add_argument(
        "--error-rate", type=float, metavar="SHARE", help="answer 500 to this share (0..1)"
    )
    faults.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="'[METHOD] [PATH] EFFECT[=VALUE] [times=N]', EFFECT one of latency, status, rate, "
        "drop, slow, html, list; for example 'PUT /sms/*/smpp/allowedIPs status=403' (repeatable)",
    )
    faults.add_argument(
        "--pending-error",
        choices=(INVALID_CREDENTIAL, NOT_CREDENTIAL),
        default=INVALID_CREDENTIAL,
        help="what a consumer key waiting for validation gets (both happen on OVHcloud)",
    )


def run(args: argparse.Namespace) -> int:
    # Here, not at the top: `smpp-tui --help` builds this command's parser only.
    from smpp_tui.simulator.certificates import Certificates
    from smpp_tui.simulator.demo import build_demo_world, mail_first_passwords
    from smpp_tui.simulator.faults import Fault, parse_fault
    from smpp_tui.simulator.gate import GatePolicy
    from smpp_tui.simulator.server import Simulator
    from smpp_tui.simulator.smsc.server import Smsc

    try:
        faults = [parse_fault(spec) for spec in args.fault]
        if args.latency:
            faults.insert(0, Fault("latency", args.latency))
        if args.error_rate:
            faults.append(Fault("rate", args.error_rate))
    except ValueError as error:
        print(f"smpp-tui simulator: {error}", file=sys.stderr)
        return 2
    for option in ("scale", "history"):
        if getattr(args, option) < 0:
            print(f"smpp-tui simulator: --{option} is a whole number >= 0", file=sys.stderr)
            return 2
    if not args.updating_for >= 0:  # NaN too
        print("smpp-tui simulator: --updating-for is a number of seconds >= 0", file=sys.stderr)
        return 2
    world, customers = build_demo_world(
        seed=args.seed, scale=args.scale, history=args.history, updating_for=args.updating_for
    )
    mail_first_passwords(world)
    # One CA for the SMSC's TLS port and the HTTPS API: one file to trust.
    certificates = Certificates.for_host(args.host)
    smsc = Smsc(world, args.host, args.smpp_port, args.smpps_port, certificates=certificates)
    sim = Simulator(
        world,
        args.host,
        args.port,
        policy=GatePolicy(pending_error=args.pending_error),
        fault_seed=args.seed,
        tls=args.tls,
        certificates=certificates,
    )
    for fault in faults:
        sim.inject(fault)
    try:
        sim.start()
    except OSError as error:
        return _cannot_listen(f"{args.host}:{args.port}", "--port", error)
    try:
        smsc.start()
    except OSError as error:
        sim.stop()
        certificates.remove()
        ports = f"{args.host}:{args.smpp_port} and {args.smpps_port}"
        return _cannot_listen(ports, "--smpp-port and --smpps-port", error)
    print(banner(sim, smsc, customers[0].keys), flush=True)
    # Stopped by a service manager, `timeout` or a closed terminal too: its certificate's
    # folder removed.
    for stopping in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stopping, lambda *_: sys.exit(0))
    try:
        with contextlib.suppress(KeyboardInterrupt):
            sim.wait()
    finally:
        smsc.stop()
        certificates.remove()
    return 0


def _cannot_listen(where: str, options: str, error: OSError) -> int:
    print(
        f"smpp-tui simulator: cannot listen on {where} ({error.strerror});"
        f" choose others with {options}, or 0 for free ones",
        file=sys.stderr,
    )
    return 2


def banner(sim: Simulator, smsc: Smsc, keys: DemoKeys) -> str:
    curl = f"curl --cacert {shlex.quote(str(sim.certificates.ca_path))}" if sim.tls else "curl"
    return "\n".join(
        [
            f"OVHcloud API simulator listening on {sim.url}",
            f"  API endpoint        {sim.endpoint}",
            f"  application key     {keys.application_key}",
            f"  application secret  {keys.application_secret}",
            f"  consumer key        {keys.consumer_key}  (validated, GET/POST/PUT/DELETE /*)",
            "These are public demo values; they open nothing but this simulator.",
            *(_trust(sim.certificates.ca_path) if sim.tls else []),
            f"Try: {curl} {sim.endpoint}/auth/time",
            f"Simulated e-mails (SMPP passwords): {curl} {sim.url}/_sim/outbox",
            f"SMSC (SMPP 3.4) on {smsc.hostname}: plaintext port {smsc.plain_port},"
            f" TLS port {smsc.tls_port}",
            f"  its CA certificate  {smsc.ca_path}",
            "  SystemID: the account's name; allowed from 127.0.0.1 on the working accounts.",
            "Stop with Ctrl+C.",
        ]
    )


def _trust(ca: Path) -> list[str]:
    """How clients trust the HTTPS API's CA."""
    path = shlex.quote(str(ca))
    ways = {
        "REQUESTS_CA_BUNDLE": "Python requests, the ovh client",
        "SSL_CERT_FILE": "OpenSSL-based tools (curl: --cacert, as below)",
        "NODE_EXTRA_CA_CERTS": "Node",
    }
    width = max(len(variable) for variable in ways) + len(path) + 1
    return [
        "Served over HTTPS: trust the simulator's CA (the SMSC's too) with",
        *(f"  {f'{variable}={path}':{width}}  {who}" for variable, who in ways.items()),
    ]
