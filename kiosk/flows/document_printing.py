"""Printing a visit's documents (for the print step, `steps/print_documents.py`): the
certificate on the A4 printer, the receipt on the thermal printer, and what a citizen is told
when either fails.

Every document is first kept in the encrypted reprint store (by case number), so a failure
never loses it: staff can reprint it later, and the citizen is offered the e-copy QR (the
certificate's verification link) on screen instead. A retry with the same job ids prints
nothing twice.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from kiosk.devices.errors import DeviceError
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.documents.issuer import IssuedCertificate
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.citizen_messages import CitizenMessage, message_for
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


@dataclass
class PrintProblem:
    document: str  # "certificate" | "receipt"
    code: str
    message: CitizenMessage


@dataclass
class PrintOutcome:
    printed: list[str] = field(default_factory=list)
    problems: list[PrintProblem] = field(default_factory=list)
    kept_for_reprint: list[str] = field(default_factory=list)
    ecopy_qr: str | None = None  # shown on screen when the certificate did not print

    @property
    def complete(self) -> bool:
        return not self.problems


def _keep(store: ReprintStore, case_number: str, kind: str, data: bytes,
          outcome: PrintOutcome) -> None:
    """Keep the document for a staff reprint. A copy that cannot be kept (disk full, its folder
    gone) costs the reprint, not the print: the citizen still gets the paper, staff the alarm."""
    try:
        store.put(case_number, kind, data)
    except OSError as exc:
        log.error("not kept for reprint", event_id=EventId.REPRINT_NOT_STORED, case=case_number,
                  kind=kind, error=type(exc).__name__)
        return
    outcome.kept_for_reprint.append(kind)
    log.info("kept for reprint", event_id=EventId.REPRINT_STORED, case=case_number, kind=kind)


async def print_outputs(
    *,
    case_number: str,
    certificate: IssuedCertificate | None,
    receipt: bytes | None,
    document_printer: CupsDocumentPrinter | None,
    receipt_printer: EscposReceiptPrinter | None,
    store: ReprintStore,
    locale: str = "zh-Hans",
    started: float | None = None,
    deadline_s: float = 120.0,
) -> PrintOutcome:
    started = started if started is not None else time.monotonic()
    outcome = PrintOutcome()
    if certificate is not None:
        _keep(store, case_number, "certificate", certificate.pdf, outcome)
        try:
            if document_printer is None:
                raise DeviceError("no document printer configured", code="printer_offline")
            await document_printer.print_pdf(certificate.pdf, job=f"{case_number}:certificate",
                                             title=certificate.document_number,
                                             created=started, deadline_s=deadline_s)
            outcome.printed.append("certificate")
        except DeviceError as exc:
            outcome.problems.append(PrintProblem("certificate", exc.code,
                                                 message_for(exc, locale)))
            outcome.ecopy_qr = certificate.qr_payload
    if receipt is not None:
        _keep(store, case_number, "receipt", receipt, outcome)
        try:
            if receipt_printer is None:
                raise DeviceError("no receipt printer configured", code="printer_offline")
            await receipt_printer.print_bytes(receipt, job=f"{case_number}:receipt",
                                              created=started)
            outcome.printed.append("receipt")
        except DeviceError as exc:
            outcome.problems.append(PrintProblem("receipt", exc.code, message_for(exc, locale)))
    return outcome
