"""The PDF's own digital signature (PAdES, via pyHanko) by the kiosk's document-signing key,
and its validation. A later GB/T 38540 SM2 e-seal plugs in behind `PdfSigner`."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Protocol

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from kiosk.documents.keys import DocumentKeys


class PdfSigner(Protocol):
    def sign(self, pdf: bytes) -> bytes: ...


class PadesSigner:
    def __init__(self, keys: DocumentKeys, *, reason: str = "证明文件由自助终端签发",
                 location: str = "") -> None:
        # from memory: the key file on disk is wrapped (kiosk/documents/keys.py)
        self._signer = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(
                keys.pdf_cert.public_bytes(serialization.Encoding.DER)),
            signing_key=asn1_keys.PrivateKeyInfo.load(keys.pdf_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption())),
            cert_registry=SimpleCertificateStore())  # type: ignore[no-untyped-call]
        self._meta = signers.PdfSignatureMetadata(field_name="KioskSignature", reason=reason,
                                                  location=location or None)

    def sign(self, pdf: bytes) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        out = signers.sign_pdf(writer, self._meta, signer=self._signer)
        signed: bytes = out.getvalue()
        return signed


@dataclass(frozen=True)
class PdfSignatureCheck:
    valid: bool
    reason: str
    signer: str = ""


def check_pdf_signature(pdf: bytes, trusted: list[x509.Certificate]) -> PdfSignatureCheck:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:  # pyHanko raises many kinds for a damaged file
        return PdfSignatureCheck(False, f"not a readable PDF: {exc}")
    if not sigs:
        return PdfSignatureCheck(False, "the PDF carries no digital signature")
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in trusted]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    sig = sigs[-1]
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:
        return PdfSignatureCheck(False, f"the signature cannot be checked: {exc}")
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    if not status.intact or not status.valid:
        return PdfSignatureCheck(False, "the PDF was modified after signing", signer)
    if not status.trusted:
        return PdfSignatureCheck(False, "the PDF was signed by an unknown key", signer)
    if status.coverage is None or status.coverage.name != "ENTIRE_FILE":
        return PdfSignatureCheck(False, "content was added after the signature", signer)
    return PdfSignatureCheck(True, "PDF signature valid", signer)


def pdf_keywords(pdf: bytes) -> str:
    """The document-info Keywords (where the certificate stores its QR payload)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        value = reader.trailer_view["/Info"]["/Keywords"]
    except Exception:  # no info dictionary, no keywords, or a damaged file
        return ""
    return str(value)
