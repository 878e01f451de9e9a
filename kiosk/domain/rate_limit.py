"""A limit on how often something may happen, as a pure rule over the times it happened: at
most `per_window` in any `window_s` seconds, and at least `min_gap_s` between two. Used for
卡片评, the anonymous rating anyone may give from a kiosk's home screen: without a person or a
case behind it, only the rate says it is not being stuffed — the kiosk refuses in words before
it sends, and the platform keeps a limit of its own per kiosk.

Times are seconds on a monotonic clock (durations, not dates).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field


@dataclass
class RateLimit:
    per_window: int
    window_s: float
    min_gap_s: float = 0.0
    _times: deque[float] = field(default_factory=deque)

    def wait_s(self, now: float) -> float:
        """Seconds until one more is allowed (0: now)."""
        while self._times and self._times[0] <= now - self.window_s:
            self._times.popleft()
        waits = [0.0]
        if self._times:
            waits.append(self._times[-1] + self.min_gap_s - now)
        if self.per_window <= 0:
            return math.inf
        if len(self._times) >= self.per_window:
            waits.append(self._times[-self.per_window] + self.window_s - now)
        return max(waits)

    def take(self, now: float) -> float:
        """Count one at `now` if allowed and return 0; else count nothing and return the
        seconds to wait."""
        wait = self.wait_s(now)
        if wait <= 0:
            self._times.append(now)
            return 0.0
        return wait
