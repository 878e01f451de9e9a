from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.devices.errors import PrintJobFailed
from kiosk.devices.printers.escpos_stream import Cut, EscposStreamParser, QrCode, Raster
from kiosk.devices.printers.jobs import JobLedger, JobState, StaleJob
from kiosk.documents.receipt import case_receipt, queue_ticket, to_escpos
from kiosk.documents.reprint_store import ReprintDamaged, ReprintNotFound, ReprintStore


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_printed_job_is_not_printed_again() -> None:
    ledger = JobLedger(clock=Clock())
    assert ledger.begin("case-1:receipt") is not None
    with pytest.raises(PrintJobFailed, match="already printing"):
        ledger.begin("case-1:receipt")
    ledger.finish("case-1:receipt", True)
    assert ledger.begin("case-1:receipt") is None
    assert ledger.state("case-1:receipt") is JobState.PRINTED


def test_a_failed_job_may_be_retried_until_stale() -> None:
    clock = Clock()
    ledger = JobLedger(max_age_s=120, clock=clock)
    ledger.begin("j", created=clock.now)
    ledger.finish("j", False, "paper out")
    clock.now += 60
    assert ledger.begin("j") is not None  # a retry within the deadline
    ledger.finish("j", False, "paper out")
    clock.now += 61
    with pytest.raises(StaleJob, match="dropped, not printed"):
        ledger.begin("j")


def receipt_bytes() -> bytes:
    return to_escpos(case_receipt(
        service="无犯罪记录证明", case_numbers=["WFZ-2026-000123"],
        when=datetime(2026, 11, 23, 9, 30), kiosk_id="SIM-0001", holder_masked="刘*",
        outcome="已办结", next_steps=["请取走证明。"], progress_url="https://p.example/c/1"))


def test_receipt_bytes_parse_as_the_printer_would() -> None:
    events = EscposStreamParser().feed(receipt_bytes())
    cuts = [e for e in events if isinstance(e, Cut)]
    assert len(cuts) == 1
    items = cuts[0].receipt.items
    rasters = [i for i in items if isinstance(i, Raster)]
    assert len(rasters) >= 8  # every Chinese line went as an image
    assert all(r.width_px == 576 for r in rasters)
    assert [i.data for i in items if isinstance(i, QrCode)] == [b"https://p.example/c/1"]
    assert "KIOSK" not in cuts[0].receipt.text  # no Chinese sent as raw text bytes


def test_58mm_ticket_fits_the_paper() -> None:
    data = to_escpos(queue_ticket(number="A023", service="社保业务", waiting=5,
                                  when=datetime(2026, 11, 23, 9, 30), kiosk_id="K",
                                  paper_width_mm=58))
    rasters = [i for e in EscposStreamParser().feed(data) if isinstance(e, Cut)
               for i in e.receipt.items if isinstance(i, Raster)]
    assert rasters
    assert all(r.width_px == 384 for r in rasters)


def test_reprint_store_round_trip_encrypted(tmp_path: Path) -> None:
    store = ReprintStore(tmp_path / "reprints", key=os.urandom(32))
    secret = "欧阳䶮明 11010519491231002X".encode()
    store.put("WFZ-2026-000123", "certificate", b"%PDF-1.4 " + secret)
    raw = (tmp_path / "reprints" / "WFZ-2026-000123.certificate.bin").read_bytes()
    assert secret not in raw
    assert b"%PDF" not in raw
    assert store.get("WFZ-2026-000123", "certificate").endswith(secret)
    assert [d.case_number for d in store.list()] == ["WFZ-2026-000123"]


def test_reprint_store_refuses_swapped_or_missing_files(tmp_path: Path) -> None:
    store = ReprintStore(tmp_path / "r", key=os.urandom(32))
    store.put("CASE-1", "receipt", b"one")
    (tmp_path / "r" / "CASE-1.receipt.bin").rename(tmp_path / "r" / "CASE-2.receipt.bin")
    with pytest.raises(ReprintDamaged):
        store.get("CASE-2", "receipt")
    with pytest.raises(ReprintNotFound):
        store.get("CASE-1", "receipt")
    with pytest.raises(ValueError, match="letters"):
        store.put("../etc", "receipt", b"x")


def test_reprint_store_purges_after_retention(tmp_path: Path) -> None:
    store = ReprintStore(tmp_path / "r", key=os.urandom(32), retention_s=0)
    store.put("CASE-9", "receipt", b"x")
    assert store.purge() == 1
    assert store.list() == []


def test_reprints_kept_beside_their_key_move_to_the_credential(tmp_path: Path) -> None:
    # a store from before the credential: its key file beside the documents it protects
    folder = tmp_path / "reprints"
    folder.mkdir()
    old_key = AESGCM.generate_key(bit_length=256)
    (folder / "reprint.key").write_bytes(old_key)
    nonce = os.urandom(12)
    (folder / "CASE-3.certificate.bin").write_bytes(
        nonce + AESGCM(old_key).encrypt(nonce, b"%PDF kept", b"CASE-3|certificate"))
    credential = os.urandom(32)
    store = ReprintStore(folder, key=credential)
    assert not (folder / "reprint.key").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["CASE-3.certificate.bin"]
    assert ReprintStore(folder, key=credential).get("CASE-3", "certificate") == b"%PDF kept"
    with pytest.raises(ReprintDamaged):  # the key that was on disk opens nothing any more
        ReprintStore(folder, key=old_key).get("CASE-3", "certificate")
    assert store.digest() != ReprintStore(tmp_path / "x", key=old_key).digest()
