"""The payment orders, durable in the encrypted outbox's database: an order and the application
it pays for are written together before anything is shown; the application is never sent
before the order is paid, is released by the same transaction that records the payment, and
is dropped (its personal payload deleted) when the order closes unpaid or is refunded. A state
is reached only from where it may be reached; everything survives a reopening."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kiosk.domain.order_number import ORDER_NUMBER, new_order_number, refund_number
from kiosk.domain.payment_code import NotAPaymentCode, wallet_of
from kiosk.services.outbox import Outbox
from kiosk.services.payment_orders import OrderBook

APPLICATION = {"kiosk_id": "K", "applicant": {"name": "张伟", "id_number": "110105198503120311"}}


def book_in(folder: Path) -> tuple[Outbox, OrderBook]:
    outbox = Outbox.open(folder)
    return outbox, OrderBook(outbox)


def test_an_order_is_written_with_its_application_held(tmp_path: Path) -> None:
    outbox, book = book_in(tmp_path)
    heard: list[tuple[str, str]] = []
    book.listeners.append(lambda order, state: heard.append((order, state)))
    order = book.open("YB2026120700000001", service="resident-pension-contribution",
                      item_code="YLJF-001", amount_fen=100000, day=date(2026, 12, 7),
                      application=APPLICATION)
    assert (order.state, order.amount_fen, order.charged_fen) == ("created", 100000, 0)
    assert order.application is not None
    assert outbox.state(order.application) == "held"
    assert outbox.due() == []  # never sent before it is paid
    assert heard == [("YB2026120700000001", "created")]
    # nothing personal in the order's row, and the application is encrypted
    raw = sqlite3.connect(tmp_path / "outbox.sqlite3")
    dumped = "\n".join(raw.iterdump())
    assert "张伟" not in dumped
    assert "110105198503120311" not in dumped


def test_paid_releases_closed_and_refunded_withdraw(tmp_path: Path) -> None:
    outbox, book = book_in(tmp_path)
    paid = book.open("YBPAID0000000001", service="s", item_code="I", amount_fen=1000,
                     day=date(2026, 12, 7), application=APPLICATION)
    closed = book.open("YBCLOSED00000001", service="s", item_code="I", amount_fen=1000,
                       day=date(2026, 12, 7), application=APPLICATION)
    assert book.advance(paid.order_no, "shown")
    assert book.advance(paid.order_no, "paid", transaction_id="42000001", paid_day="2026-12-07")
    assert outbox.state(paid.application or "") == "pending"  # on its way, in one transaction
    assert [e.id for e in outbox.due()] == [paid.application]
    assert book.get(paid.order_no).charged_fen == 1000
    assert not book.advance(paid.order_no, "closed")  # a paid order is never closed
    assert not book.advance(paid.order_no, "paid")  # nor paid twice
    assert book.advance(closed.order_no, "closed")
    assert outbox.state(closed.application or "") == "withdrawn"
    assert not book.advance(closed.order_no, "served")
    # the service refused for good: the money goes back, the application goes away
    outbox.mark_failed(paid.application or "", "service_not_possible", permanent=True,
                       delay_s=0, final=True)
    assert outbox.state(paid.application or "") == "dead"
    assert book.advance(paid.order_no, "refunding", refund_no=refund_number(paid.order_no),
                        refund_reason="service_not_done")
    assert outbox.retry_now() == 1  # (staff could retry a dead letter until it is withdrawn)
    outbox.mark_failed(paid.application or "", "service_not_possible", permanent=True,
                       delay_s=0, final=True)
    assert book.advance(paid.order_no, "refunded", refunded_fen=1000)
    assert outbox.state(paid.application or "") == "withdrawn"
    assert outbox.retry_now() == 0  # nothing left for anyone to send
    done = book.get(paid.order_no)
    assert (done.refund_no, done.refund_reason, done.charged_fen) == (
        "YBPAID0000000001R1", "service_not_done", 0)


def test_the_orders_survive_a_reopening(tmp_path: Path) -> None:
    outbox, book = book_in(tmp_path)
    for n in range(3):
        book.open(f"YBKEEP000000000{n}", service="s", item_code="I", amount_fen=500,
                  day=date(2026, 12, 7), application=APPLICATION)
    book.advance("YBKEEP0000000000", "closed")
    book.advance("YBKEEP0000000001", "shown")
    outbox.close()
    _outbox, again = book_in(tmp_path)
    assert [o.order_no for o in again.unfinished()] == ["YBKEEP0000000001", "YBKEEP0000000002"]
    assert [o.state for o in again.of_day(date(2026, 12, 7))] == ["closed", "shown", "created"]
    assert again.of_day(date(2026, 12, 8)) == []
    assert [o.order_no for o in again.closed_since(0)] == ["YBKEEP0000000000"]


def test_numbers_and_payment_codes_have_their_shapes() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    number = new_order_number(datetime(2026, 12, 7, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert number.startswith("YB20261207093000")
    assert ORDER_NUMBER.fullmatch(number)
    assert len(number) <= 32
    assert ORDER_NUMBER.fullmatch(refund_number(number))
    assert new_order_number(datetime(2026, 12, 7)) != new_order_number(datetime(2026, 12, 7))
    assert wallet_of("134567890123456789") == "wechat"
    assert wallet_of("2845678901234567") == "alipay"
    assert wallet_of("6212345678901234567") == "unionpay"
    for bad in ("EID1.abcdefghijklmnopqr", "https://pay.example/x", "1345678901234567",
                "934567890123456789", "１３４５６７８９０１２３４５６７８９", ""):
        try:
            wallet_of(bad)
        except NotAPaymentCode:
            continue
        raise AssertionError(f"{bad!r} taken as a payment code")
