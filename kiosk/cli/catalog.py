"""`kiosk catalog publish` (the province's side) and `kiosk catalog update` (a kiosk's side):
the signed catalog (docs/catalog-updates.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.cli.common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Subcommands,
    config_from,
    err,
)
from kiosk.domain.clock import KioskClock, printed_time


def _shown(when: datetime, clock: KioskClock) -> str:
    """An instant as staff read it: in the kiosk's zone (Beijing time by default)."""
    return printed_time(when.astimezone(clock.zone))


def cmd_publish(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging
    from kiosk.signed_catalog.publisher import PublishRefused, publish

    configure_logging("WARNING")
    try:
        done = publish(args.src, args.repo, args.keys, rotate=tuple(args.rotate))
    except PublishRefused as exc:
        err(f"not published: {exc.detail}")
        return EXIT_USAGE
    clock = KioskClock()
    if args.json:
        out: dict[str, Any] = {
            "version": done.version, "changed": done.changed, "files": done.files,
            "root_version": done.root_version, "signed": done.signed,
            "keys_created": done.keys_created, "rotated": done.rotated,
            "warnings": done.warnings,
            "expires": {role: when.astimezone(clock.zone).isoformat()
                        for role, when in done.expires.items()}}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    if done.keys_created:
        print(f"made {len(done.keys_created)} keys in {args.keys}: move the root and targets "
              "keys offline (docs/catalog-updates.md)", file=sys.stderr)
        print(f"kiosks are provisioned with {args.repo / 'metadata' / '1.root.json'}",
              file=sys.stderr)
    for name in done.rotated:
        print(f"{name}: replaced by a new key (the old one is in {args.keys / 'retired'}); "
              f"root version {done.root_version} names it", file=sys.stderr)
    what = "published" if done.changed else "unchanged, signatures renewed"
    print(f"catalog version {done.version} ({done.files} files): {what}; signed "
          f"{', '.join(done.signed)}; timestamp valid until "
          f"{_shown(done.expires['timestamp'], clock)}", file=sys.stderr)
    for warning in done.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_update(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging
    from kiosk.signed_catalog.catalog_check import CatalogCheck, CheckSettings
    from kiosk.signed_catalog.kept_catalogs import CatalogBusy, KeptCatalogs
    from kiosk.signed_catalog.trust import TrustConflict, TrustNotProvisioned

    config = config_from(args)
    configure_logging("WARNING")
    repository = args.repo or config.catalog.repository
    if not repository:
        err("no catalog repository: set catalog.repository in the configuration or give "
            "--repo URL")
        return EXIT_USAGE
    c = config.catalog
    check = CatalogCheck(KeptCatalogs(config.data_dir), CheckSettings(
        repository, configured_root=c.root, given_root=args.root,
        deadline_s=c.check_timeout_s, socket_timeout_s=c.socket_timeout_s,
        simulated=config.simulate))
    from kiosk.admin.audit import AuditLog
    from kiosk.events import EventId

    staff = os.environ.get("SUDO_USER") or os.environ.get("USER") or "ssh"
    try:
        outcome = check.run().outcome
        AuditLog(config.data_dir / "admin" / "audit.jsonl").record(
            EventId.CATALOG_CHECK_REQUESTED, staff, "catalog-update", via="ssh",
            result=outcome.result, before=outcome.before, after=outcome.after)
    except (TrustNotProvisioned, TrustConflict) as exc:
        err(exc.detail)
        return EXIT_USAGE
    except CatalogBusy as exc:
        err(exc.detail)
        return EXIT_UNAVAILABLE
    clock = KioskClock(config.time_zone)
    if args.json:
        out = outcome.as_json()
        out["checked_at"] = outcome.checked_at.astimezone(clock.zone).isoformat()
        print(json.dumps(out, ensure_ascii=False, indent=2))
    line = f"catalog version {outcome.before}"
    if outcome.result == "applied":
        line += (f" → {outcome.after}: applied ({outcome.files_downloaded} file(s) "
                 f"downloaded, {outcome.downloaded_bytes} bytes); the kiosk takes it up "
                 "between visits")
    elif outcome.result == "current":
        line += f": current ({outcome.downloaded_bytes} bytes checked)"
    else:
        line += f": {outcome.result}: {outcome.reason}"
    print(line, file=sys.stderr)
    return {"applied": EXIT_OK, "current": EXIT_OK, "refused": EXIT_NO}.get(
        outcome.result, EXIT_UNAVAILABLE)


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    catalog = sub.add_parser("catalog", help="the province's signed catalog: publish, update")
    csub = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    pub = csub.add_parser(
        "publish", help="validate a catalog folder and sign it into a TUF repository "
        "(run again, e.g. hourly from cron, to keep the timestamp fresh)")
    pub.add_argument("src", type=Path, metavar="SRC", help="the catalog folder (YAML files)")
    pub.add_argument("--repo", type=Path, metavar="DIR", required=True,
                     help="the repository folder a static web server serves")
    pub.add_argument("--keys", type=Path, metavar="KEYDIR", required=True,
                     help="the signing keys (made on first use when empty)")
    pub.add_argument("--rotate", action="append", default=[], metavar="ROLE-N",
                     help="replace this key (e.g. targets-2) by a new one: a new root version "
                     "names it, signed by the root keys here (repeatable)")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(func=cmd_publish)
    upd = csub.add_parser(
        "update", parents=[common],
        help="check the province's repository now: exit 0 current or applied, 1 refused "
        "(with the reason), 4 unreachable")
    upd.add_argument("--repo", metavar="URL",
                     help="the repository (default: catalog.repository in the configuration)")
    upd.add_argument("--root", type=Path, metavar="FILE",
                     help="the root metadata to trust on first use (the province's "
                     "1.root.json), as provisioning does")
    upd.add_argument("--json", action="store_true")
    upd.set_defaults(func=cmd_update)
