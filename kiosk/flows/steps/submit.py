"""The application goes into the encrypted outbox first (durable), then to the backend; the
citizen waits a few seconds for the case numbers, after which the upload goes on by itself.
A paid item's application is in the outbox already (stored with its order, released when the
order was paid): the step waits for it the same way (kiosk/flows/payment_visit.py)."""

from __future__ import annotations

from kiosk.flows.application import application_body
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import Outcome
from kiosk.flows.payment_visit import record_paid_service


async def run(ctx: VisitContext) -> None:
    p = ctx.ports
    ctx.ui.progress("正在提交")
    if ctx.payment is not None:
        await record_paid_service(ctx)
        return
    entry = p.outbox.put("application", application_body(ctx), service=ctx.item.id)
    cases = await ctx.waiting_on("backend", p.uploader.deliver_within(entry, p.submit_wait_s))
    ctx.result.uploading = not cases  # kept in the outbox; it goes out by itself later
    # the outbox reference until the backend answers: the certificate and QR alphabet
    ctx.result.case_numbers = cases or [f"PENDING-{entry[:10].upper()}"]
    ctx.result.outcome = Outcome.APPROVED if ctx.instant else Outcome.SUBMITTED
