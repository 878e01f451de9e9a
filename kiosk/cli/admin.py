"""`kiosk admin ...`: maintenance staff's actions over SSH."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Subcommands,
    config_from,
    err,
)

if TYPE_CHECKING:
    from kiosk.admin.actions import ActionResult, MaintenanceActions


def _read_pin(prompt: str) -> str:
    import getpass

    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_admin_set_pin(args: argparse.Namespace) -> int:
    from kiosk.admin.audit import AuditLog
    from kiosk.admin.pin import PinError, PinStore
    from kiosk.credentials import CredentialError, credentials_for
    from kiosk.events import EventId

    config = config_from(args)
    try:
        pin_key = credentials_for(config).secret("pin.key")
    except CredentialError as exc:
        err(f"PIN not set: {exc.detail}")
        return EXIT_UNAVAILABLE
    pin = _read_pin(f"New PIN for {args.staff} (6-12 digits): ")
    again = _read_pin("The same PIN again: ")
    if pin != again:
        err("the two PINs differ; nothing changed")
        return EXIT_USAGE
    admin_dir = config.data_dir / "admin"
    try:
        kept_aside = PinStore(admin_dir / "pins.json", key=pin_key).set_pin(args.staff, pin)
    except PinError as exc:
        err(f"PIN not set: {exc.detail}")
        return EXIT_USAGE
    AuditLog(admin_dir / "audit.jsonl").record(EventId.ADMIN_PIN_SET, args.staff, "set-pin",
                                               via="ssh")
    if kept_aside is not None:
        err(f"the earlier PIN store could not be used (damaged, or sealed with another "
            f"pin.key); it is kept as {kept_aside}: set the other staff's PINs again")
    print(f"PIN set for {args.staff}", file=sys.stderr)
    return EXIT_OK


def _staff_default() -> str:
    return os.environ.get("SUDO_USER") or os.environ.get("USER") or "ssh"


def journal_lines(limit: int = 2000) -> list[str]:
    """The kiosk service's last log lines from the journal (already redacted JSON), or none
    when there is no journal here."""
    try:
        done = subprocess.run(["journalctl", "-u", "kiosk.service", "-o", "cat", "-n",
                               str(limit), "--no-pager"], capture_output=True, text=True,
                              timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return done.stdout.splitlines() if done.returncode == 0 else []


def _run_action(args: argparse.Namespace,
                act: Callable[[MaintenanceActions], Awaitable[ActionResult]], *,
                outbox: bool = False) -> int:
    """Start this kiosk's devices (not its monitor, metrics or UI), and with `outbox` its
    outbox and uploader; run one action; stop them."""
    from kiosk.admin.actions import DeviceNotConfigured, MaintenanceActions
    from kiosk.app import KioskCore
    from kiosk.devices.errors import DeviceError

    config = config_from(args)

    async def run() -> ActionResult:
        core = KioskCore(config)
        await core.start(monitor=False)
        try:
            for name, reason in (await core.open_devices()).items():
                err(f"{name} not opened: {reason}")
            if outbox:
                core.start_uploader()
            return await act(MaintenanceActions(core.services(journal_lines)))
        finally:
            await core.stop()

    try:
        result = asyncio.run(run())
    except (DeviceError, DeviceNotConfigured) as exc:
        err(f"{getattr(exc, 'code', 'not_configured')}: {exc}")
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps({"ok": result.ok, "words": result.words}, ensure_ascii=False))
    else:
        print(result.words)
    return EXIT_OK if result.ok else EXIT_NO


def cmd_admin_test_print(args: argparse.Namespace) -> int:
    if args.printer == "receipt":
        return _run_action(args, lambda a: a.print_test_ticket(args.staff, via="ssh"))
    return _run_action(args, lambda a: a.print_test_page(args.staff, via="ssh"))


def cmd_admin_reprint(args: argparse.Namespace) -> int:
    return _run_action(args, lambda a: a.reprint(args.staff, args.case_number, via="ssh"))


def cmd_admin_export(args: argparse.Namespace) -> int:
    if not args.directory.is_dir():
        err(f"{args.directory}: not a folder")
        return EXIT_USAGE
    return _run_action(args, lambda a: a.export(args.staff, into=args.directory, via="ssh"))


def cmd_admin_outbox_retry(args: argparse.Namespace) -> int:
    return _run_action(args, lambda a: a.retry_outbox(args.staff, via="ssh"), outbox=True)


def cmd_admin_rotate_key(args: argparse.Namespace) -> int:
    """One of the kiosk's secrets replaced (kiosk/admin/key_rotation.py), audited."""
    from kiosk.admin.audit import AuditLog
    from kiosk.admin.key_rotation import RotationRefused, rotate_key
    from kiosk.credentials import credentials_for
    from kiosk.domain.errors import KioskError
    from kiosk.events import EventId

    config = config_from(args)
    AuditLog(config.data_dir / "admin" / "audit.jsonl").record(
        EventId.ADMIN_KEY_ROTATED, args.staff, "rotate-key", via="ssh", key=args.name)
    try:
        words = rotate_key(config, credentials_for(config), args.name)
    except RotationRefused as exc:
        err(f"not rotated: {exc.detail}")
        return EXIT_NO
    except KioskError as exc:
        err(f"not rotated: {exc.detail or exc}")
        return EXIT_UNAVAILABLE
    print(json.dumps({"ok": True, "words": words}, ensure_ascii=False) if args.json else words)
    return EXIT_OK


def cmd_admin_machine(args: argparse.Namespace) -> int:
    """`reboot` and `stop`: the running kiosk is left alone (none of its devices is opened
    here); the action is audited, then systemd is asked."""
    from kiosk.admin.actions import KioskServices, MaintenanceActions

    actions = MaintenanceActions(KioskServices.without_devices(config_from(args)))
    act = actions.reboot if args.admin_command == "reboot" else actions.stop_for_maintenance
    result = asyncio.run(act(args.staff, via="ssh"))
    if args.json:
        print(json.dumps({"ok": result.ok, "words": result.words}, ensure_ascii=False))
    else:
        print(result.words)
    return EXIT_OK if result.ok else EXIT_UNAVAILABLE


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser("admin", help="maintenance staff")
    asub = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    setpin = asub.add_parser("set-pin", parents=[common],
                             help="set a staff member's PIN for the hidden admin menu "
                                  "(read twice from the terminal or standard input)")
    setpin.add_argument("--staff", default="admin", help="staff id (default: admin)")
    setpin.set_defaults(func=cmd_admin_set_pin)

    staff = argparse.ArgumentParser(add_help=False)
    staff.add_argument("--staff", default=_staff_default(),
                       help="staff id for the audit log (default: the login name)")
    staff.add_argument("--json", action="store_true", help='{"ok": ..., "words": ...}')
    tp = asub.add_parser("test-print", parents=[common, staff],
                         help="print a test ticket (receipt) or an invalid test page (page)")
    tp.add_argument("printer", choices=["receipt", "page"])
    tp.set_defaults(func=cmd_admin_test_print)
    rp = asub.add_parser("reprint", parents=[common, staff],
                         help="print a case's kept certificate and receipt again (kept 24 h)")
    rp.add_argument("case_number", metavar="CASE")
    rp.set_defaults(func=cmd_admin_reprint)
    ex = asub.add_parser("export", parents=[common, staff],
                         help="write the redacted log, the audit trail and the readiness "
                              "report into a new folder in DIR")
    ex.add_argument("directory", type=Path, metavar="DIR")
    ex.set_defaults(func=cmd_admin_export)
    orr = asub.add_parser("outbox-retry", parents=[common, staff],
                          help="make dead letters due again and send what is due now")
    orr.set_defaults(func=cmd_admin_outbox_retry)
    rk = asub.add_parser("rotate-key", parents=[common, staff],
                         help="replace one of the kiosk's sealed keys (the kiosk stopped): "
                              "outbox.key, documents.key, reprint.key or pin.key")
    rk.add_argument("name", choices=["outbox.key", "documents.key", "reprint.key", "pin.key"])
    rk.set_defaults(func=cmd_admin_rotate_key)
    rb = asub.add_parser("reboot", parents=[common, staff],
                         help="reboot the machine (audited; the kiosk starts again with it)")
    rb.set_defaults(func=cmd_admin_machine)
    st = asub.add_parser("stop", parents=[common, staff],
                         help="stop the kiosk for maintenance (audited; it stays stopped until "
                              "`systemctl start kiosk` or a reboot)")
    st.set_defaults(func=cmd_admin_machine)
