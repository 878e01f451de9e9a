"""`kiosk doctor`: one report for a technician over SSH."""

from __future__ import annotations

import argparse
import asyncio
import json

from kiosk.cli.common import EXIT_OK, EXIT_UNAVAILABLE, Subcommands, config_source, err


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.appliance.doctor import run_doctor
    from kiosk.logging import configure_logging

    configure_logging("ERROR")
    path, overrides = config_source(args)  # doctor loads it itself, to report a bad one
    checks = asyncio.run(run_doctor(path, overrides))
    if args.json:
        print(json.dumps([c.as_json() for c in checks], ensure_ascii=False, indent=2))
    else:
        for c in checks:
            print(f"{c.verdict:<5} {c.name:<28} {c.detail}")
    failed = [c for c in checks if c.verdict == "FAIL"]
    if failed:
        err(f"{len(failed)} check(s) failed: {', '.join(c.name for c in failed)}")
        return EXIT_UNAVAILABLE
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    doctor = sub.add_parser("doctor", parents=[common],
                            help="one report: config, devices, backend, disk, clock, certificates")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)

