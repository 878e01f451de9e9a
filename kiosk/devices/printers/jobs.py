"""Print job bookkeeping shared by both printers: one id per job, so a retry never prints twice,
and a deadline, so a job that could not print in time is dropped (a certificate must never come
out later, for whoever stands at the kiosk then)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.devices.errors import PrintJobFailed


class JobState(StrEnum):
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


@dataclass
class JobRecord:
    job_id: str
    created: float
    state: JobState = JobState.PRINTING
    detail: str = ""


class StaleJob(PrintJobFailed):
    code = "print_failed"


class JobLedger:
    def __init__(self, max_age_s: float = 120.0, keep: int = 500,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s = max_age_s
        self._keep = keep
        self._clock = clock
        self._jobs: OrderedDict[str, JobRecord] = OrderedDict()
        self._lock = threading.Lock()

    def begin(self, job_id: str, created: float | None = None) -> JobRecord | None:
        """Claim `job_id` for printing. Returns None when it already printed (do nothing);
        raises StaleJob when it was created more than max_age_s ago."""
        now = self._clock()
        with self._lock:
            rec = self._jobs.get(job_id)
            if rec is not None and rec.state is JobState.PRINTED:
                return None
            if rec is not None and rec.state is JobState.PRINTING:
                raise PrintJobFailed(f"job {job_id} is already printing")
            born = created if created is not None else (rec.created if rec else now)
            if now - born > self.max_age_s:
                raise StaleJob(f"job {job_id} is {now - born:.0f} s old: dropped, not printed")
            rec = JobRecord(job_id, born)
            self._jobs[job_id] = rec
            self._jobs.move_to_end(job_id)
            while len(self._jobs) > self._keep:
                self._jobs.popitem(last=False)
            return rec

    def finish(self, job_id: str, ok: bool, detail: str = "") -> None:
        with self._lock:
            rec = self._jobs.get(job_id)
            if rec is not None:
                rec.state = JobState.PRINTED if ok else JobState.FAILED
                rec.detail = detail

    def state(self, job_id: str) -> JobState | None:
        with self._lock:
            rec = self._jobs.get(job_id)
            return rec.state if rec else None
