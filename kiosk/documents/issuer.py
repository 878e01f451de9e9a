"""Issuing a certificate: number, claim, QR payload, layout, PDF signature, in one call."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from kiosk.documents.certificate import CertificateContent, render_certificate
from kiosk.documents.keys import DocumentKeys, TrustedIssuers
from kiosk.documents.pdf_signature import PadesSigner, check_pdf_signature, pdf_keywords
from kiosk.documents.qr_payload import (
    CertificateClaim,
    Verdict,
    encode_payload,
    verify_payload,
)
from kiosk.domain.masking import mask_name


@dataclass(frozen=True)
class IssuedCertificate:
    document_number: str
    pdf: bytes
    qr_payload: str
    render_ms: float


class CertificateIssuer:
    def __init__(self, keys: DocumentKeys, verify_url_prefix: str = "") -> None:
        self.keys = keys
        self.verify_url_prefix = verify_url_prefix
        self._signer = PadesSigner(keys)

    def issue(self, content: CertificateContent, holder_name: str) -> IssuedCertificate:
        started = time.perf_counter()
        claim = CertificateClaim(content.document_number, content.service_code,
                                 mask_name(holder_name), content.issue_date, self.keys.key_id)
        payload = encode_payload(claim, self.keys.qr_key, self.verify_url_prefix)
        pdf = self.sign_pdf(render_certificate(content, payload))
        return IssuedCertificate(content.document_number, pdf, payload,
                                 (time.perf_counter() - started) * 1000)

    def sign_pdf(self, pdf: bytes) -> bytes:
        """A rendered page with this kiosk's PAdES signature."""
        return self._signer.sign(pdf)


@dataclass(frozen=True)
class PdfVerdict:
    valid: bool
    reason: str
    qr: Verdict | None


def verify_certificate_pdf(pdf: bytes, keys: DocumentKeys,
                           extra_trusted: list[x509.Certificate] | None = None) -> PdfVerdict:
    """Both checks against this kiosk's own keys (and the QR keys in its trusted/ folder)."""
    return verify_certificate_pdf_with(pdf, TrustedIssuers(
        keys.trusted_qr_keys(), [*keys.trusted_pdf_certs(), *(extra_trusted or [])]))


def verify_certificate_pdf_with(pdf: bytes, trusted: TrustedIssuers) -> PdfVerdict:
    """Both checks: the PDF's own signature, and the QR payload it carries."""
    signature = check_pdf_signature(pdf, trusted.pdf_certs)
    payload = pdf_keywords(pdf)
    qr = verify_payload(payload, trusted.qr_keys) if payload else None
    if not signature.valid:
        return PdfVerdict(False, signature.reason, qr)
    if qr is None:
        return PdfVerdict(False, "the PDF carries no verification payload", None)
    if not qr.valid:
        return PdfVerdict(False, qr.reason, qr)
    return PdfVerdict(True, "PDF signature and verification code valid", qr)


def keys_for(data_dir: Path, kiosk_id: str, wrap_key: bytes) -> DocumentKeys:
    """This kiosk's document keys in <data_dir>/keys, opened with the credential
    `documents.key` (`wrap_key`)."""
    return DocumentKeys.load_or_create(data_dir / "keys", kiosk_id, wrap_key=wrap_key)


# where a printed code's verification page lives (the QR payload carries it)
VERIFY_URL_PREFIX = "https://verify.example.gov.cn/c/"


def issuer_for(data_dir: Path, kiosk_id: str, wrap_key: bytes) -> CertificateIssuer:
    """This kiosk's certificate issuer: its keys in <data_dir>/keys, the verification URL."""
    return CertificateIssuer(keys_for(data_dir, kiosk_id, wrap_key), VERIFY_URL_PREFIX)
