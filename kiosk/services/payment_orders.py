"""The kiosk's payment orders, durable: a table in the encrypted outbox's database (SQLite, WAL,
synchronous=FULL), changed only in transactions with the application each order pays for.

An order's life (docs/payments.md):

    created ─▶ shown ─▶ paid ─▶ served ─▶ printed
       │         │        │
       └────┬────┘        └─▶ refunding ─▶ refunded      (the service could not be done)
            ▼
          closed ─▶ refunding ─▶ refunded                (paid after the kiosk closed it)

- `created` is written, with its application held in the outbox, before the order is sent to
  the platform, and so before any QR code is shown: whatever happens next, the kiosk knows
  the order exists and can ask the platform about it.
- `paid` and the application's release are one transaction: a paid order's service is always
  on its way (the uploader sends it), or its money on its way back.
- `closed` (unpaid) and `refunded` withdraw the held or refused application: nothing personal
  stays, and nothing sends it.
- `served` (the backend recorded the service) and `printed` (the receipt is out) are the good
  ends; `closed` and `refunded` the others.

No personal data here: the order number, the service, the amount, the platform's transaction
id and the e-receipt's numbers. The payer's name travels only in the held application
(encrypted) and to the platform.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.outbox import Outbox

log = get_logger(__name__)

State = Literal["created", "shown", "paid", "served", "printed", "closed", "refunding",
                "refunded"]
UNFINISHED: tuple[State, ...] = ("created", "shown", "paid", "refunding")
PAID_AND_SERVED: tuple[State, ...] = ("served", "printed")
# from which states each state can be reached (a late or repeated step changes nothing)
_FROM: dict[State, tuple[State, ...]] = {
    "shown": ("created",),
    "paid": ("created", "shown"),
    "served": ("paid",),
    "printed": ("served",),
    "closed": ("created", "shown"),
    "refunding": ("paid", "closed"),
    "refunded": ("refunding",),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS payment_orders (
    order_no TEXT PRIMARY KEY,      -- the kiosk's own number: the platform's idempotency key
    service TEXT NOT NULL,          -- service id (not personal)
    item_code TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    state TEXT NOT NULL,
    day TEXT NOT NULL,              -- the kiosk's calendar day it was made (YYYY-MM-DD)
    created_at REAL NOT NULL,       -- UTC seconds
    updated_at REAL NOT NULL,
    application TEXT,               -- the outbox item that records the service
    transaction_id TEXT,            -- the platform's, once paid
    paid_day TEXT,                  -- the kiosk's calendar day the payment was confirmed
    refund_no TEXT,
    refund_reason TEXT,             -- service_not_done | paid_after_close | staff
    refunded_fen INTEGER NOT NULL DEFAULT 0,
    e_receipt TEXT,                 -- JSON: code, number, check_code, verify_url
    note TEXT                       -- the last problem settling it (no personal data)
);
CREATE INDEX IF NOT EXISTS payment_orders_state ON payment_orders(state);
CREATE INDEX IF NOT EXISTS payment_orders_day ON payment_orders(day);
"""


@dataclass(frozen=True)
class Order:
    order_no: str
    service: str
    item_code: str
    amount_fen: int
    state: State
    day: str
    created_at: float
    updated_at: float
    application: str | None
    transaction_id: str | None
    paid_day: str | None
    refund_no: str | None
    refund_reason: str | None
    refunded_fen: int
    e_receipt: dict[str, str] | None
    note: str | None

    @property
    def charged_fen(self) -> int:
        """What the citizen is out of pocket for this order, as far as the kiosk knows."""
        if self.state in ("paid", "served", "printed", "refunding"):
            return self.amount_fen - self.refunded_fen
        return 0


_COLUMNS = ("order_no, service, item_code, amount_fen, state, day, created_at, updated_at, "
            "application, transaction_id, paid_day, refund_no, refund_reason, refunded_fen, "
            "e_receipt, note")


def _order(row: tuple[Any, ...]) -> Order:
    values = list(row)
    values[14] = json.loads(values[14]) if values[14] else None
    return Order(*values)


class OrderNotKnown(LookupError):
    pass


class OrderBook:
    """The payment orders in the outbox's database, each state change durable when the call
    returns. `on_change(order_no, state)` hears of every change (the settler, the tests)."""

    def __init__(self, outbox: Outbox, *, clock: Callable[[], float] = time.time) -> None:
        self.outbox = outbox
        self._clock = clock
        self.listeners: list[Callable[[str, State], None]] = []
        with outbox.transaction() as tx:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    tx.execute(statement)

    # --- reading --------------------------------------------------------------------------
    def get(self, order_no: str) -> Order:
        with self.outbox.reading() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM payment_orders "  # noqa: S608
                             "WHERE order_no = ?", (order_no,)).fetchone()
        if row is None:
            raise OrderNotKnown(order_no)
        return _order(row)

    def unfinished(self) -> list[Order]:
        """Orders not yet at an end (paid and served, closed, refunded), oldest first."""
        marks = ", ".join("?" for _ in UNFINISHED)
        with self.outbox.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM payment_orders "  # noqa: S608
                              f"WHERE state IN ({marks}) ORDER BY created_at",
                              UNFINISHED).fetchall()
        return [_order(r) for r in rows]

    def closed_since(self, since: float) -> list[Order]:
        """Orders closed unpaid after `since` (UTC seconds): a late payment may still land."""
        with self.outbox.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM payment_orders "  # noqa: S608
                              "WHERE state = 'closed' AND updated_at >= ? ORDER BY updated_at",
                              (since,)).fetchall()
        return [_order(r) for r in rows]

    def of_day(self, day: date) -> list[Order]:
        """The orders made, or paid, on the kiosk's calendar day `day`."""
        text = day.isoformat()
        with self.outbox.reading() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM payment_orders "  # noqa: S608
                              "WHERE day = ? OR paid_day = ? ORDER BY created_at",
                              (text, text)).fetchall()
        return [_order(r) for r in rows]

    # --- writing --------------------------------------------------------------------------
    def open(self, order_no: str, *, service: str, item_code: str, amount_fen: int, day: date,
             application: dict[str, Any]) -> Order:
        """A new order, `created`, with the application it pays for held in the outbox: both
        on disk when this returns (before the order goes to the platform)."""
        now = self._clock()
        with self.outbox.transaction() as tx:
            item = tx.put("application", application, service=service, held=True)
            tx.execute(f"INSERT INTO payment_orders ({_COLUMNS}) "  # noqa: S608
                       "VALUES (?, ?, ?, ?, 'created', ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0, "
                       "NULL, NULL)",
                       (order_no, service, item_code, amount_fen, day.isoformat(), now, now,
                        item))
        log.info("payment order created", event_id=EventId.PAYMENT_ORDER_CREATED,
                 order=order_no, service=service, amount_fen=amount_fen)
        self._told(order_no, "created")
        return self.get(order_no)

    def advance(self, order_no: str, state: State, **facts: Any) -> bool:
        """Move the order to `state` (with `facts`: transaction_id, paid_day, refund_no,
        refund_reason, refunded_fen, e_receipt, note) if it may go there from where it is;
        False (nothing changed) otherwise. Reaching `paid` releases the held application,
        reaching `closed` or `refunded` withdraws it — in the same transaction."""
        allowed = _FROM[state]
        sets = ["state = ?", "updated_at = ?"]
        values: list[Any] = [state, self._clock()]
        for key, value in facts.items():
            if key not in ("transaction_id", "paid_day", "refund_no", "refund_reason",
                           "refunded_fen", "e_receipt", "note"):
                raise ValueError(f"not an order fact: {key}")
            sets.append(f"{key} = ?")
            values.append(json.dumps(value) if key == "e_receipt" and value is not None
                          else value)
        marks = ", ".join("?" for _ in allowed)
        with self.outbox.transaction() as tx:
            # the column names come from the list above, never from a caller's text
            changed = tx.execute(
                f"UPDATE payment_orders SET {', '.join(sets)} "  # noqa: S608
                f"WHERE order_no = ? AND state IN ({marks})",
                (*values, order_no, *allowed)).rowcount > 0
            if changed:
                row = tx.execute("SELECT application FROM payment_orders WHERE order_no = ?",
                                 (order_no,)).fetchone()
                item = row[0] if row else None
                if item and state == "paid":
                    tx.release(item)
                elif item and state in ("closed", "refunded"):
                    tx.withdraw(item)
        if changed:
            log.info("payment order state", event_id=EventId.PAYMENT_ORDER_STATE,
                     order=order_no, state=state)
            self._told(order_no, state)
        return changed

    def record_e_receipt(self, order_no: str, numbers: dict[str, str]) -> None:
        """The fiscal e-receipt's numbers, kept with the order (reprints, staff)."""
        with self.outbox.transaction() as tx:
            tx.execute("UPDATE payment_orders SET e_receipt = ? WHERE order_no = ?",
                       (json.dumps(numbers), order_no))

    def note(self, order_no: str, note: str) -> None:
        """What stands in the way of settling the order now (for staff; no personal data)."""
        with self.outbox.transaction() as tx:
            tx.execute("UPDATE payment_orders SET note = ?, updated_at = updated_at WHERE "
                       "order_no = ?", (note[:200], order_no))

    def _told(self, order_no: str, state: State) -> None:
        for listener in list(self.listeners):
            try:
                listener(order_no, state)
            except Exception as exc:  # a listener never undoes a durable change
                log.error("order listener failed", error=type(exc).__name__)
