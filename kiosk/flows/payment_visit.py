"""One visit's payment (缴费), the pay step (kiosk/flows/steps/pay.py), and what the submit and
print steps do for a paid item.

1. The amount: the definition's fee, the tier chosen on the form, or the backend's quote for
   this citizen (each insured member of the household). The citizen sees what, to whom and
   how much, and goes on or not (`offer_payment`).
2. The order: its number made here, written to the outbox with the application it pays for
   (held) — durable before anything else —, then sent to the platform.
3. The wait, against a countdown (the service's `time_budget_s.pay`, never longer than the
   platform keeps the order open): the order's QR code on the screen (主扫) and, at the same
   time, the camera reading a payment code (被扫, through the isolated QR decoder); the
   platform long-polled so its confirmation shows at once. "已支付" only when the platform
   says paid.
4. Paid: the order is `paid` and its application released in one transaction; the service
   is recorded (submit step), then the receipt prints the amount, the order, the transaction
   and the fiscal e-receipt with its QR code (print step).
5. Not paid (the countdown ends, or the citizen gives up): the platform closes the order — a
   close refused because it is paid means paid —, then the kiosk listens a moment for a
   payment still landing: one that does is refunded at once, said, and a slip printed.
6. Paid, but the backend refuses the service for good: refunded at once, said, slip printed.
Whatever the visit does not finish (the card pulled, a crash), the settler does
(kiosk/services/payment_settlement.py).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Literal

from kiosk.devices.errors import DeviceError
from kiosk.documents.receipt import (
    EReceiptNumbers,
    PaidOnReceipt,
    refund_slip,
    to_escpos,
)
from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.masking import mask_name
from kiosk.domain.money import yuan_words
from kiosk.domain.order_number import new_order_number
from kiosk.domain.payment_code import NotAPaymentCode, wallet_of
from kiosk.events import EventId
from kiosk.flows.application import application_body
from kiosk.flows.context import VisitContext
from kiosk.flows.interaction import (
    PaymentAccepted,
    PaymentConfirmed,
    PaymentLine,
    PaymentOffer,
    PaymentShown,
)
from kiosk.flows.outcome import EndReason, Outcome, PaymentResult, VisitStop
from kiosk.flows.schema import Payment, ServiceDefinition
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError
from kiosk.services.payment_answers import OrderAnswer
from kiosk.services.payment_orders import OrderBook
from kiosk.services.payment_platform import (
    OrderAlreadyPaid,
    OrderClosed,
    PaymentPlatformClient,
)
from kiosk.services.payment_settlement import REFUND_TRIES, OrderSettler

log = get_logger(__name__)

RELATION = {"self": {"zh-Hans": "本人", "zh-Hant": "本人", "en": "self"},
            "spouse": {"zh-Hans": "配偶", "zh-Hant": "配偶", "en": "spouse"},
            "child": {"zh-Hans": "子女", "zh-Hant": "子女", "en": "child"},
            "parent": {"zh-Hans": "父母", "zh-Hant": "父母", "en": "parent"},
            "other": {"zh-Hans": "家庭成员", "zh-Hant": "家庭成員", "en": "family"}}
CODE_QUIET_S = 4.0  # the same code still in view is not sent again within this long
FAILURE_WORDS = {"declined": "payment_code_declined", "code_unknown": "payment_code_stale",
                 "code_used": "payment_code_stale"}

Ending = Literal["paid", "gave_up", "timed_out", "closed"]


@dataclass
class _Machinery:
    book: OrderBook
    platform: PaymentPlatformClient
    settler: OrderSettler


def _machinery(ctx: VisitContext) -> _Machinery:
    p = ctx.ports
    if p.orders is None or p.payments is None or p.settler is None:
        raise ctx.stop(Outcome.REFERRED, visit_message("payment_unreachable", ctx.lang))
    return _Machinery(p.orders, p.payments, p.settler)


def paid_item(ctx: VisitContext) -> tuple[ServiceDefinition, Payment] | None:
    """The visit's item that takes a payment, with its payment (bundles hold none)."""
    for s in ctx.items:
        if s.payment is not None:
            return s, s.payment
    return None


async def _lines(ctx: VisitContext, item: ServiceDefinition, payment: Payment,
                 platform: PaymentPlatformClient) -> tuple[list[PaymentLine], str]:
    """What is paid for, line by line, and the period (the quote's)."""
    lang, amount = ctx.lang, payment.amount
    if amount.fen is not None:
        return [PaymentLine(payment.item_name[lang], amount.fen)], ""
    if amount.tiers is not None:
        tier = ctx.session.form.get(amount.tiers.field, "")
        field = next(f for f in item.fields if f.id == amount.tiers.field)
        label = field.option_labels[tier][lang] if tier in field.option_labels else tier
        return [PaymentLine(label, amount.tiers.fen[tier])], ""
    assert amount.quote is not None
    try:
        quote = await ctx.waiting_on("backend", platform.quote(amount.quote, ctx.holder))
    except GatewayError:
        raise ctx.stop(Outcome.REFERRED, visit_message("payment_unreachable", lang)) from None
    lines = []
    for q in quote.lines:
        ctx.session.learn(q.name)
        lines.append(PaymentLine(f"{q.name}（{RELATION[q.relation][lang]}）", q.amount_fen,
                                 q.ref, q.due, personal=True))
    return lines, quote.period


async def run(ctx: VisitContext) -> None:
    """The pay step: offer, order, wait; paid, or closed (and said why)."""
    found = paid_item(ctx)
    assert found is not None  # the step applies only then
    item, payment = found
    m = _machinery(ctx)
    lang = ctx.lang
    ctx.ui.progress("正在计算缴费金额")
    lines, period = await _lines(ctx, item, payment, m.platform)
    offer = PaymentOffer(payment.item_name[lang], payment.payee[lang], period, lines,
                         choosable=payment.amount.quote is not None)
    if not any(line.due for line in lines):
        raise ctx.stop(Outcome.REJECTED, visit_message("payment_nothing_due", lang))
    accepted: PaymentAccepted | None = await ctx.wait("form", ctx.ui.offer_payment(offer))
    if accepted is None:
        raise ctx.stop(Outcome.ABANDONED, visit_message("payment_declined", lang),
                       EndReason.DECLINED)
    chosen = [line for line in lines if line.due and (line.ref in accepted.refs
                                                       or not offer.choosable)]
    if not chosen:
        raise ctx.stop(Outcome.ABANDONED, visit_message("payment_declined", lang),
                       EndReason.DECLINED)
    amount = sum(line.amount_fen for line in chosen)
    order_no = new_order_number(ctx.ports.clock.now())
    application = application_body(ctx)
    application["payment"] = {"order_no": order_no, "amount_fen": amount,
                              **({"members": [line.ref for line in chosen]}
                                 if offer.choosable else {})}
    # durable first: the order and its held application, before the platform hears of it
    order = m.book.open(order_no, service=item.id, item_code=item.item_code, amount_fen=amount,
                        day=ctx.ports.clock.today(), application=application)
    ctx.result.payment = PaymentResult(order_no, amount, "created", order.application or "")
    ctx.paid_for = tuple(mask_name(line.label.split("（")[0]) for line in chosen
                         if line.personal)
    ctx.payment_period = period
    m.settler.claim(order_no)
    try:
        await _pay(ctx, m, item, payment, order_no, amount)
    except asyncio.CancelledError:
        m.settler.settle_soon(order_no)  # the citizen left: closed, or served if paid
        raise
    except VisitStop:
        m.settler.let_go(order_no)
        raise
    m.settler.let_go(order_no)


async def _pay(ctx: VisitContext, m: _Machinery, item: ServiceDefinition, payment: Payment,
               order_no: str, amount: int) -> None:
    lang = ctx.lang
    try:
        answer = await ctx.waiting_on("backend", m.platform.create_order({
            "order_no": order_no, "item_code": item.item_code,
            "description": payment.item_name["zh-Hans"][:128], "amount_fen": amount,
            "payee": payment.payee["zh-Hans"][:80],
            "payer": {"name": ctx.identity.name[:60], "id_number": ctx.holder[:40]}}))
    except GatewayError as exc:
        log.warning("payment platform unreachable", event_id=EventId.PAYMENT_PLATFORM_UNREACHABLE,
                    order=order_no, error_code=exc.code)
        m.settler.settle_soon(order_no)  # it may have got there: closed then
        raise ctx.stop(Outcome.REFERRED, visit_message("payment_unreachable", lang)) from None
    m.book.advance(order_no, "shown")
    _state(ctx, "shown")
    budget = ctx.budget["pay"]
    margin = min(30, answer.expires_in_s // 4)
    countdown = max(1.0, min(budget, float(answer.expires_in_s - margin)))
    shown = PaymentShown(order_no, amount, payment.item_name[lang], payment.payee[lang],
                         answer.pay_url, countdown,
                         codes_accepted=ctx.ports.camera is not None and
                         ctx.ports.qr_decoder is not None)
    ending, final = await _wait(ctx, m, shown)
    if ending == "paid":
        assert final is not None
        await _paid(ctx, m, final)
        return
    await _close(ctx, m, order_no, amount, ending)


async def _wait(ctx: VisitContext, m: _Machinery,
                shown: PaymentShown) -> tuple[Ending, OrderAnswer | None]:
    """Until paid, the citizen gives up, or the countdown ends."""
    ctx.ui.deadline(shown.countdown_s)
    started = time.perf_counter()
    listen = asyncio.ensure_future(_listen(ctx, m, shown.order_no, shown.countdown_s))
    scan = asyncio.ensure_future(_scan_codes(ctx, m, shown.order_no))
    give_up = asyncio.ensure_future(ctx.ui.wait_at_payment(shown))
    tasks: set[asyncio.Future[object]] = {listen, scan, give_up}  # type: ignore[arg-type]
    try:
        done, _ = await asyncio.wait(tasks, timeout=shown.countdown_s,
                                     return_when=asyncio.FIRST_COMPLETED)
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        ctx.result.add_wait("citizen", time.perf_counter() - started)
    for task in (scan, listen):
        if task in done and not task.cancelled() and task.exception() is not None:
            log.error("payment wait failed; the order is closed unless paid",
                      order=shown.order_no, error=type(task.exception()).__name__)
        if task in done and not task.cancelled() and task.exception() is None:
            answer = task.result()
            if isinstance(answer, OrderAnswer) and answer.status in ("paid", "refunded"):
                if ctx.result.payment is not None and not ctx.result.payment.method:
                    ctx.result.payment.method = "qr"  # no code was taken: the QR paid it
                return "paid", answer
            if isinstance(answer, OrderAnswer) and answer.status == "closed":
                return "closed", answer
    if give_up in done:
        return "gave_up", None
    return "timed_out", None


async def _listen(ctx: VisitContext, m: _Machinery, order_no: str,
                  within_s: float) -> OrderAnswer:
    """The platform's word on the order: long-polled, so a payment is heard at once. Returns
    when it is paid or closed; a query that fails is asked again (within the countdown)."""
    deadline = time.monotonic() + within_s
    while True:
        left = deadline - time.monotonic()
        wait_s = max(0, min(ctx.ports.payment_poll_s, int(left)))
        try:
            answer = await m.platform.query_order(order_no, wait_s=wait_s)
        except GatewayError as exc:
            log.info("payment query failed; asking again", order=order_no, error_code=exc.code)
            await asyncio.sleep(1.0)
            continue
        if answer.status in ("paid", "refunded", "closed"):
            return answer
        if wait_s == 0:
            await asyncio.sleep(0.2)


async def _scan_codes(ctx: VisitContext, m: _Machinery, order_no: str) -> OrderAnswer:
    """被扫: payment codes shown to the camera, read by the isolated QR decoder, checked for
    their shape, sent to the platform. Returns when one pays; a code that does not is said,
    and the camera keeps looking. The code itself is never logged."""
    camera, decode = ctx.ports.camera, ctx.ports.qr_decoder
    if camera is None or decode is None:
        await asyncio.Event().wait()  # no camera: only the QR code
    assert camera is not None
    assert decode is not None
    seq, last, last_at = 0, "", 0.0
    while True:
        try:
            seq, frame = await asyncio.to_thread(camera.next_frame, seq, 2.0)
            text = await asyncio.to_thread(decode, frame)
        except (DeviceError, OSError, RuntimeError, ValueError) as exc:
            # the camera is the second way to pay: its trouble never ends the QR code's
            log.warning("payment codes not read", order=order_no, error=type(exc).__name__)
            await asyncio.sleep(1.0)
            continue
        if text is None or (text == last and time.monotonic() - last_at < CODE_QUIET_S):
            continue
        last, last_at = text, time.monotonic()
        try:
            wallet = wallet_of(text)
        except NotAPaymentCode:
            log.info("not a payment code", event_id=EventId.PAYMENT_CODE_REFUSED,
                     order=order_no, length=len(text))
            ctx.ui.payment_problem(visit_message("payment_not_a_code", ctx.lang))
            continue
        try:
            answer = await m.platform.pay_with_code(order_no, text)
        except OrderClosed:
            await asyncio.Event().wait()  # closed meanwhile: the listener says so
            raise
        except GatewayError as exc:
            log.warning("payment code not sent", event_id=EventId.PAYMENT_CODE_FAILED,
                        order=order_no, wallet=wallet, error_code=exc.code)
            ctx.ui.payment_problem(visit_message("payment_code_unreachable", ctx.lang))
            continue
        if answer.failure is not None:
            log.info("payment code did not pay", event_id=EventId.PAYMENT_CODE_FAILED,
                     order=order_no, wallet=wallet, failure=answer.failure)
            ctx.ui.payment_problem(visit_message(FAILURE_WORDS[answer.failure], ctx.lang))
            continue
        if ctx.result.payment is not None:
            ctx.result.payment.method = "code"  # taken (paying: confirmed in the app)
        if answer.status in ("paid", "refunded"):
            return answer


def _state(ctx: VisitContext, state: str) -> None:
    if ctx.result.payment is not None:
        ctx.result.payment.state = state


async def _paid(ctx: VisitContext, m: _Machinery, answer: OrderAnswer) -> None:
    heard = time.perf_counter()
    order = m.book.get(answer.order_no)
    m.settler.mark_paid(order, answer)
    log.info("payment confirmed", event_id=EventId.PAYMENT_CONFIRMED, order=answer.order_no,
             amount_fen=answer.amount_fen)
    _state(ctx, "paid")
    ctx.payment = ctx.result.payment
    ctx.transaction_id = answer.transaction_id or ""
    confirmed = PaymentConfirmed(answer.order_no, answer.amount_fen, heard)
    if ctx.result.payment is not None:
        ctx.result.payment.confirm_ms = (time.perf_counter() - heard) * 1000
    await ctx.ui.payment_confirmed(confirmed)


async def _close(ctx: VisitContext, m: _Machinery, order_no: str, amount: int,
                 ending: Ending) -> None:
    """Not paid: closed at the platform (unless paid meanwhile: then paid), then a moment's
    listening for a payment still landing (refunded at once)."""
    lang = ctx.lang
    try:
        closed = await ctx.waiting_on("backend", m.platform.close_order(order_no))
    except OrderAlreadyPaid:
        await _paid(ctx, m, await m.platform.query_order(order_no))
        return
    except GatewayError:
        m.settler.settle_soon(order_no)  # closed when the platform answers again
        raise ctx.stop(Outcome.ABANDONED, visit_message("payment_timed_out", lang),
                       EndReason.TIMED_OUT) from None
    if closed.status in ("paid", "refunded"):  # answered as paid after all
        await _paid(ctx, m, closed)
        return
    m.book.advance(order_no, "closed")
    _state(ctx, "closed")
    log.info("payment order closed unpaid", event_id=EventId.PAYMENT_CLOSED_UNPAID,
             order=order_no, why=ending)
    try:
        late = await ctx.waiting_on("backend", m.settler.after_close(
            order_no, wait_s=ctx.ports.payment_late_s))
    except GatewayError:
        late = False  # the sweep looks again later
    if late:
        await _returned(ctx, m, order_no, amount, "payment_refund_late", "关闭订单后付款到账")
    if ending == "gave_up":
        raise ctx.stop(Outcome.ABANDONED, visit_message("payment_gave_up", lang),
                       EndReason.DECLINED)
    raise ctx.stop(Outcome.ABANDONED, visit_message("payment_timed_out", lang),
                   EndReason.TIMED_OUT)


async def _returned(ctx: VisitContext, m: _Machinery, order_no: str, amount: int, words: str,
                    why: str) -> None:
    """The money goes back (refunded now, or asked again until the platform takes it): the
    citizen is told, a slip printed, the visit ends at a counter."""
    order = m.book.get(order_no)
    _state(ctx, order.state)
    refund_no = order.refund_no or ""
    if ctx.result.payment is not None:
        ctx.result.payment.refund_no = refund_no
    text = visit_message(words, ctx.lang, amount=yuan_words(amount, ctx.lang),
                         refund_no=refund_no)
    if not await _print_slip(ctx, order_no, amount, refund_no, why):
        text += ("。" if ctx.lang != "en" else ". ") + visit_message("payment_slip_not_printed",
                                                                     ctx.lang)
    raise ctx.stop(Outcome.REFERRED, text)


async def _print_slip(ctx: VisitContext, order_no: str, amount: int, refund_no: str,
                      why: str) -> bool:
    printer = ctx.ports.receipt_printer
    if printer is None:
        return False
    slip = refund_slip(service=ctx.item.titles["zh-Hans"], order_no=order_no, amount_fen=amount,
                       refund_no=refund_no, why=why, when=ctx.ports.clock.now(),
                       kiosk_id=ctx.ports.kiosk_id, paper_width_mm=printer.paper_width_mm)
    try:
        printed = await ctx.waiting_on("printers", printer.print_bytes(
            to_escpos(slip), job=f"{refund_no}:refund-slip"))
    except DeviceError as exc:
        log.warning("refund slip not printed", event_id=EventId.PAYMENT_SLIP_NOT_PRINTED,
                    order=order_no, error_code=exc.code)
        return False
    if printed:
        ctx.result.printed.append("refund_slip")
    return printed


async def record_paid_service(ctx: VisitContext) -> None:
    """The submit step of a paid item: its application, released when the order was paid,
    goes to the backend; acknowledged → served; refused for good → the money goes back."""
    p, paid = ctx.ports, ctx.payment
    assert paid is not None
    m = _machinery(ctx)
    cases = await ctx.waiting_on("backend", p.uploader.deliver_within(paid.application,
                                                                      p.submit_wait_s))
    if cases:
        m.book.advance(paid.order_no, "served")
        _state(ctx, "served")
    elif p.outbox.state(paid.application) == "dead":
        log.warning("paid, but the service cannot be done", order=paid.order_no,
                    event_id=EventId.PAYMENT_SERVICE_REFUSED)
        await m.settler.refund(paid.order_no, "service_not_done", tries=REFUND_TRIES)
        await _returned(ctx, m, paid.order_no, paid.amount_fen, "payment_refund_service",
                        "业务未能办理")
    ctx.result.uploading = not cases
    ctx.result.case_numbers = cases or [f"PENDING-{paid.application[:10].upper()}"]
    ctx.result.outcome = Outcome.APPROVED if ctx.instant else Outcome.SUBMITTED


async def paid_on_receipt(ctx: VisitContext) -> PaidOnReceipt | None:
    """What the receipt says of the visit's payment, the fiscal e-receipt fetched (kept with
    the order); None for a visit without one."""
    paid, found = ctx.payment, paid_item(ctx)
    if paid is None or found is None or ctx.ports.payments is None or ctx.ports.orders is None:
        return None
    _item, payment = found
    numbers: EReceiptNumbers | None = None
    if payment.e_receipt:
        try:
            r = await ctx.waiting_on("backend", ctx.ports.payments.e_receipt(paid.order_no))
        except GatewayError as exc:
            log.warning("e-receipt not fetched", order=paid.order_no, error_code=exc.code)
        else:
            numbers = EReceiptNumbers(r.code, r.number, r.check_code, r.verify_url)
            paid.e_receipt = r.number
            ctx.ports.orders.record_e_receipt(paid.order_no, {
                "code": r.code, "number": r.number, "check_code": r.check_code,
                "verify_url": r.verify_url})
    return PaidOnReceipt(payment.item_name["zh-Hans"], paid.amount_fen, payment.payee["zh-Hans"],
                         paid.order_no, ctx.transaction_id, ctx.payment_period, ctx.paid_for,
                         numbers)


def receipt_printed(ctx: VisitContext, printed: bool) -> None:
    """The receipt of a paid visit is out: the order's good end."""
    if ctx.payment is None or ctx.ports.orders is None or not printed:
        return
    if ctx.ports.orders.advance(ctx.payment.order_no, "printed"):
        _state(ctx, "printed")
