"""Starts the simulators a configuration asks for, and tells the registry where they are.

- receipt printer: an ESC/POS sink on loopback TCP, in this process;
- document printer: a cups-pdf queue in the local cupsd (created here when we may);
- smart card: vpcd's virtual reader in pcscd (started by the run script, not by the app);
- ID card reader: `kiosk sim idcard` as a child process on a pty, controlled over its stdin;
- smart cards: `kiosk sim smartcard`, a child process that inserts virtual cards into vpcd;
- the government backend: `kiosk.sim.backend` on loopback (the configured backend_url).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import KioskSettings
from kiosk.devices.printers.sim import ReceiptPrinterSimulator
from kiosk.domain.clock import KioskClock
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.gateway_tls import GatewayEndpoint

if TYPE_CHECKING:
    from kiosk.sim.backend import BackendServer

log = get_logger(__name__)

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
# a stop's budget for the simulated printer's queue (the kiosk's whole stop has 10 s): a
# set-up still under way, then its removal, retried while cupsd is slow to answer
QUEUE_SETUP_WAIT_S = 2.0
QUEUE_REMOVAL_S = 6.0


class SimulatorHub:
    def __init__(self, config: KioskSettings, clock: KioskClock | None = None) -> None:
        self.config = config
        # the simulated world's clock: the kiosk's own, so a scenario's `at:` moves both
        self.clock = clock
        self.receipt: ReceiptPrinterSimulator | None = None
        self.idcard: SimulatorProcess | None = None
        self.smartcard: SimulatorProcess | None = None
        self.backend: BackendServer | None = None
        self.backend_url = config.backend_url  # where the backend really listens
        # the simulated backend's address, authority and this kiosk's certificate from it
        self.backend_endpoint: GatewayEndpoint | None = None
        # the cups-pdf queue of this kiosk's simulated document printer: named after its data
        # folder, so two simulated kiosks on one machine (a trainer's and a test run) never
        # print into each other's folders
        self.document_queue: str | None = None
        # the queue's set-up, once begun: a stop waits for it and then removes what it made,
        # whether it finished, failed half-way (cupsd slow: lpadmin timed out) or was cut short
        self._queue_setup: concurrent.futures.Future[bool] | None = None

    async def start(self) -> None:
        """Start every simulator the config asks for, side by side (start-up time counts)."""
        self.backend_url = self.config.backend_url
        devices = self.config.devices
        jobs: list[Coroutine[Any, Any, Any]] = []
        if self.config.simulate and self.config.backend_url.startswith(
                ("https://127.0.0.1:", "http://127.0.0.1:")):
            jobs.append(self._start_backend())
        if devices.idcard is not None and devices.idcard.adapter == "simulated":
            self.idcard = SimulatorProcess("idcard", "--baud", str(devices.idcard.baud))
            jobs.append(self.idcard.start())
        if devices.smartcard is not None and devices.smartcard.adapter == "simulated" and \
                devices.smartcard.reader in ("Virtual PCD 00 00", "Virtual PCD 00 01"):
            # Virtual cards need vpcd (in pcscd); without it the reader shows as unavailable.
            self.smartcard = SimulatorProcess("smartcard", "--reader", devices.smartcard.reader)
            jobs.append(self.smartcard.start())
        if devices.receipt_printer is not None and devices.receipt_printer.adapter == "simulated":
            self.receipt = ReceiptPrinterSimulator()
            jobs.append(self.receipt.start())
        if devices.document_printer is not None and devices.document_printer.adapter == "simulated":
            self.document_queue = own_queue_name(devices.document_printer.queue,
                                                 self.config.data_dir)
            jobs.append(self._set_up_queue(self.document_queue))
        try:
            # every job to its end before a failure is acted on: a queue still being set up
            # in its thread when another job failed would be left behind by the stop below
            results = await asyncio.gather(*jobs, return_exceptions=True)
            failed = next((r for r in results if isinstance(r, BaseException)), None)
            if failed is not None:
                raise failed
        except BaseException:
            await self.stop()  # a half-started world does not stay behind
            raise

    async def _set_up_queue(self, queue: str) -> None:
        setup: concurrent.futures.Future[bool] = concurrent.futures.Future()
        out_dir = self.config.data_dir / "printed"

        def work() -> None:
            if not setup.set_running_or_notify_cancel():
                return
            try:
                setup.set_result(ensure_cups_pdf_queue(queue, out_dir))
            except BaseException as exc:  # handed to whoever awaits the set-up
                setup.set_exception(exc)

        self._queue_setup = setup
        # its own thread, not the loop's pool: a start cut short does not stop it, and the
        # stop below must be able to wait for it
        threading.Thread(target=work, name="sim-cups-queue", daemon=True).start()
        await asyncio.wrap_future(setup)

    async def _start_backend(self) -> None:
        """The simulated backend on the configured port, or — when that port is taken (another
        kiosk, another program) — on a free one, said at warning level. `backend_url` is where
        this kiosk's gateway client must go."""
        # imported here: its web server (uvicorn, starlette, the contract's schemas) weighs
        # some 15 MB, for nothing in a kiosk whose backend runs elsewhere
        from kiosk.sim.backend import BackendServer

        port = int(self.config.backend_url.rsplit(":", 1)[1].split("/")[0])
        try:
            self.backend = BackendServer(port=port, clock=self.clock)
        except OSError as exc:
            self.backend = BackendServer(port=0, clock=self.clock)
            log.warning("simulated backend port taken; using another",
                        event_id=EventId.SIMULATOR_STARTED, wanted=port,
                        port=self.backend.port, reason=exc.strerror or str(exc))
        await asyncio.to_thread(self.backend.start)
        self.backend_url = self.backend.url
        files = self.backend.kiosk_files(self.config.data_dir / "sim-tls", self.config.kiosk_id)
        self.backend_endpoint = GatewayEndpoint(self.backend.url, files.ca, files.cert,
                                                files.key)

    async def stop(self) -> None:
        """The queue's removal beside the other simulators' stops (each bounded: the kiosk's
        own stop has 10 s); the first failure is raised once all have ended."""
        results = await asyncio.gather(self._remove_queue(), self._stop_simulators(),
                                       return_exceptions=True)
        failed = next((r for r in results if isinstance(r, BaseException)), None)
        if failed is not None:
            raise failed

    async def _remove_queue(self) -> None:
        queue, setup = self.document_queue, self._queue_setup
        self.document_queue = self._queue_setup = None
        if queue is None or setup is None:
            return  # never begun: nothing was made
        # a set-up still under way finishes first (else it could add the queue after)
        await asyncio.to_thread(concurrent.futures.wait, [setup], QUEUE_SETUP_WAIT_S)
        await asyncio.to_thread(remove_cups_pdf_queue, queue)

    async def _stop_simulators(self) -> None:
        if self.receipt is not None:
            await self.receipt.stop()
        for proc in (self.idcard, self.smartcard):
            if proc is not None:
                await proc.stop()
        if self.backend is not None:
            await asyncio.to_thread(self.backend.stop)

    def idcard_port(self) -> str:
        if self.idcard is None or "port" not in self.idcard.hello:
            raise RuntimeError("ID card reader simulator not started")
        return str(self.idcard.hello["port"])

    def document_printer_queue(self) -> str:
        if self.document_queue is None:
            raise RuntimeError("no simulated document printer")
        return self.document_queue

    def receipt_printer_address(self) -> tuple[str, int]:
        if self.receipt is None or not self.receipt.port:
            raise RuntimeError("receipt printer simulator not started")
        return self.receipt.host, self.receipt.port


class SimulatorProcess:
    """A `kiosk sim ...` child process: its hello line, and its control channel."""

    def __init__(self, *args: str) -> None:
        self.args = args
        self.hello: dict[str, Any] = {}
        self._proc: asyncio.subprocess.Process | None = None
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kiosk", "sim", *self.args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )
        assert self._proc.stdout is not None
        line = await asyncio.wait_for(self._proc.stdout.readline(), 20)
        if not line:
            raise RuntimeError(f"the simulator 'kiosk sim {' '.join(self.args)}' did not start")
        self.hello = json.loads(line)

    async def control(self, **command: Any) -> dict[str, Any]:
        """Send one control command (place, insert, remove, fault ...), return its answer."""
        if self._proc is None or self._proc.stdin is None or self._proc.stdout is None:
            raise RuntimeError("simulator not started")
        async with self._lock:
            self._proc.stdin.write((json.dumps(command) + "\n").encode())
            await self._proc.stdin.drain()
            reply: dict[str, Any] = json.loads(await asyncio.wait_for(
                self._proc.stdout.readline(), 10))
        return reply

    async def stop(self) -> None:
        if self._proc is None:
            return
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            await asyncio.wait_for(self._proc.wait(), 5)
        except TimeoutError:
            self._proc.kill()
            await self._proc.wait()
        self._proc = None


def own_queue_name(base: str, data_dir: Path) -> str:
    """`base` with a short digest of the data folder: one queue per simulated kiosk."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:8]
    return f"{base}-{digest}"


def remove_cups_pdf_queue(queue: str, within_s: float = QUEUE_REMOVAL_S) -> bool:
    """The simulated kiosk stops: its queue and its cups-pdf settings go with it. True once
    the scheduler says the queue is gone; False (said at warning level) when it still stands
    after `within_s` — each attempt that fails (cupsd slow to answer under load, a job still
    converting that holds the queue) is tried again rather than taken for success."""
    lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    if os.geteuid() != 0 or not Path(lpadmin).exists():
        return False
    deadline = time.monotonic() + within_s
    reason = ""
    gone = False

    def left() -> float:  # each call waits at most what is left of the time
        return max(0.5, deadline - time.monotonic())

    while True:
        try:
            subprocess.run([lpadmin, "-x", queue], capture_output=True, timeout=left(),
                           check=False)
            standing = cups_queues(timeout_s=left())
            gone = standing is not None and queue not in standing
            if gone:
                break
            if standing is None and not _scheduler_running():
                reason = "cupsd is not running"
                break  # nothing to ask until it runs again (it keeps the queue till then)
            reason = "the scheduler did not answer" if standing is None else "it still stands"
            # a job still converting (the visit's last certificate) can hold the queue: drop it
            subprocess.run(["cancel", "-a", queue], capture_output=True, timeout=left(),
                           check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            reason = str(exc)
        if time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    Path(f"/etc/cups/cups-pdf-{queue}.conf").unlink(missing_ok=True)
    if not gone and reason != "cupsd is not running":  # (then there is no one to tell)
        log.warning("cannot remove the simulated document printer's queue", queue=queue,
                    reason=reason)
    return gone


def _scheduler_running() -> bool:
    try:
        answer = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=2,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and "not running" not in answer.stdout


def cups_queues(timeout_s: float = 10.0) -> set[str] | None:
    """The queues the running scheduler knows; None when it does not answer (not "none")."""
    try:
        answer = subprocess.run(["lpstat", "-e"], capture_output=True, text=True,
                                timeout=timeout_s, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if answer.returncode != 0:
        return None
    return set(answer.stdout.split())


def ensure_cups_pdf_queue(queue: str, out_dir: Path) -> bool:
    """Create the cups-pdf queue `queue` writing PDFs to `out_dir`, if it is missing.

    Needs root and a running cupsd; where either is missing the document printer simply shows
    as unavailable (queue_missing) and the kiosk runs on.
    """
    lpstat = shutil.which("lpstat")
    lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    if lpstat is None or not Path(lpadmin).exists():
        return False
    scheduler = subprocess.run([lpstat, "-r"], capture_output=True, text=True, timeout=5)
    if "not running" in scheduler.stdout or scheduler.returncode != 0:
        return False  # no cupsd: the document printer shows as unavailable, with the reason
    exists = subprocess.run([lpstat, "-p", queue], capture_output=True, text=True,
                            timeout=5).returncode == 0
    if os.geteuid() != 0:
        return exists
    try:
        # Always (re)write the queue's settings: a queue left from an earlier run may point
        # at an output folder that no longer exists.
        out_dir.mkdir(parents=True, exist_ok=True)
        out_dir.chmod(0o755)
        Path(f"/etc/cups/cups-pdf-{queue}.conf").write_text(
            f"Out {out_dir}\nAnonDirName {out_dir}\nUserUMask 0022\nLabel 2\n"
        )
        if not exists:
            subprocess.run(
                [lpadmin, "-p", queue, "-v", f"cups-pdf:/{queue}", "-P", str(CUPS_PDF_PPD),
                 "-E"], check=True, capture_output=True, timeout=10,
            )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot set up the cups-pdf queue", queue=queue, reason=str(exc))
        return False
    return True
