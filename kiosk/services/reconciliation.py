"""对账 for one day (`kiosk payments reconcile`, the admin menu): the kiosk's orders from its
order book, the platform's statement through the gateway, compared line by line
(kiosk/domain/reconciliation.py). Also the day's totals as the kiosk alone knows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.domain.money import yuan
from kiosk.domain.reconciliation import (
    CHARGED,
    KioskOrder,
    Reconciliation,
    StatementOrder,
    compare,
)
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.payment_orders import UNFINISHED, OrderBook
from kiosk.services.payment_platform import PaymentPlatformClient

log = get_logger(__name__)


def kiosk_orders(book: OrderBook, day: date) -> list[KioskOrder]:
    """The orders the statement of `day` should list: those paid that day (and those made
    that day, so that one the platform lists as paid while the kiosk closed it is seen)."""
    text = day.isoformat()
    return [KioskOrder(o.order_no, o.state, o.amount_fen, o.refunded_fen)
            for o in book.of_day(day)
            if o.paid_day == text or (o.paid_day is None and o.day == text)]


async def reconcile(book: OrderBook, platform: PaymentPlatformClient,
                    day: date) -> Reconciliation:
    """GatewayError when the statement cannot be had."""
    statement = await platform.statement(day.isoformat())
    result = compare(day.isoformat(), kiosk_orders(book, day), [
        StatementOrder(line.order_no, line.status, line.amount_fen, line.refunded_fen,
                       line.fee_fen) for line in statement.lines])
    log.info("payments reconciled", event_id=EventId.PAYMENT_RECONCILED, day=day.isoformat(),
             kiosk_orders=result.kiosk.orders, statement_lines=result.statement.orders,
             differences=len(result.differences))
    return result


@dataclass(frozen=True)
class DayTotals:
    """One day's payments as the kiosk knows them (no person)."""

    day: str
    paid: int  # orders paid (whatever came after)
    paid_fen: int
    refunded: int
    refunded_fen: int
    closed_unpaid: int
    unfinished: int  # not yet at an end (being paid, service uploading, refund to retry)

    def words(self) -> str:
        return (f"{self.day}：已收款{self.paid}笔，共{yuan(self.paid_fen)}元；"
                f"已退款{self.refunded}笔，共{yuan(self.refunded_fen)}元；"
                f"未支付关闭{self.closed_unpaid}笔；未完成{self.unfinished}笔")


def day_totals(book: OrderBook, day: date) -> DayTotals:
    orders = [o for o in book.of_day(day) if o.day == day.isoformat()
              or o.paid_day == day.isoformat()]
    paid = [o for o in orders if o.state in CHARGED]
    refunded = [o for o in orders if o.state == "refunded"]
    return DayTotals(day.isoformat(), len(paid), sum(o.amount_fen for o in paid),
                     len(refunded), sum(o.refunded_fen for o in refunded),
                     sum(1 for o in orders if o.state == "closed"),
                     sum(1 for o in orders if o.state in UNFINISHED))
