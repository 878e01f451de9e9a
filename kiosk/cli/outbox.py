"""`kiosk outbox status`: applications waiting to reach the backend."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli.common import EXIT_OK, EXIT_UNAVAILABLE, Subcommands, config_from, err


def cmd_outbox_status(args: argparse.Namespace) -> int:
    from kiosk.credentials import credentials_for
    from kiosk.services.outbox import Outbox, OutboxKeyError
    from kiosk.services.outbox_file import MARKER_NAME, clear_alarm, inspect_outbox

    config = config_from(args)
    path = config.data_dir / "outbox.sqlite3"
    status: dict[str, Any]
    if args.clear_alarm:
        if inspect_outbox(config.data_dir) is not None and not clear_alarm(config.data_dir):
            err("the outbox is damaged now; it is repaired when the kiosk (or this command "
                 "without --clear-alarm) opens it")
            return EXIT_UNAVAILABLE
        print("outbox alarm cleared", file=sys.stderr)
    if not path.exists() and not (config.data_dir / MARKER_NAME).exists():
        status = {"pending": 0, "sent": 0, "dead": 0, "oldest_pending_age_s": None,
                  "dead_letters": [], "alarm": None}
    else:
        try:
            outbox = Outbox.open(config.data_dir, credentials_for(config))
        except OutboxKeyError as exc:
            err(str(exc))
            return EXIT_UNAVAILABLE
        try:
            if args.retry_now:
                print(f"made {outbox.retry_now()} item(s) due again", file=sys.stderr)
            status = outbox.status().as_json()
        finally:
            outbox.close()
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        if status["alarm"]:
            print(status["alarm"])
        age = status["oldest_pending_age_s"]
        print(f"pending {status['pending']}, sent {status['sent']}, dead {status['dead']}"
              + (f", oldest pending {age:.0f} s" if age is not None else ""))
        for d in status["dead_letters"]:
            print(f"  dead {d['id'][:12]} {d['kind']} {d['service']} after {d['attempts']} "
                  f"attempts, {d['age_s']:.0f} s old: {d['error']}")
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    outbox = sub.add_parser("outbox", help="applications waiting to reach the backend")
    osub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    ost = osub.add_parser("status", parents=[common], help="counts and ages (no personal data)")
    ost.add_argument("--json", action="store_true")
    ost.add_argument("--retry-now", action="store_true", help="make dead letters due again")
    ost.add_argument("--clear-alarm", action="store_true",
                     help="staff: acknowledge a damaged-outbox alarm (the files stay aside)")
    ost.set_defaults(func=cmd_outbox_status)

