"""`kiosk verify`: a printed certificate's signature, checked offline."""

from __future__ import annotations

import argparse
import json
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


def cmd_verify(args: argparse.Namespace) -> int:
    from kiosk.credentials import credentials_for
    from kiosk.documents.issuer import keys_for, verify_certificate_pdf_with
    from kiosk.documents.keys import TrustedIssuers
    from kiosk.documents.qr_payload import verify_payload
    from kiosk.domain.errors import KioskError

    if args.trusted is not None:
        # only what the folder holds is trusted (e.g. a scenario run's out/trusted)
        try:
            trusted = TrustedIssuers.load(args.trusted)
        except (OSError, ValueError) as exc:
            err(str(exc))
            return EXIT_USAGE
    else:  # this kiosk's own keys, and the keys and certificates in its keys/trusted folder
        config = config_from(args)
        try:
            keys = keys_for(config.data_dir, config.kiosk_id,
                            credentials_for(config).secret("documents.key"))
        except KioskError as exc:
            err(str(exc))
            return EXIT_UNAVAILABLE
        trusted = TrustedIssuers(keys.trusted_qr_keys(), keys.trusted_pdf_certs())
    if args.qr is not None:
        verdict = verify_payload(args.qr, trusted.qr_keys)
        valid, reason, claim = verdict.valid, verdict.reason, verdict.claim
    else:
        try:
            pdf = Path(args.file).read_bytes()
        except OSError as exc:
            err(f"{args.file}: {exc.strerror}")
            return EXIT_USAGE
        pdf_verdict = verify_certificate_pdf_with(pdf, trusted)
        valid, reason = pdf_verdict.valid, pdf_verdict.reason
        claim = pdf_verdict.qr.claim if pdf_verdict.qr else None
    out: dict[str, Any] = {"result": "VALID" if valid else "INVALID", "reason": reason}
    if claim is not None:
        out.update(document_number=claim.document_number, service_code=claim.service_code,
                   holder=claim.holder_masked, issue_date=claim.issue_date.isoformat(),
                   key_id=claim.key_id)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{out['result']}: {reason}")
        if claim is not None:
            print(f"  {claim.document_number}  {claim.service_code}  {claim.holder_masked}  "
                  f"{claim.issue_date.isoformat()}  key {claim.key_id}")
    return EXIT_OK if valid else EXIT_NO


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    ver = sub.add_parser("verify", parents=[common],
                         help="check a printed certificate's signature offline: VALID or "
                              "INVALID with the reason")
    vsrc = ver.add_mutually_exclusive_group(required=True)
    vsrc.add_argument("file", nargs="?", type=Path, metavar="FILE.pdf")
    vsrc.add_argument("--qr", metavar="TEXT", help="the text of the certificate's QR code")
    ver.add_argument("--trusted", type=Path, metavar="DIR",
                     help="trust only the keys in DIR (*.pub, *.crt; a scenario run writes "
                          "them to OUT/trusted) instead of this kiosk's own")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(func=cmd_verify)

