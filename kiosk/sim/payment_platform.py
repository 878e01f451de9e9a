"""The simulated public payment platform (统一公共支付平台) behind the simulated gateway: orders
under the kiosks' own numbers, both ways of paying — a scripted phone opens an order's pay URL
(the QR the kiosk shows, 主扫) or shows a payment code the kiosk reads and sends (被扫) —,
refunds, fiscal e-receipts and the daily statement. Whatever a kiosk asks, the answer is about
its own orders only: another kiosk's order does not exist for it.

Faults (BackendState.faults, set with POST /sim/faults): `confirm_delay_s` (the phone's payment
lands that much later: slow confirmation), `lost_notifications` (that many payments do not wake
a waiting query: the kiosk hears of them only when its wait ends), `paid_after_close` (that many
closes of an unpaid order are answered "closed" while the citizen's payment, already on its
way, lands just after), `refund_refused` (that many refunds are refused, retryable),
`statement_extra` / `statement_missing` (that many lines added to / left out of each statement),
`order_lifetime_s` (how long an order can be paid).

Everything here runs on the simulated backend's event loop (the routes' handlers), so a
waiting query is woken by an asyncio event.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from kiosk.domain.clock import KioskClock

Status = Literal["created", "paying", "paid", "closed", "refunded"]
Behaviour = Literal["pays", "needs_pin", "declines"]
OPEN: tuple[str, ...] = ("created", "paying")
FEE_PER_10000 = 38  # the channel's fee, 0.38 % (what a government merchant account pays)
CODE_PREFIX = {"wechat": "13", "alipay": "28", "unionpay": "62"}
CODE_LENGTH = {"wechat": 18, "alipay": 18, "unionpay": 19}


class PaymentRefused(Exception):
    """The platform's "no": an HTTP status, a stable code, words, and whether to retry."""

    def __init__(self, status: int, code: str, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retryable = status, code, message, retryable


UNKNOWN_ORDER = PaymentRefused(404, "unknown_order", "no such order")


@dataclass
class PaymentFaults:
    confirm_delay_s: float = 0.0
    lost_notifications: int = 0
    paid_after_close: int = 0
    refund_refused: int = 0
    statement_extra: int = 0
    statement_missing: int = 0
    order_lifetime_s: float = 900.0


@dataclass
class SimOrder:
    order_no: str
    kiosk_id: str
    content: dict[str, Any]  # what the kiosk created it with (a repeat must match)
    token: str  # the pay URL's secret
    created: float  # monotonic
    lifetime_s: float
    status: Status = "created"
    refunded_fen: int = 0
    transaction_id: str | None = None
    paid_at: datetime | None = None
    failure: str | None = None
    codes: dict[str, str | None] = field(default_factory=dict)  # code → its failure, if any
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    receipt: dict[str, Any] | None = None
    changed: asyncio.Event | None = None
    landing_late: bool = False  # closed, with a payment still to land (paid_after_close)

    @property
    def amount_fen(self) -> int:
        return int(self.content["amount_fen"])


@dataclass
class PaymentCode:
    wallet: str
    behaviour: Behaviour
    used_by: str | None = None  # the order it paid


def quote_period(today: date) -> str:
    """The period a resident's contribution is collected for: from September, next year's."""
    return f"{today.year + 1 if today.month >= 9 else today.year}年度"


# The simulated registry's households (城乡居民医保): each member's relation to the holder.
# Everyone else is insured alone.
HOUSEHOLDS: dict[str, list[tuple[str, str, str]]] = {
    # 张伟 (the deck's first card): his wife and their son
    "110105198503120311": [("110105198503120311", "张伟", "self"),
                           ("110105198708230026", "李娜", "spouse"),
                           ("110105201405060037", "张子涵", "child")],
}
CONTRIBUTION_FEN = 40000  # the year's personal contribution, 400.00 yuan a person


def member_ref(holder: str, member: str) -> str:
    """A member's name in orders and applications, without their ID number."""
    return hashlib.sha256(f"yiban-sim-member:{holder}:{member}".encode()).hexdigest()[:16]


class PaymentPlatform:
    def __init__(self, clock: KioskClock | None = None,
                 faults: PaymentFaults | None = None) -> None:
        self.clock = clock or KioskClock()
        self.faults = faults or PaymentFaults()
        self.orders: dict[str, SimOrder] = {}
        self.codes: dict[str, PaymentCode] = {}
        self.contributions: set[tuple[str, str]] = set()  # (member ID number, period)
        self._receipts = 0

    # --- views ----------------------------------------------------------------------------
    def _expire(self, o: SimOrder) -> None:
        if o.status in OPEN and time.monotonic() - o.created > o.lifetime_s:
            o.status = "closed"

    def view(self, o: SimOrder, base_url: str) -> dict[str, Any]:
        self._expire(o)
        left = max(0, int(o.lifetime_s - (time.monotonic() - o.created)))
        return {"order_no": o.order_no, "status": o.status, "amount_fen": o.amount_fen,
                "refunded_fen": o.refunded_fen,
                "pay_url": f"{base_url.rstrip('/')}/sim/pay/{o.token}",
                "expires_in_s": left if o.status in OPEN else 0,
                "transaction_id": o.transaction_id,
                "paid_at": o.paid_at.isoformat(timespec="seconds") if o.paid_at else None,
                "failure": o.failure}

    def order_of(self, kiosk_id: str, order_no: str) -> SimOrder:
        o = self.orders.get(order_no)
        if o is None or o.kiosk_id != kiosk_id:
            raise UNKNOWN_ORDER
        return o

    # --- the kiosk's side -----------------------------------------------------------------
    def quote(self, holder: str, known: bool) -> dict[str, Any]:
        if not known:
            raise PaymentRefused(404, "holder_not_found", "the registry does not know this "
                                 "person")
        period = quote_period(self.clock.today())
        members = HOUSEHOLDS.get(holder, [(holder, "", "self")])
        return {"kind": "resident_medical_insurance", "period": period, "lines": [
            {"ref": member_ref(holder, number), "name": name or "（本人）", "relation": relation,
             "amount_fen": CONTRIBUTION_FEN, "due": (number, period) not in self.contributions}
            for number, name, relation in members]}

    def member_numbers(self, holder: str) -> dict[str, str]:
        """ref → ID number, for the members the holder's quote lists."""
        members = HOUSEHOLDS.get(holder, [(holder, "", "self")])
        return {member_ref(holder, number): number for number, _n, _r in members}

    def create(self, kiosk_id: str, body: dict[str, Any]) -> tuple[SimOrder, bool]:
        number = str(body["order_no"])
        found = self.orders.get(number)
        if found is not None:
            if found.kiosk_id != kiosk_id or found.content != body:
                raise PaymentRefused(409, "order_no_conflict",
                                     "this order number is taken with other content")
            return found, False
        order = SimOrder(number, kiosk_id, dict(body), secrets.token_urlsafe(12),
                         time.monotonic(), self.faults.order_lifetime_s)
        self.orders[number] = order
        return order, True

    async def wait_change(self, o: SimOrder, wait_s: float) -> None:
        """Until the order changes (its notification), `wait_s` passes or it expires. A
        closed order changes no more — unless a payment on its way when it was closed is
        still to land (the `paid_after_close` fault)."""
        self._expire(o)
        if o.status in OPEN:
            wait_s = min(wait_s, o.lifetime_s - (time.monotonic() - o.created))
        elif not (o.status == "closed" and o.landing_late):
            return
        if wait_s <= 0:
            return
        if o.changed is None:
            o.changed = asyncio.Event()
        event = o.changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=wait_s)

    def _notify(self, o: SimOrder) -> None:
        if self.faults.lost_notifications > 0:
            self.faults.lost_notifications -= 1
            return  # the notification is lost: a waiting query learns only when it ends
        if o.changed is not None:
            o.changed.set()
            o.changed = None

    def close(self, kiosk_id: str, order_no: str) -> SimOrder:
        o = self.order_of(kiosk_id, order_no)
        self._expire(o)
        if o.status in ("paid", "refunded"):
            raise PaymentRefused(409, "order_paid", "the order is paid; it cannot be closed")
        if o.status in OPEN and self.faults.paid_after_close > 0:
            # the citizen's payment was already on its way: the close is answered, then the
            # payment lands anyway (the kiosk must refund it)
            self.faults.paid_after_close -= 1
            o.status = "closed"
            o.landing_late = True
            asyncio.get_running_loop().call_later(0.2, self._land_late, o)
            return o
        o.status = "closed"
        self._notify(o)
        return o

    def _land_late(self, o: SimOrder) -> None:
        o.landing_late = False
        self._paid(o)

    def _paid(self, o: SimOrder) -> None:
        o.status = "paid"
        o.failure = None
        o.transaction_id = "4200" + "".join(secrets.choice("0123456789") for _ in range(24))
        o.paid_at = self.clock.now()
        self._notify(o)

    def pay_with_code(self, kiosk_id: str, order_no: str, code: str) -> SimOrder:
        o = self.order_of(kiosk_id, order_no)
        self._expire(o)
        if o.status in ("paid", "refunded") or code in o.codes:
            return o  # never a second charge: a paid order, or this code again
        if o.status == "closed":
            raise PaymentRefused(409, "order_closed", "the order is closed")
        if o.status == "paying":
            return o  # the citizen is confirming in their app
        known = self.codes.get(code)
        if known is None:
            failure: str | None = "code_unknown"
        elif known.used_by is not None:
            failure = "code_used"
        elif known.behaviour == "declines":
            failure = "declined"
        else:
            failure = None
        o.codes[code] = failure
        o.failure = failure
        if failure is None and known is not None:
            known.used_by = o.order_no
            if known.behaviour == "needs_pin" or self.faults.confirm_delay_s > 0:
                o.status = "paying"
                delay = max(self.faults.confirm_delay_s, 0.5 if known.behaviour == "needs_pin"
                            else 0.0)
                asyncio.get_running_loop().call_later(delay, self._confirm, o)
            else:
                self._paid(o)
        return o

    def _confirm(self, o: SimOrder) -> None:
        if o.status == "paying":
            self._paid(o)

    def refund(self, kiosk_id: str, order_no: str, body: dict[str, Any]) -> tuple[dict[str, Any],
                                                                                  bool]:
        o = self.order_of(kiosk_id, order_no)
        refund_no = str(body["refund_no"])
        if refund_no in o.refunds:
            return o.refunds[refund_no], False
        if o.status not in ("paid", "refunded"):
            raise PaymentRefused(409, "order_not_paid", "the order is not paid")
        amount = int(body["amount_fen"])
        if amount > o.amount_fen - o.refunded_fen:
            raise PaymentRefused(409, "refund_exceeds_payment", "more than is left to refund")
        if self.faults.refund_refused > 0:
            self.faults.refund_refused -= 1
            raise PaymentRefused(409, "refund_refused", "the refund was refused for now; try "
                                 "again", retryable=True)
        refund = {"refund_no": refund_no, "order_no": o.order_no, "amount_fen": amount,
                  "status": "refunded",
                  "refunded_at": self.clock.now().isoformat(timespec="seconds")}
        o.refunds[refund_no] = refund
        o.refunded_fen += amount
        if o.refunded_fen >= o.amount_fen:
            o.status = "refunded"
        return refund, True

    def e_receipt(self, kiosk_id: str, order_no: str) -> dict[str, Any]:
        o = self.order_of(kiosk_id, order_no)
        if o.status not in ("paid", "refunded") or o.paid_at is None:
            raise PaymentRefused(409, "not_issued", "no e-receipt: the order is not paid")
        if o.receipt is None:
            self._receipts += 1
            number = f"{self._receipts:010d}"
            code = "44010126"  # region, kind (non-tax revenue), year
            check = hashlib.sha256(f"{code}{number}{o.order_no}".encode()).hexdigest()[:6]
            o.receipt = {
                "code": code, "number": number, "check_code": check,
                "issued_on": o.paid_at.date().isoformat(),
                "payer": str(o.content["payer"]["name"]), "payee": str(o.content["payee"]),
                "amount_fen": o.amount_fen,
                "verify_url": f"https://fiscal-receipt.example.gov.cn/verify?code={code}"
                              f"&number={number}&check={check}"}
        return o.receipt

    def statement(self, kiosk_id: str, day: date) -> dict[str, Any]:
        lines = []
        for o in sorted(self.orders.values(), key=lambda x: x.order_no):
            if o.kiosk_id != kiosk_id or o.paid_at is None or o.transaction_id is None or \
                    o.paid_at.date() != day:
                continue
            lines.append({"order_no": o.order_no, "transaction_id": o.transaction_id,
                          "paid_at": o.paid_at.isoformat(timespec="seconds"),
                          "amount_fen": o.amount_fen, "refunded_fen": o.refunded_fen,
                          "status": "refunded" if o.status == "refunded" else "paid",
                          "fee_fen": o.amount_fen * FEE_PER_10000 // 10000})
        lines = lines[self.faults.statement_missing:]  # the first ones left out
        for i in range(self.faults.statement_extra):  # orders this kiosk never made
            seed = hashlib.sha256(f"{kiosk_id}:{day}:{i}".encode()).hexdigest()
            when = datetime.combine(day, datetime.min.time(), self.clock.zone) + \
                timedelta(hours=9, minutes=i)
            lines.append({"order_no": "YBX" + seed[:20].upper(),
                          "transaction_id": "4200" + str(int(seed[:20], 16))[:24].rjust(24, "0"),
                          "paid_at": when.isoformat(timespec="seconds"),
                          "amount_fen": 10000 + i, "refunded_fen": 0, "status": "paid",
                          "fee_fen": 38})
        return {"day": day.isoformat(), "lines": lines}

    # --- the citizen's phone --------------------------------------------------------------
    def issue_code(self, wallet: str, behaviour: Behaviour) -> str:
        """A payment code as the citizen's app shows it (it pays once)."""
        prefix, length = CODE_PREFIX[wallet], CODE_LENGTH[wallet]
        code = prefix + "".join(secrets.choice("0123456789")
                                for _ in range(length - len(prefix)))
        self.codes[code] = PaymentCode(wallet, behaviour)
        return code

    def pay_by_url(self, token: str, behaviour: Behaviour) -> SimOrder:
        """The phone opened the pay URL of the QR code and the citizen paid (or their bank
        declined)."""
        o = next((x for x in self.orders.values() if x.token == token), None)
        if o is None:
            raise UNKNOWN_ORDER
        self._expire(o)
        if o.status not in OPEN:
            raise PaymentRefused(409, "order_not_open", f"the order is {o.status}")
        if behaviour == "declines":
            o.failure = "declined"
            return o
        if self.faults.confirm_delay_s > 0:
            o.status = "paying"
            asyncio.get_running_loop().call_later(self.faults.confirm_delay_s, self._confirm, o)
            return o
        self._paid(o)
        return o

    # --- the service side (an application standing on a paid order) ----------------------
    def check_paid(self, kiosk_id: str, payment: dict[str, Any]) -> SimOrder:
        try:
            o = self.order_of(kiosk_id, str(payment["order_no"]))
        except PaymentRefused:
            raise PaymentRefused(409, "payment_not_valid", "no such order") from None
        if o.status != "paid" or o.amount_fen != int(payment["amount_fen"]):
            raise PaymentRefused(409, "payment_not_valid",
                                 "the order is not paid, is refunded, or is of another amount")
        return o
