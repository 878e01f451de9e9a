"""卡片评 on the kiosk: anyone may rate the hall, one of its counters or a service item from the
home screen, without identifying — no case, no person. Five levels, and for 不满意 and 非常不满意
a reason (GB/T 39734). The rating goes through the outbox like the kiosk's other ratings.

Nothing behind it but the rating itself, so the kiosk keeps it from being stuffed: at most one
every `card_gap_s` and `card_per_10_minutes` in any ten minutes on this kiosk
(kiosk/domain/rate_limit.py), refused in words before anything is sent; the platform limits per
kiosk too (429: the outbox tries later).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.rate_limit import RateLimit
from kiosk.events import EventId
from kiosk.logging import get_logger

if TYPE_CHECKING:  # the ports bring the whole flow stack; this module is on the home screen
    from kiosk.flows.ports import FlowPorts

log = get_logger(__name__)

OUTBOX_SERVICE = "card_rating"
WINDOW_S = 600.0  # the kiosk's limit counts in any ten minutes


@dataclass(frozen=True)
class CardRating:
    subject: Literal["hall", "counter", "service"]
    level: int  # 5 非常满意 … 1 非常不满意
    reasons: tuple[str, ...] = ()
    counter: str = ""  # subject counter: which, as the hall's sign reads
    item_code: str = ""  # subject service: which item
    comment: str = ""


@dataclass(frozen=True)
class CardRated:
    recorded: bool
    words: str  # thanks, or why not, in the citizen's language


class CardRatings:
    def __init__(self, ports: FlowPorts, limit: RateLimit, counters: tuple[str, ...] = (), *,
                 monotonic: Callable[[], float] = time.monotonic,
                 on_rated: Callable[[int], None] | None = None) -> None:
        self.ports = ports
        self.limit = limit
        self.counters = counters
        self._now = monotonic
        self.on_rated = on_rated  # (level): statistics

    def problem(self, rating: CardRating, locale: str) -> str:
        """What is missing from `rating`, in the citizen's words ("" if nothing)."""
        if not 1 <= rating.level <= 5:
            return visit_message("card_rating_level", locale)
        if rating.level <= 2 and not (rating.reasons or rating.comment.strip()):
            return visit_message("card_rating_reason", locale)
        if rating.subject == "counter" and rating.counter not in self.counters:
            return visit_message("card_rating_what", locale)
        if rating.subject == "service" and rating.item_code not in {
                s.item_code for s in self.ports.catalog.services.values()}:
            return visit_message("card_rating_what", locale)
        return ""

    async def rate(self, rating: CardRating, locale: str) -> CardRated:
        missing = self.problem(rating, locale)
        if missing:
            return CardRated(False, missing)
        wait = self.limit.take(self._now())
        if wait > 0:
            log.info("anonymous rating refused", event_id=EventId.CARD_RATING_TOO_SOON,
                     wait_s=round(wait))
            return CardRated(False, visit_message("card_rating_too_soon", locale,
                                                  seconds=str(math.ceil(wait))))
        p = self.ports
        body = {"kiosk_id": p.kiosk_id, "subject": rating.subject, "level": rating.level,
                "reasons": list(rating.reasons)[:10],
                **({"counter": rating.counter} if rating.subject == "counter" else {}),
                **({"item_code": rating.item_code} if rating.subject == "service" else {}),
                **({"comment": rating.comment.strip()[:200]} if rating.comment.strip() else {})}
        entry = p.outbox.put("card_rating", body, service=OUTBOX_SERVICE)
        await p.uploader.deliver_within(entry, p.submit_wait_s)
        log.info("anonymous rating", event_id=EventId.CARD_RATED, level=rating.level,
                 subject=rating.subject)
        if self.on_rated is not None:
            try:
                self.on_rated(rating.level)
            except Exception as exc:  # statistics must never stop a citizen
                log.error("anonymous rating not counted", error=type(exc).__name__)
        return CardRated(True, visit_message("card_rating_thanks", locale))
