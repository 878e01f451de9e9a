"""The A4 document printer behind CUPS (pycups): queue presence and state as a status value.

The simulated document printer is a cups-pdf queue in a real cupsd: same adapter, same calls.

A libcups connection (`cups.Connection`) is not thread-safe: two worker threads using one at
the same time corrupt its HTTP state and can crash the process (seen as a SIGSEGV in
`printFile`/`getJobAttributes` while a status probe ran). So the status connection is used
under a lock, one thread at a time, and every print job opens a connection of its own in the
one worker thread that submits and tracks it.

Nothing personal stays in the print spool: CUPS keeps a job's document file after printing
(`PreserveJobFiles`, a day by default) and its control file for the job history, in clear in
/var/spool/cups. So every job this adapter submits is purged (Cancel-Job with purge-job, which
the job's owner may do) once it ends, printed or not; the install script also sets
`PreserveJobFiles No` for the whole scheduler.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from typing import Any

import cups

from kiosk.devices.base import (
    DetailValue,
    Device,
    DeviceKind,
    DeviceState,
    DeviceStatus,
    run_blocking,
)
from kiosk.devices.errors import (
    DeviceTimeout,
    DeviceUnavailable,
    PaperOut,
    PrinterOffline,
    PrintJobFailed,
)
from kiosk.devices.printers.jobs import JobLedger
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

# IPP printer-state values
_IDLE, _PROCESSING, _STOPPED = 3, 4, 5
# IPP job-state values
_JOB_PENDING, _JOB_HELD, _JOB_PROCESSING, _JOB_STOPPED = 3, 4, 5, 6
_JOB_CANCELED, _JOB_ABORTED, _JOB_COMPLETED = 7, 8, 9
_STATE_NAMES = {_IDLE: "idle", _PROCESSING: "processing", _STOPPED: "stopped"}


class CupsDocumentPrinter(Device):
    kind = DeviceKind.DOCUMENT_PRINTER

    def __init__(
        self, name: str, queue: str, *, adapter: str, timeout_s: float = 5.0,
        simulated: bool = False,
    ) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.queue = queue
        self.timeout_s = timeout_s
        self._conn: Any = None
        self._conn_lock = threading.Lock()  # the status connection: one thread at a time
        self.jobs = JobLedger()

    def _connect(self) -> Any:
        try:
            return cups.Connection()
        except RuntimeError as exc:
            raise DeviceUnavailable(f"CUPS scheduler not reachable: {exc}") from None

    async def _open(self) -> None:
        self._conn = await run_blocking(self.timeout_s, self._connect)

    async def _close(self) -> None:
        with self._conn_lock:
            self._conn = None

    def _queue_attributes(self) -> dict[str, Any]:
        with self._conn_lock:
            if self._conn is None:
                raise DeviceUnavailable("CUPS connection not open")
            return self._queue_attributes_on(self._conn)

    async def probe(self) -> DeviceStatus:
        attrs = await run_blocking(self.timeout_s, self._queue_attributes)
        state = int(attrs.get("printer-state", 0))
        accepting = bool(attrs.get("printer-is-accepting-jobs", True))
        reasons = attrs.get("printer-state-reasons", []) or []
        detail: dict[str, DetailValue] = {
            "queue": self.queue,
            "state": _STATE_NAMES.get(state, str(state)),
            "accepting": accepting,
            "device_uri": str(attrs.get("device-uri", "")),
            "reasons": ",".join(r for r in reasons if r != "none"),
        }
        if state == _STOPPED:
            return DeviceStatus(DeviceState.ERROR, "queue_stopped", detail)
        if not accepting:
            return DeviceStatus(DeviceState.ERROR, "not_accepting", detail)
        if any(r.startswith(("media-empty", "media-needed")) for r in reasons):
            return DeviceStatus(DeviceState.ERROR, "paper_out", detail)
        if any(r.startswith("media-low") for r in reasons):
            return DeviceStatus(DeviceState.WARNING, "paper_low", detail)
        return DeviceStatus(DeviceState.OK, None, detail)

    # --- printing -------------------------------------------------------------------------

    def _submit_and_track(self, pdf: bytes, title: str, deadline_s: float) -> int:
        # This job's own connection, used by this thread alone (see the module's docstring).
        conn = self._connect()
        attrs = self._queue_attributes_on(conn)
        if int(attrs.get("printer-state", 0)) == _STOPPED or \
                not attrs.get("printer-is-accepting-jobs", True):
            raise PrinterOffline(f"the queue {self.queue} is stopped")
        # CUPS copies the file into its spool at submission; ours lives only for that moment,
        # in a private directory.
        with tempfile.TemporaryDirectory(prefix="kiosk-print-") as tmp:
            path = os.path.join(tmp, "document.pdf")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(pdf)
            try:
                cups_job = int(conn.printFile(self.queue, path, title, {}))
            except cups.IPPError as exc:
                raise PrintJobFailed(f"CUPS refused the job: {exc}") from None
        deadline = time.monotonic() + deadline_s
        while True:
            try:
                job = conn.getJobAttributes(cups_job, requested_attributes=[
                    "job-state", "job-state-reasons", "job-printer-state-message"])
            except cups.IPPError as exc:
                raise PrintJobFailed(f"CUPS lost job {cups_job}: {exc}") from None
            state = int(job.get("job-state", 0))
            if state == _JOB_COMPLETED:
                self._purge(conn, cups_job)
                return cups_job
            reasons = job.get("job-state-reasons", "")
            if state in (_JOB_ABORTED, _JOB_CANCELED):
                self._purge(conn, cups_job)
                raise PrintJobFailed(f"job {cups_job} {'aborted' if state == 8 else 'canceled'}"
                                     f" ({reasons})")
            queue_state = int(self._queue_attributes_on(conn).get("printer-state", 0))
            if state == _JOB_STOPPED or queue_state == _STOPPED or time.monotonic() > deadline:
                # Never let a held job print later, for whoever stands at the kiosk then.
                with contextlib.suppress(cups.IPPError):
                    conn.cancelJob(cups_job, purge_job=True)
                if "media" in str(reasons):
                    raise PaperOut(f"job {cups_job}: {reasons}")
                if time.monotonic() > deadline and queue_state != _STOPPED:
                    raise DeviceTimeout(f"job {cups_job} did not finish in {deadline_s:g} s")
                raise PrinterOffline(f"the queue {self.queue} stopped during job {cups_job}")
            time.sleep(0.05)

    def _purge(self, conn: Any, cups_job: int) -> None:
        """Remove an ended job's files (the document, in clear) from CUPS's spool."""
        try:
            conn.cancelJob(cups_job, purge_job=True)
        except cups.IPPError as exc:
            log.warning("a printed job's file was left in the CUPS spool",
                        event_id=EventId.PRINT_SPOOL_NOT_PURGED, device=self.name,
                        cups_job=cups_job, error=str(exc))

    def _queue_attributes_on(self, conn: Any) -> dict[str, Any]:
        try:
            printers: dict[str, dict[str, Any]] = conn.getPrinters()
        except (cups.IPPError, RuntimeError) as exc:
            raise DeviceUnavailable(f"CUPS did not answer: {exc}") from None
        if self.queue not in printers:
            raise DeviceUnavailable(f"CUPS has no queue named {self.queue!r}", code="queue_missing")
        return printers[self.queue]

    async def print_pdf(self, pdf: bytes, *, job: str, title: str = "certificate",
                        deadline_s: float = 120.0, created: float | None = None) -> int | None:
        """Print `pdf` and wait for CUPS to finish it. Returns the CUPS job id, or None when
        this job id already printed. Raises PrinterOffline (queue stopped), PaperOut,
        PrintJobFailed (aborted or canceled), DeviceTimeout (cancelled at the deadline)."""
        if self.jobs.begin(job, created) is None:
            return None
        try:
            cups_job = await run_blocking(deadline_s + 5, self._submit_and_track, pdf, title,
                                          deadline_s)
        except Exception as exc:
            self.jobs.finish(job, False, str(exc))
            log.warning("document not printed", event_id=EventId.DOCUMENT_PRINT_FAILED,
                        device=self.name, job=job, error=str(exc))
            raise
        self.jobs.finish(job, True)
        log.info("document printed", event_id=EventId.DOCUMENT_PRINTED, device=self.name,
                 job=job, cups_job=cups_job, size=len(pdf))
        return cups_job
