"""`kiosk admin ...`: maintenance staff's actions over SSH."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.common import EXIT_OK, EXIT_USAGE, Subcommands, config_from, err


def _read_pin(prompt: str) -> str:
    import getpass

    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_admin_set_pin(args: argparse.Namespace) -> int:
    from kiosk.admin.audit import AuditLog
    from kiosk.admin.pin import PinError, PinStore
    from kiosk.events import EventId

    config = config_from(args)
    pin = _read_pin(f"New PIN for {args.staff} (6-12 digits): ")
    again = _read_pin("The same PIN again: ")
    if pin != again:
        err("the two PINs differ; nothing changed")
        return EXIT_USAGE
    admin_dir = config.data_dir / "admin"
    try:
        PinStore(admin_dir / "pins.json").set_pin(args.staff, pin)
    except PinError as exc:
        err(f"PIN not set: {exc.detail}")
        return EXIT_USAGE
    AuditLog(admin_dir / "audit.jsonl").record(EventId.ADMIN_PIN_SET, args.staff, "set-pin",
                                               via="ssh")
    print(f"PIN set for {args.staff}", file=sys.stderr)
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser("admin", help="maintenance staff")
    asub = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    setpin = asub.add_parser("set-pin", parents=[common],
                             help="set a staff member's PIN for the hidden admin menu "
                                  "(read twice from the terminal or standard input)")
    setpin.add_argument("--staff", default="admin", help="staff id (default: admin)")
    setpin.set_defaults(func=cmd_admin_set_pin)

