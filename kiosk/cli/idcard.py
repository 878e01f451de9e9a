"""`kiosk idcard decode|read`: the resident ID card reader's SAM protocol."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from kiosk.cli.common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    InputError,
    Subcommands,
    config_from,
    err,
    print_record,
    read_input_bytes,
)


def cmd_idcard_decode(args: argparse.Namespace) -> int:
    from kiosk.devices.idcard.byte_decode import CapturedBytesError, decode_captured
    from kiosk.devices.idcard.cli_output import record_to_json

    try:
        data = read_input_bytes(args)
    except InputError as exc:
        err(str(exc))
        return EXIT_USAGE
    try:
        decoded = decode_captured(data)
    except CapturedBytesError as exc:
        err(str(exc))
        return EXIT_NO
    out = record_to_json(decoded.record, reveal=args.reveal)
    out["photo"] = {"present": True, "format": "wlt", "bytes": decoded.photo_bytes} \
        if decoded.photo_bytes else {"present": False}
    print_record(out, args.json)
    return EXIT_OK


def cmd_idcard_read(args: argparse.Namespace) -> int:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.idcard.cli_output import record_to_json
    from kiosk.devices.idcard.reader import SamReader
    from kiosk.logging import configure_logging

    configure_logging("WARNING")
    port = args.port
    if port is None:
        config = config_from(args)
        if config.devices.idcard is None:
            err("no --port given and no ID card reader configured")
            return EXIT_USAGE
        port = config.devices.idcard.port

    async def read() -> int:
        reader = SamReader("idcard", port, args.baud, adapter="sam-serial")
        try:
            await reader.open()
            status = await reader.probe()
            result = await reader.read_card()
        except DeviceError as exc:
            err(f"{exc.code}: {exc}")
            return EXIT_UNAVAILABLE if exc.code == "device_unavailable" else EXIT_NO
        finally:
            await reader.close()
        if result is None:
            err("no card on the reader")
            return EXIT_NO
        out = record_to_json(result.record, reveal=args.reveal)
        out["photo"] = {"present": bool(result.wlt), "format": "wlt", "bytes": len(result.wlt)}
        out["reader"] = {"port": port, "baud": args.baud, "sam_id": status.detail.get("sam_id"),
                         "read_ms": round(result.duration_s * 1000, 1)}
        print_record(out, args.json)
        return EXIT_OK

    return asyncio.run(read())


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    idcard = sub.add_parser("idcard", help="the resident ID card reader (SAM serial protocol)")
    isub = idcard.add_subparsers(dest="idcard_command", metavar="ACTION", required=True)
    dec = isub.add_parser("decode", help="decode a SAM response frame or a 256-byte text block")
    src = dec.add_mutually_exclusive_group(required=True)
    src.add_argument("--hex", metavar="HEX", help="the bytes as hex")
    src.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a file with the bytes")
    dec.add_argument("--json", action="store_true")
    dec.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    dec.set_defaults(func=cmd_idcard_decode)
    rd = isub.add_parser("read", parents=[common], help="read a card on a real reader")
    rd.add_argument("--port", help="serial device, e.g. /dev/ttyUSB0")
    rd.add_argument("--baud", type=int, default=115200)
    rd.add_argument("--json", action="store_true")
    rd.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    rd.set_defaults(func=cmd_idcard_read)

