"""On the spot: the signed A4 certificate (秒批 only) and the thermal receipt, then the citizen
is told how it went."""

from __future__ import annotations

import asyncio

from kiosk.documents.certificate import CertificateContent
from kiosk.documents.issuer import IssuedCertificate
from kiosk.documents.receipt import case_receipt, to_escpos
from kiosk.domain.masking import mask_name
from kiosk.flows.context import VisitContext
from kiosk.flows.document_printing import print_outputs


async def _certificate(ctx: VisitContext, case: str) -> IssuedCertificate | None:
    docs = [(s, d) for s in ctx.items for d in s.documents] if ctx.instant else []
    if not docs or ctx.ports.issuer is None:
        return None
    s, d = docs[0]
    ctx.ui.progress("正在打印证明")
    form = ctx.session.form
    now = ctx.ports.clock.now()
    content = CertificateContent(
        title=d.title["zh-Hans"], document_number=case, service_code=s.item_code,
        issuer=d.issuer,
        holder_fields=[(f.label["zh-Hans"], form[f.id]) for f in s.fields
                       if f.source and f.source.startswith("identity")],
        body=[para.format(**form) for para in d.body],
        purpose=form.get(d.purpose_field or "", "办理相关事项"),
        issue_date=now.date(), kiosk_id=ctx.ports.kiosk_id, printed_at=now)
    # in a worker thread: signing is CPU work, and pyHanko runs its own event loop
    issued = await asyncio.to_thread(ctx.ports.issuer.issue, content, ctx.identity.name)
    ctx.result.certificates.append(issued)
    return issued


async def run(ctx: VisitContext) -> None:
    p, result = ctx.ports, ctx.result
    case = result.case_numbers[0]
    issued = await _certificate(ctx, case)
    receipt = to_escpos(case_receipt(
        service=ctx.item.titles["zh-Hans"], case_numbers=result.case_numbers,
        when=p.clock.now(), kiosk_id=p.kiosk_id, holder_masked=mask_name(ctx.identity.name),
        outcome="已提交，将自动上传" if result.uploading else
        "已办结（秒批）" if ctx.instant else "已受理，待审核",
        next_steps=[s.receipt.next_steps["zh-Hans"] for s in ctx.items],
        progress_url=p.progress_url + case))
    printed = await ctx.waiting_on("printers", print_outputs(
        case_number=case, certificate=issued, receipt=receipt,
        document_printer=p.document_printer, receipt_printer=p.receipt_printer,
        store=p.reprints, locale=ctx.lang, deadline_s=p.print_deadline_s))
    result.printed = printed.printed
    result.print_problems = [f"{pr.document}: {pr.message.text}" for pr in printed.problems]
    ctx.ui.finished(result.outcome, result.case_numbers, result.printed, result.print_problems,
                    uploading=result.uploading)
