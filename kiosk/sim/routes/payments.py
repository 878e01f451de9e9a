"""缴费 through the gateway: the simulated public payment platform's orders, payment codes,
refunds, fiscal e-receipts and statements (kiosk/sim/payment_platform.py), each bound to the
kiosk whose certificate made it; and the citizen's phone, outside the contract — the pay page
an order's QR code opens, and the payment codes its app shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kiosk.domain.money import yuan
from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem
from kiosk.sim.payment_platform import CODE_PREFIX, PaymentRefused

ORDER = "/v1/payments/orders/{order_no}"


def _kiosk(r: Request) -> str:
    kiosk = caller_of(r).kiosk_id
    assert kiosk is not None  # the contract's security: a kiosk certificate
    return kiosk


def _answer(run: Callable[[], tuple[dict[str, Any], int]]) -> Response:
    try:
        body, status = run()
    except PaymentRefused as no:
        return problem(no.status, no.code, no.message, no.retryable)
    return JSONResponse(body, status)


def routes(st: BackendState) -> list[Route]:
    pay = st.payments

    @checked("/v1/payments/quotes", "post")
    async def quote(r: Request) -> Response:
        holder = str(r.state.body["holder_code"])
        return _answer(lambda: (pay.quote(holder, st.person(holder) is not None), 200))

    @checked("/v1/payments/orders", "post")
    async def create(r: Request) -> Response:
        def run() -> tuple[dict[str, Any], int]:
            order, new = pay.create(_kiosk(r), r.state.body)
            return pay.view(order, str(r.base_url)), 201 if new else 200
        return _answer(run)

    @checked(ORDER, "get")
    async def query(r: Request) -> Response:
        try:
            order = pay.order_of(_kiosk(r), r.path_params["order_no"])
        except PaymentRefused as no:
            return problem(no.status, no.code, no.message)
        await pay.wait_change(order, float(r.query_params.get("wait_s", "0")))
        return JSONResponse(pay.view(order, str(r.base_url)))

    @checked(ORDER + "/close", "post")
    async def close(r: Request) -> Response:
        return _answer(lambda: (pay.view(pay.close(_kiosk(r), r.path_params["order_no"]),
                                         str(r.base_url)), 200))

    @checked(ORDER + "/payment-code", "post")
    async def by_code(r: Request) -> Response:
        return _answer(lambda: (pay.view(pay.pay_with_code(
            _kiosk(r), r.path_params["order_no"], str(r.state.body["code"])),
            str(r.base_url)), 200))

    @checked(ORDER + "/refunds", "post")
    async def refund(r: Request) -> Response:
        def run() -> tuple[dict[str, Any], int]:
            done, new = pay.refund(_kiosk(r), r.path_params["order_no"], r.state.body)
            return done, 201 if new else 200
        return _answer(run)

    @checked(ORDER + "/e-receipt", "get")
    async def e_receipt(r: Request) -> Response:
        return _answer(lambda: (pay.e_receipt(_kiosk(r), r.path_params["order_no"]), 200))

    @checked("/v1/payments/statements/{day}", "get")
    async def statement(r: Request) -> Response:
        day = date.fromisoformat(r.path_params["day"])
        return JSONResponse(pay.statement(_kiosk(r), day))

    # --- the citizen's phone (the simulation's own doors) --------------------------------
    async def pay_page(r: Request) -> Response:
        """What the citizen's app opens from the QR: a page that pays (a trainer can use it
        in a browser), or — posted — the payment itself (the scripted phone)."""
        token = r.path_params["token"]
        order = next((o for o in pay.orders.values() if o.token == token), None)
        if r.method == "GET":
            if order is None:
                return HTMLResponse("<p>订单不存在</p>", 404)
            amount = yuan(order.amount_fen)
            return HTMLResponse(
                "<!doctype html><meta charset=utf-8><title>模拟支付</title>"
                f"<p>模拟支付：{amount} 元</p><form method=post><button>确认支付</button></form>")
        behaviour = "pays"
        if r.headers.get("content-type", "").startswith("application/json"):
            behaviour = str((await r.json()).get("behaviour", "pays"))
        if behaviour not in ("pays", "declines"):
            return problem(422, "bad_behaviour", "pays or declines")
        return _answer(lambda: (pay.view(pay.pay_by_url(token, behaviour),  # type: ignore[arg-type]
                                         str(r.base_url)), 200))

    async def payment_codes(r: Request) -> Response:
        body = await r.json()
        wallet = str(body.get("wallet", "wechat"))
        behaviour = str(body.get("behaviour", "pays"))
        if wallet not in CODE_PREFIX or behaviour not in ("pays", "needs_pin", "declines"):
            return problem(422, "bad_code_request", "wallet: wechat|alipay|unionpay; "
                           "behaviour: pays|needs_pin|declines")
        return JSONResponse({"code": pay.issue_code(wallet, behaviour)})  # type: ignore[arg-type]

    async def orders(_r: Request) -> Response:
        return JSONResponse({"orders": [
            {"order_no": o.order_no, "kiosk_id": o.kiosk_id, "status": o.status,
             "amount_fen": o.amount_fen, "refunded_fen": o.refunded_fen,
             "refunds": len(o.refunds), "codes": len(o.codes)}
            for o in pay.orders.values()]})

    return [Route("/v1/payments/quotes", quote, methods=["POST"]),
            Route("/v1/payments/orders", create, methods=["POST"]),
            Route(ORDER, query),
            Route(ORDER + "/close", close, methods=["POST"]),
            Route(ORDER + "/payment-code", by_code, methods=["POST"]),
            Route(ORDER + "/refunds", refund, methods=["POST"]),
            Route(ORDER + "/e-receipt", e_receipt),
            Route("/v1/payments/statements/{day}", statement),
            Route("/sim/pay/{token}", pay_page, methods=["GET", "POST"]),
            Route("/sim/payment-codes", payment_codes, methods=["POST"]),
            Route("/sim/payments", orders)]
