"""What staff and the fleet see of the kiosk's use: one line per visit (day, service, outcome,
seconds, ratings), never who came. Summaries: visits per day, outcomes, the rating
distribution and median durations per service."""

from __future__ import annotations

import json
import os
import statistics
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.domain.clock import KioskClock


class VisitStatistics:
    def __init__(self, path: Path, clock: KioskClock | None = None) -> None:
        self.path = path
        self.clock = clock or KioskClock()  # a visit's day is the kiosk's day, not the machine's

    def record(self, service: str, outcome: str, seconds: float, ratings: list[int]) -> None:
        self._append({"service": service, "outcome": outcome, "seconds": round(seconds, 1),
                      "ratings": ratings})

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
        rows = [r for r in every if "service" in r]  # the visits
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
        }
