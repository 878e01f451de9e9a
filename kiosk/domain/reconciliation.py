"""对账: the kiosk's payment orders of a day against the platform's statement of that day, line
by line. Pure: the lines come in, the differences go out (kiosk/services/reconciliation.py
fetches both sides).

A difference is one of:
- `missing_from_statement` — the kiosk took money for the order, the statement does not list it;
- `not_at_kiosk` — the statement lists an order the kiosk never made (or never knew as paid);
- `amount_differs` — both list it, for different amounts (paid, or refunded);
- `status_differs` — paid on one side, refunded (or closed unpaid) on the other; or a refund
  the kiosk has asked for and the platform not yet taken.
Nothing personal is compared or listed: order numbers, amounts, states.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["missing_from_statement", "not_at_kiosk", "amount_differs", "status_differs"]
# the kiosk's order states in which the citizen's money was taken
CHARGED = ("paid", "served", "printed", "refunding", "refunded")


@dataclass(frozen=True)
class KioskOrder:
    order_no: str
    state: str  # kiosk/services/payment_orders.py
    amount_fen: int
    refunded_fen: int


@dataclass(frozen=True)
class StatementOrder:
    order_no: str
    status: Literal["paid", "refunded"]
    amount_fen: int
    refunded_fen: int
    fee_fen: int = 0


@dataclass(frozen=True)
class Difference:
    kind: Kind
    order_no: str
    kiosk_state: str | None
    kiosk_fen: int | None
    statement_status: str | None
    statement_fen: int | None


@dataclass
class Totals:
    orders: int = 0
    paid_fen: int = 0
    refunded_fen: int = 0


@dataclass
class Reconciliation:
    day: str
    kiosk: Totals
    statement: Totals
    fee_fen: int
    differences: list[Difference] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"day": self.day, "kiosk": asdict(self.kiosk), "statement": asdict(self.statement),
                "fee_fen": self.fee_fen, "differences": [asdict(d) for d in self.differences]}


def _refunded(state: str) -> bool:
    return state == "refunded"


def compare(day: str, kiosk: list[KioskOrder], statement: list[StatementOrder]
            ) -> Reconciliation:
    """Every order of the day on either side, compared; differences in order-number order."""
    charged = {o.order_no: o for o in kiosk if o.state in CHARGED}
    known = {o.order_no: o for o in kiosk}
    listed = {s.order_no: s for s in statement}
    result = Reconciliation(
        day,
        Totals(len(charged), sum(o.amount_fen for o in charged.values()),
               sum(o.refunded_fen for o in charged.values())),
        Totals(len(listed), sum(s.amount_fen for s in listed.values()),
               sum(s.refunded_fen for s in listed.values())),
        sum(s.fee_fen for s in listed.values()))
    out: list[Difference] = []
    for number in sorted(set(charged) | set(listed)):
        k, s = known.get(number), listed.get(number)
        if s is None:
            assert k is not None
            out.append(Difference("missing_from_statement", number, k.state, k.amount_fen,
                                  None, None))
        elif k is None or k.state not in CHARGED:
            out.append(Difference("not_at_kiosk" if k is None else "status_differs", number,
                                  k.state if k else None, k.amount_fen if k else None,
                                  s.status, s.amount_fen))
        elif k.amount_fen != s.amount_fen or (
                _refunded(k.state) and s.status == "refunded"
                and k.refunded_fen != s.refunded_fen):
            out.append(Difference("amount_differs", number, k.state, k.amount_fen, s.status,
                                  s.amount_fen))
        elif k.state == "refunding" or _refunded(k.state) != (s.status == "refunded"):
            # (a refund the platform has not taken yet is open until it is done)
            out.append(Difference("status_differs", number, k.state, k.amount_fen, s.status,
                                  s.amount_fen))
    result.differences = out
    return result
