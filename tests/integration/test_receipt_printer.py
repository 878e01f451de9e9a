"""The real ESC/POS adapter against the receipt printer simulator over loopback TCP."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from kiosk.config import MonitorConfig
from kiosk.devices.base import DeviceState
from kiosk.devices.errors import CoverOpen, PaperOut
from kiosk.devices.monitor import DeviceMonitor
from kiosk.devices.printers.escpos_status import Paper
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import TcpTransport
from kiosk.devices.printers.sim import ReceiptPrinterSimulator


@pytest.fixture
async def sim():
    s = ReceiptPrinterSimulator()
    await s.start()
    yield s
    await s.stop()


def printer_for(sim: ReceiptPrinterSimulator, timeout_s: float = 1.0) -> EscposReceiptPrinter:
    return EscposReceiptPrinter("receipt_printer", TcpTransport("127.0.0.1", sim.port, timeout_s),
                                adapter="escpos-network", timeout_s=timeout_s)


async def test_self_test_ticket_comes_out_of_the_printer(sim: ReceiptPrinterSimulator) -> None:
    p = printer_for(sim)
    await p.open()
    try:
        status = await p.probe()
        assert status.state is DeviceState.OK
        assert status.detail["paper"] == "ok"
        data = p.self_test_ticket("KIOSK-T1", datetime(2026, 11, 23, 9, 30))
        await p.print_bytes(data, job="selftest-1")
        for _ in range(100):
            if sim.receipts:
                break
            await asyncio.sleep(0.01)
    finally:
        await p.close()
    assert len(sim.receipts) == 1
    text = sim.receipts[0].text
    assert "YIBAN KIOSK" in text
    assert "KIOSK-T1" in text
    assert "2026-11-23 09:30:00" in text
    assert sim.unknown_commands == []


async def test_paper_near_end_is_a_warning(sim: ReceiptPrinterSimulator) -> None:
    sim.set_paper(Paper.NEAR_END)
    p = printer_for(sim)
    await p.open()
    try:
        status = await p.probe()
    finally:
        await p.close()
    assert status.state is DeviceState.WARNING
    assert status.code == "paper_low"


@pytest.mark.parametrize(
    ("fault", "error", "code"),
    [("paper_out", PaperOut, "paper_out"), ("cover_open", CoverOpen, "cover_open")],
)
async def test_faults_stop_the_job_before_any_byte(sim, fault, error, code) -> None:
    if fault == "paper_out":
        sim.set_paper(Paper.OUT)
    else:
        sim.set_cover_open(True)
    p = printer_for(sim)
    await p.open()
    try:
        assert (await p.probe()).code == code
        with pytest.raises(error) as exc:
            await p.print_bytes(p.self_test_ticket("K", datetime(2026, 1, 1)), job="j1")
        assert exc.value.code == code
    finally:
        await p.close()
    await asyncio.sleep(0.05)
    assert sim.receipts == []
    # two rounds of three DLE EOT requests (the probe and the check before the job), no job
    assert sim.pending_bytes_seen == 2 * 3 * 3


async def test_unplugged_printer_is_reported_then_comes_back(sim) -> None:
    port = sim.port
    p = printer_for(sim, timeout_s=0.3)
    mon = DeviceMonitor([p], MonitorConfig(poll_interval_s=0.05, missed_polls_before_lost=3,
                                           retry_initial_s=0.05, retry_max_s=0.2))
    changes = []
    mon.subscribe(lambda _n, s: changes.append(s.state))
    await mon.poll_once()
    assert mon.snapshot()["receipt_printer"].state is DeviceState.OK

    await sim.stop()  # the cable is pulled
    for _ in range(3):
        await mon.poll_once()
    assert mon.snapshot()["receipt_printer"].state is DeviceState.UNAVAILABLE

    replug = ReceiptPrinterSimulator(port=port)  # plugged in again, same address
    await replug.start()
    try:
        for _ in range(50):
            await mon.poll_once()
            if mon.snapshot()["receipt_printer"].state is DeviceState.OK:
                break
            await asyncio.sleep(0.05)
        assert mon.snapshot()["receipt_printer"].state is DeviceState.OK
    finally:
        await mon.stop()
        await replug.stop()
    assert changes == [DeviceState.OK, DeviceState.UNAVAILABLE, DeviceState.OK]
