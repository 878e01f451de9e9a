"""The application goes into the encrypted outbox first (durable), then to the backend; the
citizen waits a few seconds for the case numbers, after which the upload goes on by itself."""

from __future__ import annotations

from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import Outcome
from kiosk.flows.schema import Bundle


async def run(ctx: VisitContext) -> None:
    p, identity = ctx.ports, ctx.identity
    ctx.ui.progress("正在提交")
    app = {"kiosk_id": p.kiosk_id, "service_code": ctx.item.id,
           "item_codes": [s.item_code for s in ctx.items],
           "applicant": {"name": identity.name, "id_number": ctx.holder,
                         "credential": identity.credential.value},
           "form": dict(ctx.session.form), "materials": ctx.materials,
           "decision": "approved" if ctx.instant else "review", "commitment": ctx.commitment}
    if ctx.pending and isinstance(ctx.item, Bundle):
        # 联办: which case stands on which: the backend links them and decides them together
        codes = {s.id: s.item_code for s in ctx.items}
        app["links"] = [{"item_code": codes[n.item], "depends_on_item_code": codes[n.from_],
                         "license_type": n.license}
                        for n in ctx.item.needs if n.license in ctx.pending]
    entry = p.outbox.put("application", app, service=ctx.item.id)
    cases = await ctx.waiting_on("backend", p.uploader.deliver_within(entry, p.submit_wait_s))
    ctx.result.uploading = not cases  # kept in the outbox; it goes out by itself later
    # the outbox reference until the backend answers: the certificate and QR alphabet
    ctx.result.case_numbers = cases or [f"PENDING-{entry[:10].upper()}"]
    ctx.result.outcome = Outcome.APPROVED if ctx.instant else Outcome.SUBMITTED
