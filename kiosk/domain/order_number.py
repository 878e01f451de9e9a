"""The kiosk's own numbers for payment orders and refunds: letters and digits, at most 32
characters, unique per merchant — the platform's idempotency key, so a number is made once,
written to the outbox, and only then sent (a retry sends the same number, never a new one).

`YB` + the kiosk's local time to the second + 10 random hex digits (40 bits: two orders in the
same second collide once in a million million). A refund's number is its order's with `R` and
the attempt at refunding that order (`R1`): the same refund is asked again under the same
number, whatever crashed in between.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

ORDER_NUMBER = re.compile(r"^[A-Za-z0-9]{6,32}$")


def new_order_number(now: datetime) -> str:
    return f"YB{now:%Y%m%d%H%M%S}{secrets.token_hex(5).upper()}"


def refund_number(order_no: str, attempt: int = 1) -> str:
    """The number of the `attempt`-th refund of `order_no` (one per order in practice)."""
    number = f"{order_no[:29]}R{attempt}"
    if not ORDER_NUMBER.fullmatch(number):
        raise ValueError("not an order number")
    return number
