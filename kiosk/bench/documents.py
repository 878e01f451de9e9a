"""Documents: one signed certificate page (CJK subset, QR, seal, PAdES signature) and one
receipt's ESC/POS bytes."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.documents.certificate import CertificateContent, render_certificate
from kiosk.documents.issuer import CertificateIssuer, keys_for
from kiosk.documents.receipt import ReceiptDocument, case_receipt, to_escpos


def _content(i: int) -> CertificateContent:
    return CertificateContent(
        title="无犯罪记录证明", document_number=f"WFZ-2026-{i:06d}", service_code="WFZZM",
        issuer="易办市公安局天河分局",
        holder_fields=[("姓名", "刘䶮"), ("性别", "男"), ("公民身份号码", "440106199007011535")],
        body=["经查询，刘䶮（公民身份号码：440106199007011535）自2008年1月1日至2026年11月23日"
              "期间，在我辖区内未发现有犯罪记录。"],
        purpose="办理出国签证", issue_date=date(2026, 11, 23), kiosk_id="BENCH",
        printed_at=datetime(2026, 11, 23, 9, 30))


def certificate_pdf_ms() -> dict[str, Any]:
    """One signed certificate, warm, beside its floor: the same page rendered without the seal,
    the QR code and the signature (measured in the same run, turn about); the signature's own
    cost is reported apart."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        issuer = CertificateIssuer(keys_for(Path(tmp), "BENCH", os.urandom(32)),
                                   "https://v.example/c/")
        issuer.issue(_content(0), "刘䶮")
        first_ms = (time.perf_counter() - t0) * 1000
        samples, floors, signing = [], [], []
        for i in range(1, runs(15) + 1):
            samples.append(issuer.issue(_content(i), "刘䶮").render_ms)
            t = time.perf_counter()
            page = render_certificate(_content(i), "https://v.example/c/x", marks=False)
            floors.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            issuer.sign_pdf(page)
            signing.append((time.perf_counter() - t) * 1000)
    floor = statistics.median(floors)
    return figure("certificate_pdf_ms", samples, first_ms=round(first_ms, 1),
                  floor_ms=round(floor, 1), ratio=round(statistics.median(samples) / floor, 2),
                  signature_ms=round(statistics.median(signing), 1))


def receipt_bytes_ms() -> dict[str, Any]:
    def doc(i: int) -> ReceiptDocument:
        return case_receipt(service="无犯罪记录证明", case_numbers=[f"WFZ-2026-{i:06d}"],
                            when=datetime(2026, 11, 23, 9, 30), kiosk_id="BENCH",
                            holder_masked="刘*", outcome="已办结（秒批）",
                            next_steps=["证明已打印，请在下方出纸口取走。"],
                            progress_url=f"https://p.example/c/{i}")

    to_escpos(doc(0))  # warm: fonts loaded
    samples = []
    for i in range(1, runs(20) + 1):
        t0 = time.perf_counter()
        to_escpos(doc(i))
        samples.append((time.perf_counter() - t0) * 1000)
    return figure("receipt_bytes_ms", samples)


FIGURES = {"certificate_pdf_ms": certificate_pdf_ms, "receipt_bytes_ms": receipt_bytes_ms}
