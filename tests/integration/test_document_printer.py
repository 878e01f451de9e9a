"""The CUPS adapter against a real cupsd with a cups-pdf queue."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.devices.base import DeviceState
from kiosk.devices.monitor import probe_now
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.sim.hub import ensure_cups_pdf_queue

pytestmark = pytest.mark.daemon
QUEUE = "kiosk-test-status"


@pytest.fixture(scope="module")
def queue(cupsd_running, tmp_path_factory: pytest.TempPathFactory) -> str:
    out: Path = tmp_path_factory.mktemp("cups-pdf-out")
    assert ensure_cups_pdf_queue(QUEUE, out)
    subprocess.run(["cupsenable", QUEUE], check=True)
    subprocess.run(["cupsaccept", QUEUE], check=True)
    yield QUEUE
    subprocess.run(["lpadmin", "-x", QUEUE], check=False)


async def test_queue_is_ready(queue: str) -> None:
    status, reason = await probe_now(CupsDocumentPrinter("doc", queue, adapter="cups"))
    assert reason is None
    assert status.state is DeviceState.OK
    assert status.detail["device_uri"] == f"cups-pdf:/{queue}"


async def test_stopped_queue_is_an_error_the_ui_can_name(queue: str) -> None:
    subprocess.run(["cupsdisable", queue], check=True)
    try:
        status, _ = await probe_now(CupsDocumentPrinter("doc", queue, adapter="cups"))
    finally:
        subprocess.run(["cupsenable", queue], check=True)
    assert status.state is DeviceState.ERROR
    assert status.code == "queue_stopped"
    assert status.connected


async def test_missing_queue_is_unavailable(cupsd_running) -> None:
    status, reason = await probe_now(
        CupsDocumentPrinter("doc", "no-such-queue", adapter="cups")
    )
    assert status.state is DeviceState.UNAVAILABLE
    assert status.code == "queue_missing"
    assert reason is not None
    assert "no-such-queue" in reason
