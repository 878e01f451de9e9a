"""On the spot: the signed A4 certificate (秒批 only) and the thermal receipt, then the citizen
is told how it went.

Before anything is drawn, every character of both documents is looked up in the font chain
(kiosk/documents/fonts.py): one that no font has would print as a blank box — in a name, a
certificate that says someone else. Then nothing is printed, staff get an error event (which
documents, how many characters, their Unicode planes; never the text), and the citizen is
sent to a counter with the case number, where the certificate is printed from the case.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime

from kiosk.documents.certificate import CertificateContent, certificate_texts
from kiosk.documents.fonts import missing_glyphs
from kiosk.documents.issuer import IssuedCertificate
from kiosk.documents.receipt import (
    PaidOnReceipt,
    ReceiptDocument,
    case_receipt,
    receipt_texts,
    to_escpos,
)
from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.clock import printed_time
from kiosk.domain.masking import mask_name
from kiosk.events import EventId
from kiosk.flows.context import VisitContext
from kiosk.flows.document_printing import print_outputs
from kiosk.flows.outcome import Outcome
from kiosk.flows.payment_visit import paid_item, paid_on_receipt, receipt_printed
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError

log = get_logger(__name__)

# how long the receipt waits for a rating code before it prints without one
RATING_CODE_WAIT_S = 3.0


def _certificate_content(ctx: VisitContext, case: str) -> CertificateContent | None:
    docs = [(s, d) for s in ctx.items for d in s.documents] if ctx.instant else []
    if not docs or ctx.ports.issuer is None:
        return None
    s, d = docs[0]
    form = ctx.session.form
    now = ctx.ports.clock.now()
    return CertificateContent(
        title=d.title["zh-Hans"], document_number=case, service_code=s.item_code,
        issuer=d.issuer,
        holder_fields=[(f.label["zh-Hans"], form[f.id]) for f in s.fields
                       if f.source and f.source.startswith("identity")],
        body=[para.format(**form) for para in d.body],
        purpose=form.get(d.purpose_field or "", "办理相关事项"),
        issue_date=now.date(), kiosk_id=ctx.ports.kiosk_id, printed_at=now)


def _outcome_words(ctx: VisitContext) -> str:
    found = paid_item(ctx)
    if found is not None and found[1].when == "is_the_service":
        return "缴费成功，正在记入，将自动上传" if ctx.result.uploading else "缴费成功"
    paid = "已缴费，" if found is not None else ""
    return paid + ("已提交，将自动上传" if ctx.result.uploading else
                   "已办结（秒批）" if ctx.instant else "已受理，待审核")


async def _rating_code(ctx: VisitContext) -> tuple[str, str]:
    """扫码评: the page a code for this visit's cases opens, and until when, as printed; ("",
    "") when the kiosk prints none (not configured, the cases not acknowledged yet, or the
    platform could not be asked: a code is never made up)."""
    p, result = ctx.ports, ctx.result
    if not p.rating_later or result.uploading or not result.case_numbers:
        return "", ""
    cases = [(n, s.item_code) for s, n in zip(ctx.items, result.case_numbers, strict=False)]
    try:
        code = await ctx.waiting_on("backend", p.gateway.rating_code(
            cases, ctx.item.titles["zh-Hans"], uuid.uuid4().hex, deadline_s=RATING_CODE_WAIT_S))
        until = datetime.fromisoformat(code.expires_at).astimezone(p.clock.zone)
    except (GatewayError, ValueError) as exc:
        log.warning("no rating code", event_id=EventId.RATING_CODE_FAILED,
                    error=getattr(exc, "code", type(exc).__name__))
        return "", ""
    result.rating_code = True
    return code.url, printed_time(until)


def _receipt(ctx: VisitContext, paid: PaidOnReceipt | None,
             rating: tuple[str, str]) -> ReceiptDocument:
    p, result = ctx.ports, ctx.result
    found = paid_item(ctx)
    # a contribution is done when recorded: its receipt's code checks the e-receipt instead
    progress = not (found is not None and found[1].when == "is_the_service")
    return case_receipt(
        service=ctx.item.titles["zh-Hans"], case_numbers=result.case_numbers,
        when=p.clock.now(), kiosk_id=p.kiosk_id, holder_masked=mask_name(ctx.identity.name),
        outcome=_outcome_words(ctx),
        next_steps=[s.receipt.next_steps["zh-Hans"] for s in ctx.items],
        progress_url=p.progress_url + result.case_numbers[0] if progress else "", paid=paid,
        offers=ctx.applied_offers, rating_url=rating[0], rating_until=rating[1])


def _ensure_printable(ctx: VisitContext, case: str, content: CertificateContent | None,
                      receipt: ReceiptDocument) -> None:
    """Refer the citizen (nothing printed) when a character has no glyph in any font."""
    missing = {"receipt": missing_glyphs("".join(receipt_texts(receipt)))}
    if content is not None:
        missing["certificate"] = missing_glyphs("".join(certificate_texts(content)))
    lacking = {doc: chars for doc, chars in missing.items() if chars}
    if not lacking:
        return
    characters = {ch for chars in lacking.values() for ch in chars}
    log.error("a document has characters no font can print",
              event_id=EventId.PRINT_GLYPH_MISSING, case=case, documents=sorted(lacking),
              characters=len(characters), planes=sorted({ord(ch) >> 16 for ch in characters}))
    raise ctx.stop(Outcome.REFERRED, visit_message("glyph_missing", ctx.lang, case=case))


async def _certificate(ctx: VisitContext,
                       content: CertificateContent | None) -> IssuedCertificate | None:
    if content is None or ctx.ports.issuer is None:
        return None
    ctx.ui.progress("正在打印证明")
    # in a worker thread: signing is CPU work, and pyHanko runs its own event loop
    issued = await asyncio.to_thread(ctx.ports.issuer.issue, content, ctx.identity.name)
    ctx.result.certificates.append(issued)
    return issued


async def run(ctx: VisitContext) -> None:
    p, result = ctx.ports, ctx.result
    case = result.case_numbers[0]
    content = _certificate_content(ctx, case)
    receipt_doc = _receipt(ctx, await paid_on_receipt(ctx), await _rating_code(ctx))
    _ensure_printable(ctx, case, content, receipt_doc)
    issued = await _certificate(ctx, content)
    receipt = to_escpos(receipt_doc)
    printed = await ctx.waiting_on("printers", print_outputs(
        case_number=case, certificate=issued, receipt=receipt,
        document_printer=p.document_printer, receipt_printer=p.receipt_printer,
        store=p.reprints, locale=ctx.lang, deadline_s=p.print_deadline_s))
    result.printed = printed.printed
    receipt_printed(ctx, "receipt" in printed.printed)
    result.print_problems = [f"{pr.document}: {pr.message.text}" for pr in printed.problems]
    ctx.ui.finished(result.outcome, result.case_numbers, result.printed, result.print_problems,
                    uploading=result.uploading,
                    rating_code=result.rating_code and "receipt" in result.printed)
