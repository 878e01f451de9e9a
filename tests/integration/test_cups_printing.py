"""Printing through a real cupsd: a cups-pdf queue for the good path, a stopped queue, and a
queue whose backend always fails. Whatever happens to a job, its document leaves no file in
CUPS's spool (/var/spool/cups: d<job>-<n> data, c<job> control)."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from kiosk.devices.errors import PrinterOffline, PrintJobFailed
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.sim.hub import ensure_cups_pdf_queue

pytestmark = pytest.mark.daemon
PDF_QUEUE, FAIL_QUEUE = "kiosk-test-pdf", "kiosk-test-fail"
FAIL_BACKEND = Path("/usr/lib/cups/backend/kioskfail")
SPOOL = Path("/var/spool/cups")


def spooled(job: int) -> list[str]:
    """The files CUPS keeps for `job` in its spool."""
    return sorted(p.name for p in SPOOL.glob(f"[cd]{job:05d}*"))


@pytest.fixture(scope="module")
def pdf_queue(cupsd_running, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("cups-pdf-out")
    out.chmod(0o777)
    assert ensure_cups_pdf_queue(PDF_QUEUE, out)
    subprocess.run(["cupsenable", PDF_QUEUE], check=True)
    subprocess.run(["cupsaccept", PDF_QUEUE], check=True)
    yield out
    subprocess.run(["lpadmin", "-x", PDF_QUEUE], check=False)


@pytest.fixture(scope="module")
def fail_queue(cupsd_running):
    FAIL_BACKEND.write_text("#!/bin/sh\n"
                            'if [ $# -eq 0 ]; then echo \'direct kioskfail "Test" '
                            '"Always failing printer"\'; exit 0; fi\n'
                            "cat >/dev/null\necho 'ERROR: simulated printer fault' >&2\nexit 1\n")
    FAIL_BACKEND.chmod(stat.S_IRWXU)
    subprocess.run(["lpadmin", "-p", FAIL_QUEUE, "-v", "kioskfail:/", "-m", "raw", "-E",
                    "-o", "printer-error-policy=abort-job"], check=True, capture_output=True)
    yield FAIL_QUEUE
    subprocess.run(["lpadmin", "-x", FAIL_QUEUE], check=False)
    FAIL_BACKEND.unlink(missing_ok=True)


def sample_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(100, 700, "Yiban Kiosk CUPS test page")
    c.showPage()
    c.save()
    return buf.getvalue()


async def test_pdf_prints_and_lands_in_cups_pdf_output(pdf_queue: Path) -> None:
    printer = CupsDocumentPrinter("doc", PDF_QUEUE, adapter="cups")
    await printer.open()
    try:
        job = await printer.print_pdf(sample_pdf(), job="CASE-1:certificate", title="CASE-1",
                                      deadline_s=30)
        assert job is not None
        deadline = time.monotonic() + 10
        found: list[Path] = []
        while time.monotonic() < deadline and not found:
            found = [p for p in pdf_queue.rglob(f"*job_{job}*.pdf")]
            time.sleep(0.05)
        assert found, f"no output for job {job} in {pdf_queue}: {list(pdf_queue.rglob('*'))}"
        assert found[0].read_bytes().startswith(b"%PDF")
        assert spooled(job) == []  # printed: the certificate is not kept in the spool
        # the same job again: nothing is printed twice
        assert await printer.print_pdf(sample_pdf(), job="CASE-1:certificate") is None
    finally:
        await printer.close()


async def test_stopped_queue_is_refused_before_printing(pdf_queue: Path) -> None:
    subprocess.run(["cupsdisable", PDF_QUEUE], check=True)
    printer = CupsDocumentPrinter("doc", PDF_QUEUE, adapter="cups")
    await printer.open()
    try:
        with pytest.raises(PrinterOffline, match="stopped"):
            await printer.print_pdf(sample_pdf(), job="CASE-2:certificate", deadline_s=10)
    finally:
        subprocess.run(["cupsenable", PDF_QUEUE], check=True)
        await printer.close()
    jobs = subprocess.run(["lpstat", "-o", PDF_QUEUE], capture_output=True, text=True).stdout
    assert jobs.strip() == ""  # nothing left queued to print later


async def test_failing_job_is_reported(fail_queue: str) -> None:
    printer = CupsDocumentPrinter("doc", fail_queue, adapter="cups")
    await printer.open()
    try:
        with pytest.raises((PrintJobFailed, PrinterOffline)) as exc:
            await printer.print_pdf(sample_pdf(), job="CASE-3:certificate", deadline_s=20)
        assert exc.value.code in ("print_failed", "printer_offline")
        assert "job " in str(exc.value)
        failed = int(str(exc.value).split("job ", 1)[1].split()[0])
        assert spooled(failed) == []  # not printed: not kept either
    finally:
        await printer.close()
        subprocess.run(["cupsenable", fail_queue], check=False)
    assert os.path.exists(FAIL_BACKEND)


def test_a_simulated_kiosks_queue_goes_even_when_cupsd_answers_late(
        cupsd_running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under load the scheduler can be slow: the simulated printer's queue must still go when
    the kiosk stops (a queue left behind prints the next run's certificates into a folder
    that no longer exists). The first two removals time out here; the third is real."""
    from kiosk.sim import hub

    queue = hub.own_queue_name("kiosk-test-late", tmp_path)
    assert hub.ensure_cups_pdf_queue(queue, tmp_path / "printed")
    real_run = subprocess.run
    timed_out: list[str] = []

    def slow_first(args: list[str], *a: object, **kw: object) -> object:
        if args[-2:] == ["-x", queue] and len(timed_out) < 2:
            timed_out.append(queue)
            raise subprocess.TimeoutExpired(args, 10)
        return real_run(args, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(hub.subprocess, "run", slow_first)
    try:
        assert hub.remove_cups_pdf_queue(queue, within_s=15)
    finally:
        monkeypatch.undo()
        subprocess.run(["lpadmin", "-x", queue], capture_output=True, check=False)
    assert len(timed_out) == 2
    assert subprocess.run(["lpstat", "-p", queue], capture_output=True).returncode != 0
    assert not Path(f"/etc/cups/cups-pdf-{queue}.conf").exists()


async def test_a_simulated_world_that_fails_to_start_leaves_no_queue(
        cupsd_running, sim_config, monkeypatch: pytest.MonkeyPatch) -> None:
    """One simulator fails while the printer's queue is still being set up in its thread:
    the hub stops what it started, and the queue does not appear afterwards."""
    from kiosk.sim import hub

    async def fails(self: hub.SimulatorProcess) -> None:
        raise RuntimeError("the ID card reader simulator did not start")

    monkeypatch.setattr(hub.SimulatorProcess, "start", fails)
    world = hub.SimulatorHub(sim_config)
    assert sim_config.devices.document_printer is not None
    queue = hub.own_queue_name(sim_config.devices.document_printer.queue, sim_config.data_dir)
    try:
        with pytest.raises(RuntimeError, match="did not start"):
            await world.start()
        standing = hub.cups_queues()
        assert standing is not None, "cupsd did not answer"
        assert queue not in standing
    finally:
        subprocess.run(["lpadmin", "-x", queue], capture_output=True, check=False)


@pytest.mark.parametrize("how", ["start cut short", "set-up said it failed"])
async def test_a_queue_being_set_up_when_the_world_stops_does_not_stay(
        how: str, cupsd_running, sim_config, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk is stopped while its printer's queue is still being made (a start cut short),
    or the set-up gave up half-way (cupsd slow: lpadmin timed out after the queue was made):
    the stop waits for the set-up, then removes what it made."""
    import asyncio

    from kiosk.sim import hub

    real_setup = hub.ensure_cups_pdf_queue

    def slow_setup(queue: str, out_dir: Path) -> bool:
        time.sleep(0.5)
        made = real_setup(queue, out_dir)
        return made and how == "start cut short"

    monkeypatch.setattr(hub, "ensure_cups_pdf_queue", slow_setup)
    config = sim_config.model_copy(update={"devices": sim_config.devices.model_copy(
        update={"idcard": None, "smartcard": None, "receipt_printer": None})})
    assert config.devices.document_printer is not None
    queue = hub.own_queue_name(config.devices.document_printer.queue, config.data_dir)
    world = hub.SimulatorHub(config)
    try:
        starting = asyncio.ensure_future(world.start())
        if how == "start cut short":
            await asyncio.sleep(0.1)
            starting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await starting
        await world.stop()
        await asyncio.sleep(0.8)  # past the set-up's own end
        standing = hub.cups_queues()
        assert standing is not None, "cupsd did not answer"
        assert queue not in standing
    finally:
        subprocess.run(["lpadmin", "-x", queue], capture_output=True, check=False)
