"""`kiosk devices`: each configured device, probed once."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

from kiosk.cli.common import EXIT_OK, Subcommands, config_from
from kiosk.config import KioskSettings


def cmd_devices(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging

    config = config_from(args)
    configure_logging("WARNING")
    rows = asyncio.run(_probe_devices(config))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            state = r["state"] + (f" ({r['code']})" if r["code"] else "")
            print(f"{r['name']:<18} {r['adapter']:<15} {state}")
            if r.get("reason"):
                print(f"{'':<18} {r['reason']}")
    return EXIT_OK


async def _probe_devices(config: KioskSettings) -> list[dict[str, Any]]:
    from kiosk.app import KioskCore
    from kiosk.devices.monitor import probe_now

    core = KioskCore(config)
    await core.start(monitor=False)
    try:
        results = await asyncio.gather(*(probe_now(d) for d in core.devices))
    finally:
        await core.stop()
    rows = []
    for device, (status, reason) in zip(core.devices, results, strict=True):
        row: dict[str, Any] = {
            "name": device.name,
            "kind": device.kind.value,
            "adapter": device.adapter,
            "simulated": device.simulated,
            "connected": status.connected,
            "state": status.state.value,
            "code": status.code,
            "detail": dict(status.detail),
        }
        if reason:
            row["reason"] = reason
        rows.append(row)
    return rows


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    dev = sub.add_parser("devices", parents=[common], help="each device: kind, adapter, "
                         "connected, status")
    dev.add_argument("--json", action="store_true", help="a JSON list on stdout")
    dev.set_defaults(func=cmd_devices)

