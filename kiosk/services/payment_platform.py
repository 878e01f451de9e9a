"""The kiosk's side of the public payment platform (统一公共支付平台), through the gateway
(docs/api/gateway.yaml, /v1/payments/...): quotes, orders under the kiosk's own numbers,
payment codes (被扫), closing, refunds, the fiscal e-receipt and the daily statement. Only the
gateway talks to payment providers; the kiosk never sees card or account data.

Each answer is checked against the contract (kiosk/services/payment_answers.py). The
platform's refusals that a caller acts on are typed: an order it does not know
(`OrderNotFound`), a close that comes too late because the order is paid (`OrderAlreadyPaid`),
a refund refused for now (`RefundRefusedForNow`, retryable: asked again under the same number).
"""

from __future__ import annotations

from typing import Any, Literal

from kiosk.domain.errors import Advice
from kiosk.services.errors import GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.services.gateway_answers import parse_answer
from kiosk.services.payment_answers import (
    EReceiptAnswer,
    OrderAnswer,
    QuoteAnswer,
    RefundAnswer,
    StatementAnswer,
)

RefundReason = Literal["service_not_done", "paid_after_close", "staff"]


class OrderNotFound(GatewayRejected):
    """The platform has no such order of this kiosk's (it never got there)."""

    code = "payment_order_not_found"


class OrderAlreadyPaid(GatewayRejected):
    """The order cannot be closed: it is paid (go on as paid)."""

    code = "payment_order_paid"


class OrderClosed(GatewayRejected):
    """The order is closed: it can no longer be paid."""

    code = "payment_order_closed"


class RefundRefusedForNow(GatewayRejected):
    """The platform refused the refund for now; asked again later under the same number."""

    code = "payment_refund_refused"
    advice = Advice.CALL_STAFF
    retryable = True


_TYPED: dict[str, type[GatewayRejected]] = {
    "unknown_order": OrderNotFound, "order_paid": OrderAlreadyPaid,
    "order_closed": OrderClosed, "refund_refused": RefundRefusedForNow}


class PaymentPlatformClient:
    def __init__(self, gateway: GatewayClient) -> None:
        self.gateway = gateway

    async def _call(self, method: str, path: str, *, json: Any = None,
                    deadline_s: float | None = None) -> Any:
        try:
            _status, body = await self.gateway.request(method, path, json=json,
                                                       deadline_s=deadline_s)
        except GatewayRejected as exc:
            typed = _TYPED.get(exc.backend_code)
            if typed is None:
                raise
            raise typed(str(exc), backend_code=exc.backend_code) from None
        return body

    async def quote(self, kind: str, holder_code: str) -> QuoteAnswer:
        body = await self._call("POST", "/v1/payments/quotes",
                                json={"kind": kind, "holder_code": holder_code})
        return parse_answer(QuoteAnswer, body, what="payment quote")

    async def create_order(self, order: dict[str, Any]) -> OrderAnswer:
        """The order under the kiosk's number (a repeat answers the same order)."""
        body = await self._call("POST", "/v1/payments/orders", json=order)
        return parse_answer(OrderAnswer, body, what="payment order")

    async def query_order(self, order_no: str, wait_s: int = 0) -> OrderAnswer:
        """Where the order stands; with `wait_s`, answered as soon as it changes."""
        path = f"/v1/payments/orders/{order_no}" + (f"?wait_s={wait_s}" if wait_s else "")
        body = await self._call("GET", path, deadline_s=wait_s + self.gateway.timeout_s)
        return parse_answer(OrderAnswer, body, what="payment order")

    async def close_order(self, order_no: str) -> OrderAnswer:
        body = await self._call("POST", f"/v1/payments/orders/{order_no}/close")
        return parse_answer(OrderAnswer, body, what="payment order")

    async def pay_with_code(self, order_no: str, code: str) -> OrderAnswer:
        body = await self._call("POST", f"/v1/payments/orders/{order_no}/payment-code",
                                json={"code": code})
        return parse_answer(OrderAnswer, body, what="payment order")

    async def refund(self, order_no: str, refund_no: str, amount_fen: int,
                     reason: RefundReason) -> RefundAnswer:
        body = await self._call("POST", f"/v1/payments/orders/{order_no}/refunds", json={
            "refund_no": refund_no, "amount_fen": amount_fen, "reason": reason})
        return parse_answer(RefundAnswer, body, what="refund")

    async def e_receipt(self, order_no: str) -> EReceiptAnswer:
        body = await self._call("GET", f"/v1/payments/orders/{order_no}/e-receipt")
        return parse_answer(EReceiptAnswer, body, what="fiscal e-receipt")

    async def statement(self, day: str) -> StatementAnswer:
        body = await self._call("GET", f"/v1/payments/statements/{day}")
        return parse_answer(StatementAnswer, body, what="payment statement")
