"""The certificate's verification QR payload, version 1 (documented in docs/qr-payload.md).

    <url prefix>YB1.<document number>.<service code>.<holder, masked>.<issue date>.<key id>
        .<signature>   (one line, no break)

- document number and service code: A-Z, 0-9 and '-';
- holder: the holder's name masked (first character kept), base64url (UTF-8, no padding);
- issue date: YYYYMMDD; key id: 8 hex digits (see kiosk.documents.keys);
- signature: Ed25519 over "YB1|<number>|<service>|<holder>|<date>|<key id>" (UTF-8, the holder
  unencoded), base64url without padding (86 characters).
Compact enough for a small, robust QR code (about 150 characters with a short URL prefix).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.domain.ascii_digits import is_ascii_digits

VERSION = "YB1"
_CODE = re.compile(r"^[A-Z0-9-]{1,40}$")
_KID = re.compile(r"^[0-9a-f]{8}$")
MAX_PAYLOAD = 1000


class PayloadError(ValueError):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    """Decode base64url, refusing any non-canonical form: the last character's spare bits
    must be zero, so exactly one text stands for each value (a changed character always
    changes the value, and so breaks the signature)."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        raise PayloadError("a field is not base64url") from None
    if _b64(raw) != text:
        raise PayloadError("a field is not canonical base64url")
    return raw


@dataclass(frozen=True)
class CertificateClaim:
    document_number: str
    service_code: str
    holder_masked: str
    issue_date: date
    key_id: str

    def signed_bytes(self) -> bytes:
        return "|".join((VERSION, self.document_number, self.service_code, self.holder_masked,
                         f"{self.issue_date:%Y%m%d}", self.key_id)).encode()


def encode_payload(claim: CertificateClaim, key: Ed25519PrivateKey, url_prefix: str = "") -> str:
    for name, value in (("document number", claim.document_number),
                        ("service code", claim.service_code)):
        if not _CODE.fullmatch(value):
            raise PayloadError(f"the {name} must be A-Z, 0-9 and '-'")
    signature = key.sign(claim.signed_bytes())
    body = ".".join((VERSION, claim.document_number, claim.service_code,
                     _b64(claim.holder_masked.encode()), f"{claim.issue_date:%Y%m%d}",
                     claim.key_id, _b64(signature)))
    return url_prefix + body


@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason: str
    claim: CertificateClaim | None = None


def verify_payload(text: str, keys: dict[str, Ed25519PublicKey]) -> Verdict:
    """VALID, or INVALID with the reason: malformed, unknown key, or bad signature (which is
    also what any altered field gives)."""
    try:
        claim, signature = parse_payload(text)
    except PayloadError as exc:
        return Verdict(False, f"malformed payload: {exc}")
    public = keys.get(claim.key_id)
    if public is None:
        return Verdict(False, f"unknown key {claim.key_id}", claim)
    try:
        public.verify(signature, claim.signed_bytes())
    except InvalidSignature:
        return Verdict(False, "bad signature: the certificate or its code was altered", claim)
    return Verdict(True, "signature valid", claim)


def parse_payload(text: str) -> tuple[CertificateClaim, bytes]:
    if len(text) > MAX_PAYLOAD:
        raise PayloadError("too long")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise PayloadError("control characters")
    at = text.find(VERSION + ".")
    if at < 0:
        raise PayloadError(f"no {VERSION} payload")
    parts = text[at:].split(".")
    if len(parts) != 7:
        raise PayloadError(f"expected 7 fields, found {len(parts)}")
    _v, number, service, holder_b64, day, kid, sig_b64 = parts
    if not _CODE.fullmatch(number) or not _CODE.fullmatch(service):
        raise PayloadError("bad document number or service code")
    if not _KID.fullmatch(kid):
        raise PayloadError("bad key id")
    if len(day) != 8 or not is_ascii_digits(day):
        raise PayloadError("bad issue date")
    try:
        issued = date(int(day[:4]), int(day[4:6]), int(day[6:]))
        holder = _unb64(holder_b64).decode()
    except (ValueError, UnicodeDecodeError):
        raise PayloadError("bad issue date or holder") from None
    signature = _unb64(sig_b64)
    if len(signature) != 64:
        raise PayloadError("bad signature length")
    return CertificateClaim(number, service, holder, issued, kid), signature
