"""Receipts through the real ESC/POS adapter to the simulator (TCP and pty), and the print
step's citizen-facing paths when a printer fails."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.escpos_status import Paper
from kiosk.devices.printers.escpos_stream import Raster
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import SerialTransport, TcpTransport
from kiosk.devices.printers.sim import ReceiptPrinterSimulator, render_receipt
from kiosk.documents.certificate import CertificateContent
from kiosk.documents.issuer import CertificateIssuer, keys_for
from kiosk.documents.receipt import case_receipt, to_escpos
from kiosk.documents.reprint_store import ReprintStore
from kiosk.flows.document_printing import print_outputs
from kiosk.sim.hub import ensure_cups_pdf_queue

URL = "https://progress.example.gov.cn/c/WFZ-2026-000123"


def receipt_doc():
    return case_receipt(service="无犯罪记录证明", case_numbers=["WFZ-2026-000123"],
                        when=datetime(2026, 11, 23, 9, 30), kiosk_id="SIM-0001",
                        holder_masked="刘*", outcome="已办结（秒批）",
                        next_steps=["证明已打印，请在下方出纸口取走。"], progress_url=URL)


async def wait_for_receipts(sim: ReceiptPrinterSimulator, n: int) -> None:
    for _ in range(200):
        if len(sim.receipts) >= n:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{len(sim.receipts)} receipts, expected {n}")


def decode_qr(png_path: Path) -> str:
    img = cv2.imread(str(png_path))
    text, _p, _ = cv2.QRCodeDetector().detectAndDecode(img)
    return text


async def test_receipt_over_tcp_renders_as_sent(artifacts: Path) -> None:
    sim = ReceiptPrinterSimulator()
    await sim.start()
    p = EscposReceiptPrinter("r", TcpTransport("127.0.0.1", sim.port, 2), adapter="escpos")
    await p.open()
    try:
        assert await p.print_bytes(to_escpos(receipt_doc()), job="CASE-1:receipt")
        assert not await p.print_bytes(to_escpos(receipt_doc()), job="CASE-1:receipt")
        await wait_for_receipts(sim, 1)
    finally:
        await p.close()
        await sim.stop()
    assert len(sim.receipts) == 1  # the retry printed nothing
    receipt = sim.receipts[0]
    png = artifacts / "receipt-sim.png"
    render_receipt(receipt).save(png)
    assert decode_qr(png) == URL
    rasters = [i for i in receipt.items if isinstance(i, Raster)]
    assert len(rasters) >= 8
    # every raster line carries ink (a drawn Chinese line, not a blank strip)
    for r in rasters:
        bits = np.unpackbits(np.frombuffer(r.data, np.uint8))
        assert bits.sum() > 50


async def test_receipt_over_a_serial_pty() -> None:
    sim = ReceiptPrinterSimulator()
    port = sim.start_pty()
    p = EscposReceiptPrinter("r", SerialTransport(port, 115200, 2), adapter="escpos-serial")
    try:
        await p.open()
        status = await p.probe()
        assert status.connected
        await p.print_bytes(to_escpos(receipt_doc()), job="CASE-2:receipt")
        await wait_for_receipts(sim, 1)
    finally:
        await p.close()
        sim.stop_pty()
    assert any(isinstance(i, Raster) for i in sim.receipts[0].items)


@pytest.fixture
def issued(tmp_path: Path):
    keys = keys_for(tmp_path / "data", "SIM-0001", os.urandom(32))
    content = CertificateContent(
        title="无犯罪记录证明", document_number="WFZ-2026-000123", service_code="WFZZM",
        issuer="易办市公安局", holder_fields=[("姓名", "张伟")], body=["经查询，无犯罪记录。"],
        purpose="求职", issue_date=date(2026, 11, 23), kiosk_id="SIM-0001",
        printed_at=datetime(2026, 11, 23, 9, 30))
    return CertificateIssuer(keys, "https://v.example/c/").issue(content, "张伟")


async def test_paper_out_keeps_the_receipt_and_says_what_to_do(tmp_path: Path) -> None:
    sim = ReceiptPrinterSimulator()
    await sim.start()
    sim.set_paper(Paper.OUT)
    p = EscposReceiptPrinter("r", TcpTransport("127.0.0.1", sim.port, 2), adapter="escpos")
    await p.open()
    store = ReprintStore(tmp_path / "reprints", key=os.urandom(32))
    try:
        data = to_escpos(receipt_doc())
        outcome = await print_outputs(case_number="CASE-7", certificate=None, receipt=data,
                                      document_printer=None, receipt_printer=p, store=store)
        assert not outcome.complete
        problem = outcome.problems[0]
        assert (problem.document, problem.code) == ("receipt", "paper_out")
        assert problem.message.text == "打印机缺纸。"
        assert "工作人员" in problem.message.next_step
        assert store.get("CASE-7", "receipt") == data  # kept for a staff reprint
        # staff refill the paper; the same job prints once
        sim.set_paper(Paper.OK)
        outcome = await print_outputs(case_number="CASE-7", certificate=None, receipt=data,
                                      document_printer=None, receipt_printer=p, store=store)
        assert outcome.complete
        await wait_for_receipts(sim, 1)
    finally:
        await p.close()
        await sim.stop()


async def test_a_reprint_copy_that_cannot_be_kept_does_not_stop_the_print(
        tmp_path: Path) -> None:
    sim = ReceiptPrinterSimulator()
    await sim.start()
    p = EscposReceiptPrinter("r", TcpTransport("127.0.0.1", sim.port, 2), adapter="escpos")
    await p.open()
    store = ReprintStore(tmp_path / "reprints", key=os.urandom(32))
    shutil.rmtree(tmp_path / "reprints")  # the store's folder is gone (a disk problem)
    try:
        outcome = await print_outputs(case_number="CASE-9", certificate=None,
                                      receipt=to_escpos(receipt_doc()), document_printer=None,
                                      receipt_printer=p, store=store)
        assert outcome.printed == ["receipt"]
        assert outcome.kept_for_reprint == []
        await wait_for_receipts(sim, 1)
    finally:
        await p.close()
        await sim.stop()


@pytest.mark.daemon
async def test_stopped_certificate_printer_offers_the_e_copy(cupsd_running, issued,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o777)
    assert ensure_cups_pdf_queue("kiosk-test-step", out)
    subprocess.run(["cupsdisable", "kiosk-test-step"], check=True)
    printer = CupsDocumentPrinter("doc", "kiosk-test-step", adapter="cups")
    await printer.open()
    store = ReprintStore(tmp_path / "reprints", key=os.urandom(32))
    try:
        outcome = await print_outputs(case_number="CASE-8", certificate=issued, receipt=None,
                                      document_printer=printer, receipt_printer=None,
                                      store=store, locale="en")
    finally:
        await printer.close()
        subprocess.run(["lpadmin", "-x", "kiosk-test-step"], check=False)
    assert outcome.problems[0].code == "printer_offline"
    assert outcome.problems[0].message.text == "The printer is not available right now."
    assert outcome.ecopy_qr == issued.qr_payload  # shown on screen instead
    assert store.get("CASE-8", "certificate") == issued.pdf


def test_a_day_of_receipts_does_not_pile_up_in_the_simulator() -> None:
    """A simulated kiosk in training mode runs all day: the simulator remembers the last 50
    receipts (the 500-visit soak grew by 60 MB keeping every one), and counts them all."""
    from kiosk.devices.printers.escpos_stream import EscposStreamParser
    from kiosk.devices.printers.sim import KEEP

    sim = ReceiptPrinterSimulator()
    data = to_escpos(receipt_doc())
    parser = EscposStreamParser()
    for _ in range(KEEP + 10):
        sim._take(parser, data)
    assert sim.printed == KEEP + 10
    assert len(sim.receipts) == KEEP
    assert len(sim.since(KEEP + 7)) == 3
    assert len(sim.since(0)) == KEEP  # older ones are gone
