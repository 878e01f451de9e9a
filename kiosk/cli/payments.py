"""`kiosk payments reconcile --day YYYY-MM-DD [--json]`: the kiosk's payment orders of a day
against the payment platform's statement of that day (对账), every difference listed
(kiosk/services/reconciliation.py). Exit 0: none; 1: differences; 4: the statement could not
be had. Nothing personal is printed: order numbers, states and amounts."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import date

from kiosk.cli.common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Subcommands,
    config_from,
    err,
)
from kiosk.config import KioskSettings
from kiosk.domain.money import yuan
from kiosk.domain.reconciliation import Reconciliation
from kiosk.services.gateway_tls import GatewayEndpoint

WORDS = {"missing_from_statement": "kiosk took it, the statement does not list it",
         "not_at_kiosk": "the statement lists it, the kiosk never made it",
         "amount_differs": "the amounts differ",
         "status_differs": "paid on one side, not on the other"}


def _endpoint(config: KioskSettings) -> GatewayEndpoint:
    """The gateway and this kiosk's certificate: the configured ones; on a simulated kiosk
    without them, the simulated hall's (written to the data folder when the kiosk runs)."""
    sim = config.data_dir / "sim-tls"
    if config.simulate and config.backend_client_cert is None and \
            (sim / "kiosk-cert.pem").exists():
        return GatewayEndpoint(config.backend_url, sim / "sim-ca.pem", sim / "kiosk-cert.pem",
                               sim / "kiosk-key.pem")
    return GatewayEndpoint(config.backend_url, config.backend_ca_bundle,
                           config.backend_client_cert, config.backend_client_key)


async def _reconcile(config: KioskSettings, day: date) -> Reconciliation:
    from kiosk.credentials import credentials_for
    from kiosk.services.gateway import GatewayClient
    from kiosk.services.outbox import Outbox
    from kiosk.services.payment_orders import OrderBook
    from kiosk.services.payment_platform import PaymentPlatformClient
    from kiosk.services.reconciliation import reconcile

    e = _endpoint(config)
    gateway = GatewayClient(e.url, config.kiosk_id, timeout_s=config.backend_timeout_s,
                            ca_bundle=e.ca_bundle, client_cert=e.client_cert,
                            client_key=e.client_key)
    outbox = Outbox.open(config.data_dir, credentials_for(config))
    try:
        return await reconcile(OrderBook(outbox), PaymentPlatformClient(gateway), day)
    finally:
        outbox.close()
        await gateway.aclose()


def cmd_reconcile(args: argparse.Namespace) -> int:
    from kiosk.services.errors import GatewayError

    try:
        day = date.fromisoformat(args.day)
    except ValueError:
        err(f"--day {args.day!r}: a date, YYYY-MM-DD")
        return EXIT_USAGE
    config = config_from(args)
    try:
        result = asyncio.run(_reconcile(config, day))
    except GatewayError as exc:
        err(f"the payment platform's statement could not be had: {exc.code}: {exc}")
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        k, s = result.kiosk, result.statement
        print(f"{result.day}: kiosk {k.orders} paid, {yuan(k.paid_fen)} yuan, "
              f"{yuan(k.refunded_fen)} refunded; statement {s.orders} lines, "
              f"{yuan(s.paid_fen)} yuan, {yuan(s.refunded_fen)} refunded, fees "
              f"{yuan(result.fee_fen)}")
        print(f"{len(result.differences)} difference(s)")
        for d in result.differences:
            print(f"  {d.order_no}  {d.kind}: {WORDS[d.kind]} (kiosk: {d.kiosk_state or '-'} "
                  f"{'' if d.kiosk_fen is None else yuan(d.kiosk_fen)}; statement: "
                  f"{d.statement_status or '-'} "
                  f"{'' if d.statement_fen is None else yuan(d.statement_fen)})")
    return EXIT_NO if result.differences else EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    payments = sub.add_parser("payments", help="the kiosk's payments (缴费)")
    psub = payments.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    rec = psub.add_parser("reconcile", parents=[common],
                          help="a day's orders against the platform's statement (对账)")
    rec.add_argument("--day", required=True, metavar="YYYY-MM-DD")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(func=cmd_reconcile)
