"""`kiosk card read`: a PC/SC card (social security card, e-passport)."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from kiosk.cli.common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Subcommands,
    config_from,
    err,
    print_record,
)


def cmd_card_read(args: argparse.Namespace) -> int:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.smartcard.card_reading import read_card
    from kiosk.devices.smartcard.cli_output import card_to_json
    from kiosk.devices.smartcard.icao.mrz import BacKey, MrzError
    from kiosk.devices.smartcard.icao.sod import load_trust_store
    from kiosk.devices.smartcard.pcsc_reader import list_readers
    from kiosk.domain.clock import KioskClock

    key = None
    if args.mrz:
        try:
            key = BacKey.parse(args.mrz)
        except MrzError as exc:
            err(f"--mrz: {exc}")
            return EXIT_USAGE
    trust = None
    if args.trust_dir is not None:
        try:
            trust = load_trust_store(args.trust_dir)
        except (OSError, ValueError) as exc:
            err(f"--trust-dir: {exc}")
            return EXIT_USAGE
    try:
        reader = args.reader
        clock = KioskClock()  # Beijing's day, unless the configuration names another zone
        if reader is None:
            config = config_from(args)
            clock = KioskClock(config.time_zone)
            prefix = config.devices.smartcard.reader if config.devices.smartcard else ""
            reader = next((r for r in list_readers() if r.startswith(prefix)), None)
            if reader is None:
                err("no PC/SC reader found")
                return EXIT_UNAVAILABLE
        result = asyncio.run(read_card(reader, key, trust,
                                        today=clock.today()))
    except DeviceError as exc:
        err(f"{exc.code}: {exc}")
        return EXIT_UNAVAILABLE if exc.code == "device_unavailable" else EXIT_NO
    print_record(card_to_json(result, reveal=args.reveal), args.json)
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    card = sub.add_parser("card", help="PC/SC cards: social security card, e-passport")
    csub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    cread = csub.add_parser("read", parents=[common], help="read the card in a PC/SC reader")
    cread.add_argument("--reader", metavar="NAME")
    cread.add_argument("--mrz", metavar="DOCNO:YYMMDD:YYMMDD",
                       help="e-passport: document number, birth date, expiry date")
    cread.add_argument("--json", action="store_true")
    cread.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    cread.add_argument("--trust-dir", type=Path, metavar="DIR",
                       help="country signing CA certificates to check the passport's signer")
    cread.set_defaults(func=cmd_card_read)

