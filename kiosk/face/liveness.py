"""Liveness by a head-turn challenge, from YuNet's five landmarks.

The citizen looks at the camera (a frontal baseline is taken from their own first frames),
then is asked to turn their head one way. Yaw is the nose's offset from the eye midpoint in
eye distances; the challenge passes when it moves past `threshold` from the baseline in the
asked direction. A static face (a printed photo) or a turn the wrong way never passes, and
times out. No blink test: smiling faces fall under the usual eye-aspect cut-offs.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from enum import StrEnum


class Turn(StrEnum):
    LEFT = "left"  # nose moves toward the image's left (yaw decreases)
    RIGHT = "right"  # toward the image's right (yaw increases)


class ChallengeState(StrEnum):
    BASELINE = "baseline"
    TURN = "turn"
    PASSED = "passed"
    TIMED_OUT = "timed_out"


@dataclass
class HeadTurnChallenge:
    direction: Turn
    threshold: float = 0.12
    timeout_s: float = 8.0
    baseline_frames: int = 3
    _baseline: list[float] = field(default_factory=list)
    _started: float | None = None
    state: ChallengeState = ChallengeState.BASELINE

    @property
    def baseline(self) -> float | None:
        return statistics.median(self._baseline) if len(self._baseline) >= \
            self.baseline_frames else None

    def observe(self, yaw: float, now: float) -> ChallengeState:
        """Feed one frame's yaw at time `now` (seconds); returns the new state."""
        if self._started is None:
            self._started = now
        if self.state in (ChallengeState.PASSED, ChallengeState.TIMED_OUT):
            return self.state
        if now - self._started > self.timeout_s:
            self.state = ChallengeState.TIMED_OUT
            return self.state
        if self.state is ChallengeState.BASELINE:
            self._baseline.append(yaw)
            if self.baseline is not None:
                self.state = ChallengeState.TURN
            return self.state
        base = self.baseline
        assert base is not None
        delta = yaw - base
        if (self.direction is Turn.RIGHT and delta >= self.threshold) or \
                (self.direction is Turn.LEFT and delta <= -self.threshold):
            self.state = ChallengeState.PASSED
        return self.state

    def tick(self, now: float) -> ChallengeState:
        """Advance the clock without a usable frame (no face seen)."""
        if self._started is not None and self.state not in (ChallengeState.PASSED,
                                                            ChallengeState.TIMED_OUT) \
                and now - self._started > self.timeout_s:
            self.state = ChallengeState.TIMED_OUT
        return self.state
