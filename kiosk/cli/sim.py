"""`kiosk sim ...`: one simulator, standalone."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from kiosk.cli.common import EXIT_OK, EXIT_UNAVAILABLE, Subcommands, err


def cmd_sim_receipt(args: argparse.Namespace) -> int:
    from kiosk.devices.printers.sim import ReceiptPrinterSimulator
    from kiosk.logging import configure_logging

    configure_logging("INFO")

    async def serve() -> None:
        sim = ReceiptPrinterSimulator(args.host, args.port)
        try:
            await sim.start()
        except OSError as exc:
            raise SystemExit(
                f"kiosk: cannot listen on {args.host}:{args.port}: {exc.strerror}"
            ) from None
        print(json.dumps({"host": sim.host, "port": sim.port}), flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await sim.stop()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


def cmd_sim_idcard(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging
    from kiosk.sim.idcard_process import serve

    configure_logging("WARNING")
    try:
        return serve(args.baud, not args.no_pace, args.card)
    except KeyboardInterrupt:
        return 130


def cmd_sim_smartcard(args: argparse.Namespace) -> int:
    from kiosk.devices.smartcard.sim.vpcd_link import VPCD_PORTS
    from kiosk.sim.smartcard_process import serve

    port = VPCD_PORTS[args.reader]
    try:
        return serve(args.reader, port, args.insert)
    except KeyboardInterrupt:
        return 130


def cmd_sim_backend(args: argparse.Namespace) -> int:
    import signal
    import threading

    from kiosk.config import simulated_data_dir
    from kiosk.sim.backend import BackendServer

    try:
        server = BackendServer(args.host, args.port, args.db)
    except OSError as exc:
        err(f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
        return EXIT_UNAVAILABLE
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        server.start()
        # a kiosk pointed at this backend needs its authority and a certificate of its own
        tls_dir = args.tls_dir or simulated_data_dir() / "sim-tls"
        files = server.kiosk_files(tls_dir, args.kiosk_id)
        print(json.dumps({"url": server.url, "ca_bundle": str(files.ca),
                          "kiosk_id": args.kiosk_id, "client_cert": str(files.cert),
                          "client_key": str(files.key)}), flush=True)
        stop.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        server.stop()
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    sim = sub.add_parser("sim", help="start one simulator standalone")
    simsub = sim.add_subparsers(dest="sim_command", metavar="SIMULATOR", required=True)
    srp = simsub.add_parser("receipt-printer", help="an ESC/POS receipt printer on TCP; prints "
                            "its address as JSON")
    srp.add_argument("--host", default="127.0.0.1")
    srp.add_argument("--port", type=int, default=9100)
    srp.set_defaults(func=cmd_sim_receipt)
    sid = simsub.add_parser("idcard", help="the ID card reader simulator on a pty; prints its "
                            "path as JSON, takes JSON control lines on stdin")
    sid.add_argument("--baud", type=int, default=115200, choices=[9600, 19200, 38400, 57600,
                                                                    115200])
    sid.add_argument("--card", metavar="ID", help="lay this sample card on the reader at start")
    sid.add_argument("--no-pace", action="store_true", help="answer at once, not at the baud "
                     "rate's speed")
    sid.set_defaults(func=cmd_sim_idcard)
    ssc = simsub.add_parser("smartcard", help="virtual cards on vpcd (needs pcscd with "
                            "vsmartcard-vpcd); prints the reader as JSON, takes JSON control "
                            "lines on stdin")
    ssc.add_argument("--reader", default="Virtual PCD 00 00",
                     choices=["Virtual PCD 00 00", "Virtual PCD 00 01"])
    ssc.add_argument("--insert", metavar="CARD", choices=["passport", "passport-expired", "ssc",
                                                          "ssc-needs-psam", "ssc-rare-name"],
                     help="insert this card at start")
    ssc.set_defaults(func=cmd_sim_smartcard)
    sbe = simsub.add_parser("backend", help="the simulated government backend (HTTPS with "
                            "mutual TLS, docs/api/gateway.yaml); prints its URL and a kiosk's "
                            "TLS files as JSON")
    sbe.add_argument("--host", default="127.0.0.1")
    sbe.add_argument("--port", type=int, default=8780)
    sbe.add_argument("--db", type=Path, metavar="FILE", help="SQLite file (default: memory)")
    sbe.add_argument("--tls-dir", type=Path, metavar="DIR", help="where to write the "
                     "simulated hall's authority and the kiosk's certificate and key "
                     "(default: the simulated kiosk's data folder, sim-tls/)")
    sbe.add_argument("--kiosk-id", default="SIM-0001", help="whose client certificate to "
                     "write (default: SIM-0001, the simulated configuration's kiosk)")
    sbe.set_defaults(func=cmd_sim_backend)

