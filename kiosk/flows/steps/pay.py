"""缴费: an item that costs money, or is a payment, is paid here — after the decision, before
the application goes in (kiosk/flows/payment_visit.py has how)."""

from __future__ import annotations

from kiosk.flows import payment_visit
from kiosk.flows.context import VisitContext


def applies(ctx: VisitContext) -> bool:
    return payment_visit.paid_item(ctx) is not None


async def run(ctx: VisitContext) -> None:
    await payment_visit.run(ctx)
