"""The public payment platform through the gateway (the simulated one, over mutual TLS): an
order under the kiosk's own number is made once, belongs to that kiosk, is paid once however
often its code is shown, is closed only unpaid, refunded once per refund number; a long-poll
hears of a payment at once; the e-receipt and the statement say what was paid; an
application standing on an order is recorded only once it is paid."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import date
from urllib.parse import urlparse

import httpx
import pytest

from kiosk.domain.order_number import new_order_number, refund_number
from kiosk.domain.payment_code import wallet_of
from kiosk.services.errors import GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.services.payment_platform import (
    OrderAlreadyPaid,
    OrderNotFound,
    PaymentPlatformClient,
    RefundRefusedForNow,
)
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card

HOLDER = card("zhang-wei").record.id_number


def order_body(number: str, fen: int = 40000) -> dict[str, object]:
    return {"order_no": number, "item_code": "YBJF-001", "description": "城乡居民基本医疗保险费",
            "amount_fen": fen, "payee": "易办市医疗保障局",
            "payer": {"name": "张伟", "id_number": HOLDER}}


@pytest.fixture
async def kiosk(backend: BackendServer) -> AsyncIterator[tuple[GatewayClient,
                                                               PaymentPlatformClient]]:
    gateway = backend.gateway("PAY-0001", timeout_s=5)
    yield gateway, PaymentPlatformClient(gateway)
    await gateway.aclose()


async def phone_pays(gateway: GatewayClient, pay_url: str, behaviour: str = "pays") -> None:
    """The citizen's app opens the QR's address and pays (or their bank declines)."""
    await gateway.request("POST", urlparse(pay_url).path, json={"behaviour": behaviour})


async def payment_code(gateway: GatewayClient, behaviour: str = "pays",
                       wallet: str = "wechat") -> str:
    _s, body = await gateway.request("POST", "/sim/payment-codes",
                                     json={"wallet": wallet, "behaviour": behaviour})
    return str(body["code"])


def faults(backend: BackendServer, **set_: object) -> None:
    with backend.client() as c:
        c.post("/sim/faults", json=set_).raise_for_status()


async def test_an_order_number_makes_one_order_for_one_kiosk(backend, kiosk) -> None:
    _gateway, platform = kiosk
    number = new_order_number(backend.state.clock.now())
    first = await platform.create_order(order_body(number))
    again = await platform.create_order(order_body(number))
    assert (first.status, again.status) == ("created", "created")
    assert again.pay_url == first.pay_url  # the same order, not a second one
    assert len(backend.state.payments.orders) == 1
    with pytest.raises(GatewayRejected) as conflict:
        await platform.create_order(order_body(number, fen=40001))
    assert conflict.value.backend_code == "order_no_conflict"
    other = PaymentPlatformClient(backend.gateway("PAY-0002", timeout_s=5))
    with pytest.raises(OrderNotFound):  # another kiosk's order does not exist for it
        await other.query_order(number)
    with pytest.raises(GatewayRejected) as taken:
        await other.create_order(order_body(number))
    assert taken.value.backend_code == "order_no_conflict"
    await other.gateway.aclose()


async def test_a_waiting_query_hears_of_the_payment_at_once(backend, kiosk) -> None:
    gateway, platform = kiosk
    number = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(number))
    assert order.expires_in_s > 0
    started = time.monotonic()
    waiting = asyncio.ensure_future(platform.query_order(number, wait_s=10))
    await asyncio.sleep(0.2)
    await phone_pays(gateway, order.pay_url)
    paid = await waiting
    assert paid.status == "paid"
    assert paid.transaction_id
    assert time.monotonic() - started < 2  # not the 10 s of the wait
    with pytest.raises(OrderAlreadyPaid):  # a paid order is not closed
        await platform.close_order(number)


async def test_a_lost_notification_only_delays_the_news(backend, kiosk) -> None:
    gateway, platform = kiosk
    faults(backend, lost_notifications=1)
    number = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(number))
    started = time.monotonic()
    waiting = asyncio.ensure_future(platform.query_order(number, wait_s=1))
    await asyncio.sleep(0.1)
    await phone_pays(gateway, order.pay_url)
    answer = await waiting
    assert answer.status == "paid"  # told when the wait ends, not before
    assert time.monotonic() - started >= 0.9


async def test_a_slow_confirmation_is_paying_until_it_lands(backend, kiosk) -> None:
    gateway, platform = kiosk
    faults(backend, confirm_delay_s=0.3)
    number = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(number))
    await phone_pays(gateway, order.pay_url)
    assert (await platform.query_order(number)).status == "paying"  # not paid yet
    assert (await platform.query_order(number, wait_s=5)).status == "paid"


async def test_a_payment_code_charges_once_however_often_it_is_shown(backend, kiosk) -> None:
    gateway, platform = kiosk
    number = new_order_number(backend.state.clock.now())
    await platform.create_order(order_body(number))
    code = await payment_code(gateway)
    assert wallet_of(code) == "wechat"
    first = await platform.pay_with_code(number, code)
    again = await platform.pay_with_code(number, code)  # the same code scanned twice
    other = await platform.pay_with_code(number, await payment_code(gateway))  # and another
    assert (first.status, again.status, other.status) == ("paid", "paid", "paid")
    assert first.transaction_id == again.transaction_id == other.transaction_id
    sim = backend.state.payments.orders[number]
    assert sim.codes == {code: None}  # one charge: the second code was never taken
    # the second code was not used up by the paid order: it can pay another
    second = new_order_number(backend.state.clock.now())
    await platform.create_order(order_body(second))
    assert (await platform.pay_with_code(second, list(backend.state.payments.codes)[1])
            ).status == "paid"


async def test_a_declined_or_unknown_code_pays_nothing(backend, kiosk) -> None:
    gateway, platform = kiosk
    number = new_order_number(backend.state.clock.now())
    await platform.create_order(order_body(number))
    declined = await platform.pay_with_code(number, await payment_code(gateway, "declines",
                                                                       "alipay"))
    assert (declined.status, declined.failure) == ("created", "declined")
    unknown = await platform.pay_with_code(number, "134567890123456789")
    assert (unknown.status, unknown.failure) == ("created", "code_unknown")
    pin = await platform.pay_with_code(number, await payment_code(gateway, "needs_pin"))
    assert pin.status == "paying"  # the citizen confirms in their app
    assert (await platform.query_order(number, wait_s=5)).status == "paid"


async def test_closed_means_unpaid_and_refunds_happen_once(backend, kiosk) -> None:
    gateway, platform = kiosk
    unpaid = new_order_number(backend.state.clock.now())
    shown = await platform.create_order(order_body(unpaid))
    assert (await platform.close_order(unpaid)).status == "closed"
    assert (await platform.close_order(unpaid)).status == "closed"  # again: the same answer
    with pytest.raises(GatewayRejected) as late:  # the phone comes too late
        await phone_pays(gateway, shown.pay_url)
    assert late.value.backend_code == "order_not_open"
    with pytest.raises(GatewayRejected) as nothing_to_refund:
        await platform.refund(unpaid, refund_number(unpaid), 40000, "staff")
    assert nothing_to_refund.value.backend_code == "order_not_paid"

    paid = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(paid))
    await phone_pays(gateway, order.pay_url)
    faults(backend, refund_refused=1)
    with pytest.raises(RefundRefusedForNow) as refused:
        await platform.refund(paid, refund_number(paid), 40000, "service_not_done")
    assert refused.value.retryable
    done = await platform.refund(paid, refund_number(paid), 40000, "service_not_done")
    repeat = await platform.refund(paid, refund_number(paid), 40000, "service_not_done")
    assert done == repeat
    assert (await platform.query_order(paid)).model_dump()["refunded_fen"] == 40000
    assert (await platform.query_order(paid)).status == "refunded"


async def test_the_e_receipt_and_the_statement_say_what_was_paid(backend, kiosk) -> None:
    gateway, platform = kiosk
    numbers = [new_order_number(backend.state.clock.now()) for _ in range(3)]
    for n in numbers:
        await platform.create_order(order_body(n, 40000 + len(n)))
    with pytest.raises(GatewayRejected) as early:
        await platform.e_receipt(numbers[0])
    assert early.value.backend_code == "not_issued"
    for n in numbers[:2]:
        await phone_pays(gateway, (await platform.query_order(n)).pay_url)
    receipt = await platform.e_receipt(numbers[0])
    assert (len(receipt.code), len(receipt.number), len(receipt.check_code)) == (8, 10, 6)
    assert receipt.payer == "张伟"
    assert receipt.amount_fen == 40000 + len(numbers[0])
    assert receipt == await platform.e_receipt(numbers[0])  # issued once
    today = backend.state.clock.today().isoformat()
    statement = await platform.statement(today)
    assert sorted(line.order_no for line in statement.lines) == sorted(numbers[:2])
    assert all(line.fee_fen == line.amount_fen * 38 // 10000 for line in statement.lines)
    assert (await platform.statement(date(2020, 1, 1).isoformat())).lines == []
    faults(backend, statement_missing=1, statement_extra=2)
    seeded = await platform.statement(today)
    mine = [line.order_no for line in seeded.lines if line.order_no in numbers]
    assert len(mine) == 1
    assert len(seeded.lines) == 3
    assert seeded == await platform.statement(today)  # the same statement each time


async def test_an_application_stands_only_on_a_paid_order(backend, kiosk) -> None:
    gateway, platform = kiosk
    quote = await platform.quote("resident_medical_insurance", HOLDER)
    assert [line.relation for line in quote.lines] == ["self", "spouse", "child"]
    assert all(line.due and line.amount_fen == 40000 for line in quote.lines)
    number = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(number, 120000))
    refs = [line.ref for line in quote.lines]
    application = {"kiosk_id": "PAY-0001", "service_code": "resident-medical-insurance-"
                   "contribution", "item_codes": ["YBJF-001"],
                   "applicant": {"name": "张伟", "id_number": HOLDER, "credential": "idcard"},
                   "form": {}, "materials": [], "decision": "approved",
                   "payment": {"order_no": number, "amount_fen": 120000, "members": refs}}
    with pytest.raises(GatewayRejected) as unpaid:
        await gateway.submit_application(application, "k" * 20)
    assert unpaid.value.backend_code == "payment_not_valid"
    await phone_pays(gateway, order.pay_url)
    faults(backend, service_refused=1)
    with pytest.raises(GatewayRejected) as refused:
        await gateway.submit_application(application, "k" * 21)
    assert refused.value.backend_code == "service_not_possible"
    recorded = await gateway.submit_application(application, "k" * 22)
    assert len(recorded.case_numbers) == 1
    assert not any(line.due for line in (await platform.quote(
        "resident_medical_insurance", HOLDER)).lines)  # paid for the period now
    # paid for already: another order for the same members cannot be recorded
    again = new_order_number(backend.state.clock.now())
    order = await platform.create_order(order_body(again, 120000))
    await phone_pays(gateway, order.pay_url)
    twice = {**application, "payment": {"order_no": again, "amount_fen": 120000,
                                         "members": refs}}
    with pytest.raises(GatewayRejected) as paid_for:
        await gateway.submit_application(twice, "k" * 23)
    assert paid_for.value.backend_code == "service_not_possible"


def test_the_phone_pays_in_a_browser_too(backend: BackendServer) -> None:
    """A trainer scans the QR with a phone, or opens it in a browser: a page that pays."""
    with backend.client("PAY-0003") as c:
        number = new_order_number(backend.state.clock.now())
        order = c.post("/v1/payments/orders", json=order_body(number)).json()
        page = c.get(urlparse(order["pay_url"]).path)
        assert "400.00" in page.text
        c.post(urlparse(order["pay_url"]).path)
        assert c.get(f"/v1/payments/orders/{number}").json()["status"] == "paid"
        anonymous = httpx.Client(base_url=backend.url, verify=backend.tls())
        assert anonymous.get(f"/v1/payments/orders/{number}").status_code == 401
        anonymous.close()
