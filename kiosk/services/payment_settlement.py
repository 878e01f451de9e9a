"""Settling payment orders: bringing each order the kiosk has not finished to one of its ends —
paid and served, unpaid and closed, or refunded — whatever crashed, was cancelled or went
quiet in between (kiosk/services/payment_orders.py has the states).

For each unfinished order the platform is asked where it stands, and:
- unpaid (created, paying): it is closed (a closed order cannot be paid); a close refused
  because it is paid meanwhile means paid;
- unknown to the platform: it never got there; closed on the kiosk's side;
- paid: the held application is released (the uploader records the service); once the backend
  has acknowledged it the order is served; if the backend refuses the service for good (a
  dead letter), the money is returned: refunded under the kiosk's own refund number, asked
  again under the same number until the platform takes it (a refund may be refused for now);
- an order the kiosk closed, found paid afterwards (the citizen paid at the last second): its
  money is returned the same way, and recorded.

Runs at start (`settle_all`: the orders a crash or a power cut left, said in the admin menu),
then every `sweep_s` (orders whose service was still uploading), and for one order when a
visit lets go of it (`settle_soon`: the citizen left with an order open). An order a visit is
still showing is never settled under the citizen's nose (`claim`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.order_number import refund_number
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError
from kiosk.services.outbox import Outbox
from kiosk.services.payment_answers import OrderAnswer
from kiosk.services.payment_orders import Order, OrderBook, State
from kiosk.services.payment_platform import (
    OrderAlreadyPaid,
    OrderNotFound,
    PaymentPlatformClient,
    RefundReason,
    RefundRefusedForNow,
)

log = get_logger(__name__)

# a refund the platform refuses for now is asked again this many times, a second apart, while
# the citizen is there; after that the sweep asks (same refund number)
REFUND_TRIES = 3


@dataclass
class SettleReport:
    """What one pass over the unfinished orders did (counts; no person)."""

    found: int = 0
    served: int = 0
    closed: int = 0
    refunded: int = 0
    waiting: int = 0  # still on their way (a service uploading, a refund refused for now)
    failed: int = 0  # the platform could not be asked now: tried again later
    late_refunded: int = 0  # paid after the kiosk closed them: money returned
    at: float = field(default_factory=time.time)

    def words(self) -> str:
        """For staff, in the admin menu's language."""
        if not self.found and not self.late_refunded:
            return "没有未完成的缴费订单"
        parts = [f"发现{self.found}笔未完成的缴费订单"]
        for n, what in ((self.served, "已完成业务"), (self.closed, "未支付，已关闭"),
                        (self.refunded, "已退款"), (self.waiting, "处理中"),
                        (self.failed, "暂时无法处理，将自动重试")):
            if n:
                parts.append(f"{n}笔{what}")
        if self.late_refunded:
            parts.append(f"{self.late_refunded}笔关闭后到账的付款已退回")
        return "，".join(parts)


class OrderSettler:
    def __init__(self, book: OrderBook, platform: PaymentPlatformClient, outbox: Outbox, *,
                 day_of: Callable[[float], date], clock: Callable[[], float] = time.time,
                 sweep_s: float = 30.0, late_window_s: float = 3600.0,
                 late_every_s: float = 300.0, late_listen_s: int = 1) -> None:
        self.book = book
        self.platform = platform
        self.outbox = outbox
        self.day_of = day_of  # the kiosk's calendar day of an instant (its one clock)
        self._clock = clock
        self.sweep_s = sweep_s
        self.late_window_s = late_window_s
        self.late_every_s = late_every_s
        # after closing an order itself: how long to listen for a payment still landing
        self.late_listen_s = late_listen_s
        self._live: set[str] = set()  # orders a visit is showing: not settled meanwhile
        self._locks: dict[str, asyncio.Lock] = {}
        self._background: set[asyncio.Task[State | None]] = set()
        self.last_start: SettleReport | None = None  # what the pass at start did
        self._last_late_check = 0.0

    # --- a visit's orders ----------------------------------------------------------------
    def claim(self, order_no: str) -> None:
        self._live.add(order_no)

    def let_go(self, order_no: str) -> None:
        self._live.discard(order_no)

    def settle_soon(self, order_no: str) -> None:
        """Settle this order in the background (the visit that showed it is gone)."""
        self.let_go(order_no)
        task = asyncio.get_running_loop().create_task(self._settle_quietly(order_no),
                                                      name=f"settle-{order_no[-6:]}")
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _settle_quietly(self, order_no: str) -> State | None:
        try:
            return await self.settle(order_no)
        except GatewayError as exc:
            self._failed(order_no, exc)
            return None

    # --- one order ------------------------------------------------------------------------
    def _lock(self, order_no: str) -> asyncio.Lock:
        return self._locks.setdefault(order_no, asyncio.Lock())

    async def settle(self, order_no: str) -> State:
        """Take the order as far towards an end as it can go now; its state. GatewayError
        when the platform cannot be asked (the order stays as it was)."""
        async with self._lock(order_no):
            order = self.book.get(order_no)
            if order.state in ("created", "shown"):
                await self._paid_or_closed(order)
                order = self.book.get(order_no)
            if order.state == "paid":
                await self._served_or_refunded(order)
                order = self.book.get(order_no)
            if order.state == "refunding":
                await self._refund(order)
            return self.book.get(order_no).state

    def mark_paid(self, order: Order, answer: OrderAnswer) -> bool:
        """The platform says paid: the order is, and its application goes out."""
        return self.book.advance(order.order_no, "paid", transaction_id=answer.transaction_id,
                                 paid_day=self.day_of(self._clock()).isoformat())

    async def _paid_or_closed(self, order: Order) -> None:
        try:
            answer = await self.platform.query_order(order.order_no)
        except OrderNotFound:
            self.book.advance(order.order_no, "closed", note="never reached the platform")
            return
        if answer.status in ("created", "paying"):
            try:
                answer = await self.platform.close_order(order.order_no)
            except OrderAlreadyPaid:
                answer = await self.platform.query_order(order.order_no)
        if answer.status in ("paid", "refunded"):
            self.mark_paid(order, answer)
            if answer.status == "refunded":  # returned at the platform (staff): recorded
                self.book.advance(order.order_no, "refunding",
                                  refund_no=refund_number(order.order_no), refund_reason="staff")
                self.book.advance(order.order_no, "refunded", refunded_fen=order.amount_fen)
        elif answer.status == "closed" and self.book.advance(order.order_no, "closed"):
            log.info("payment order closed unpaid", event_id=EventId.PAYMENT_CLOSED_UNPAID,
                     order=order.order_no)
            # a payment on its way when it was closed lands now or never: listened for (and
            # returned) before the order counts as settled
            await self._late(order.order_no, self.late_listen_s)

    async def _served_or_refunded(self, order: Order) -> None:
        state = self.outbox.state(order.application) if order.application else None
        if state == "sent":
            self.book.advance(order.order_no, "served")
        elif state in ("pending", "held"):
            if state == "held":  # paid, not released: released now (it cannot stay unsent)
                with self.outbox.transaction() as tx:
                    tx.release(order.application or "")
            return  # the uploader is sending it
        else:  # refused for good (dead), or gone: the service cannot be done
            log.warning("paid, but the service cannot be done", order=order.order_no,
                        event_id=EventId.PAYMENT_SERVICE_REFUSED)
            self._start_refund(order, "service_not_done")

    def _start_refund(self, order: Order, reason: RefundReason) -> None:
        self.book.advance(order.order_no, "refunding", refund_no=refund_number(order.order_no),
                          refund_reason=reason)

    async def _refund(self, order: Order) -> None:
        refund_no = order.refund_no or refund_number(order.order_no)
        reason: RefundReason = "paid_after_close" if order.refund_reason == "paid_after_close" \
            else "staff" if order.refund_reason == "staff" else "service_not_done"
        try:
            await self.platform.refund(order.order_no, refund_no, order.amount_fen, reason)
        except RefundRefusedForNow:
            log.warning("refund refused for now", event_id=EventId.PAYMENT_REFUND_REFUSED,
                        order=order.order_no)
            self.book.note(order.order_no, "the platform refused the refund for now")
            return
        if self.book.advance(order.order_no, "refunded", refunded_fen=order.amount_fen):
            log.info("payment refunded", event_id=EventId.PAYMENT_REFUNDED,
                     order=order.order_no, amount_fen=order.amount_fen, reason=reason)

    async def refund(self, order_no: str, reason: RefundReason, *, tries: int = 1,
                     pause_s: float = 1.0) -> State:
        """Return a paid order's money (its service cannot be done, or it was paid after the
        kiosk closed it), asking up to `tries` times `pause_s` apart while the platform
        refuses for now: `refunded`, or `refunding` (the sweep asks again later)."""
        async with self._lock(order_no):
            order = self.book.get(order_no)
            if order.state in ("paid", "closed"):
                self._start_refund(order, reason)
                order = self.book.get(order_no)
            for attempt in range(tries):
                if order.state != "refunding":
                    break
                if attempt:
                    await asyncio.sleep(pause_s)
                await self._refund(order)
                order = self.book.get(order_no)
            return order.state

    async def after_close(self, order_no: str, wait_s: int = 0) -> bool:
        """Has a closed order been paid after all (the citizen paid at the last second)? Then
        its money is returned now: True. `wait_s`: how long to listen for it."""
        async with self._lock(order_no):
            return await self._late(order_no, wait_s)

    async def _late(self, order_no: str, wait_s: int) -> bool:
        answer = await self.platform.query_order(order_no, wait_s=wait_s)
        if answer.status not in ("paid", "refunded"):
            return False
        log.warning("paid after the kiosk closed the order",
                    event_id=EventId.PAYMENT_PAID_AFTER_CLOSE, order=order_no)
        order = self.book.get(order_no)
        if order.state == "closed":
            self.book.advance(order_no, "refunding", refund_no=refund_number(order_no),
                              refund_reason="paid_after_close",
                              paid_day=self.day_of(self._clock()).isoformat())
        for attempt in range(REFUND_TRIES):
            order = self.book.get(order_no)
            if order.state != "refunding":
                break
            if attempt:
                await asyncio.sleep(1.0)
            await self._refund(order)
        return True

    # --- every order ----------------------------------------------------------------------
    async def settle_all(self, *, late: bool = True) -> SettleReport:
        """Every unfinished order not shown by a visit (and, with `late`, the orders closed
        within `late_window_s`: paid after all?)."""
        report = SettleReport()
        for order in self.book.unfinished():
            if order.order_no in self._live:
                continue
            report.found += 1
            try:
                state = await self.settle(order.order_no)
            except GatewayError as exc:
                self._failed(order.order_no, exc)
                report.failed += 1
                continue
            if state in ("served", "printed"):
                report.served += 1
            elif state == "closed":
                report.closed += 1
            elif state == "refunded":
                report.refunded += 1
            else:
                report.waiting += 1
        if late:
            self._last_late_check = self._clock()
            for order in self.book.closed_since(self._clock() - self.late_window_s):
                try:
                    if await self.after_close(order.order_no):
                        report.late_refunded += 1
                except GatewayError as exc:
                    self._failed(order.order_no, exc)
        return report

    def _failed(self, order_no: str, exc: GatewayError) -> None:
        log.warning("payment order not settled now", event_id=EventId.PAYMENT_SETTLE_FAILED,
                    order=order_no, error_code=exc.code)
        with contextlib.suppress(Exception):
            self.book.note(order_no, f"not settled now: {exc.code}")

    async def resume(self) -> SettleReport:
        """At start: what a crash or a power cut left unfinished, settled (said in the admin
        menu and the log)."""
        report = await self.settle_all()
        self.last_start = report
        log.info("payment orders resumed", event_id=EventId.PAYMENT_RESUMED,
                 found=report.found, served=report.served, closed=report.closed,
                 refunded=report.refunded, waiting=report.waiting, failed=report.failed,
                 late_refunded=report.late_refunded)
        return report

    async def run(self) -> None:
        """At start, then every `sweep_s`; never ends by an exception."""
        try:
            await self.resume()
        except Exception as exc:
            log.error("payment orders not resumed", event_id=EventId.PAYMENT_SETTLE_FAILED,
                      error_type=type(exc).__name__)
        while True:
            await asyncio.sleep(self.sweep_s)
            try:
                late = self._clock() - self._last_late_check >= self.late_every_s
                await self.settle_all(late=late)
            except Exception as exc:  # a sweep's failure waits for the next sweep
                log.error("payment sweep failed", event_id=EventId.PAYMENT_SETTLE_FAILED,
                          error_type=type(exc).__name__)

    async def aclose(self) -> None:
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
