"""What staff and the fleet see of the kiosk's use: one line per visit (day, service, outcome,
seconds, ratings; how many policies were shown and taken up, whether the receipt carried a
rating code and the citizen chose to rate later), one per check-in (how it ended) and one per
anonymous rating (its level) — never who came, nor which policies anyone was offered.
Summaries: visits per day, outcomes, the rating distribution, median durations per service,
政策找人 asked / agreed / shown / taken, check-ins by how they ended, ratings by channel."""

from __future__ import annotations

import json
import os
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.domain.clock import KioskClock


@dataclass(frozen=True)
class OffersCount:
    """政策找人 in one visit, as counts: whether the citizen agreed, how many policies were
    shown, how many taken up (never which)."""

    consent: bool
    shown: int = 0
    taken: int = 0


class VisitStatistics:
    def __init__(self, path: Path, clock: KioskClock | None = None) -> None:
        self.path = path
        self.clock = clock or KioskClock()  # a visit's day is the kiosk's day, not the machine's

    def record(self, service: str, outcome: str, seconds: float, ratings: list[int], *,
               offers: OffersCount | None = None, rating_code: bool = False,
               rated_later: bool = False) -> None:
        row: dict[str, Any] = {"service": service, "outcome": outcome,
                               "seconds": round(seconds, 1), "ratings": ratings}
        if offers is not None:
            row["offers"] = {"consent": offers.consent, "shown": offers.shown,
                             "taken": offers.taken}
        if rating_code:
            row["rating_code"] = True
        if rated_later:
            row["rated_later"] = True
        self._append(row)

    def record_card_rating(self, level: int) -> None:
        """卡片评: an anonymous rating from the home screen (its level only)."""
        self._append({"card_rating": level})

    def record_check_in(self, why: str) -> None:
        """A check-in at the home screen (预约签到): on_time, early, late, or why not."""
        self._append({"check_in": why})

    def record_refusal(self, reason: str) -> None:
        """A credential refused at identification (`reason`: its error code)."""
        self._append({"refusal": reason})

    def _append(self, row: dict[str, Any]) -> None:
        day = self.clock.today().isoformat()
        line = json.dumps({"day": day, **row})
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def _rows(self, days: int) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        since = (self.clock.today() - timedelta(days=days)).isoformat()
        rows = [json.loads(x) for x in lines if x.strip()]
        return [r for r in rows if r["day"] > since]

    def summary(self, days: int = 14) -> dict[str, Any]:
        every = self._rows(days)
        refusals = Counter(r["refusal"] for r in every if "refusal" in r)
        check_ins = Counter(r["check_in"] for r in every if "check_in" in r)
        cards = Counter(r["card_rating"] for r in every if "card_rating" in r)
        rows = [r for r in every if "service" in r]  # the visits
        asked = [r["offers"] for r in rows if "offers" in r]
        per_day = Counter(r["day"] for r in rows)
        outcomes = Counter(r["outcome"] for r in rows)
        ratings = Counter(level for r in rows for level in r["ratings"])
        by_service: dict[str, list[float]] = {}
        for r in rows:
            by_service.setdefault(r["service"], []).append(r["seconds"])
        return {
            "visits": len(rows),
            "per_day": [{"day": d, "visits": n} for d, n in sorted(per_day.items())],
            "outcomes": dict(outcomes),
            "ratings": {str(level): ratings.get(level, 0) for level in range(5, 0, -1)},
            "median_seconds": {s: round(statistics.median(v), 1)
                               for s, v in sorted(by_service.items())},
            "refusals": dict(refusals),  # credentials refused at identification, by reason
            "check_ins": dict(check_ins),  # 预约签到: on_time, early, late, or why not
            # 政策找人: visits asked, citizens who agreed, policies shown and taken up
            "offers": {"asked": len(asked), "consented": sum(1 for o in asked if o["consent"]),
                       "shown": sum(o["shown"] for o in asked),
                       "taken": sum(o["taken"] for o in asked)},
            # 好差评 by channel: on this screen after a visit, chosen to rate later on the phone
            # (扫码评; the receipts that carried a code beside), anonymous cards (卡片评)
            "ratings_by_channel": {
                "self_service_terminal": sum(len(r["ratings"]) for r in rows),
                "mobile_later": sum(1 for r in rows if r.get("rated_later")),
                "rating_codes": sum(1 for r in rows if r.get("rating_code")),
                "anonymous_card": sum(cards.values())},
            "card_ratings": {str(level): cards.get(level, 0) for level in range(5, 0, -1)},
        }
