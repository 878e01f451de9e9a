"""The kiosk's document keys, kept in the data directory (generated on first run).

- `document-ed25519.pem`: signs the verification QR payload (Ed25519, compact signatures);
- `document-signing.pem` + `document-signing.crt`: an ECDSA P-256 key and its certificate for
  the PDF's own digital signature (PAdES, via pyHanko);
- `trusted/*.pub`: public QR keys of other kiosks (raw 32 bytes, base64), so one kiosk or a
  staff laptop can verify certificates printed anywhere in the fleet.
The private keys are encrypted PKCS#8 under a wrapping key, the credential `documents.key`
(sealed to the machine on a kiosk: kiosk/credentials.py), so the data folder alone does not
give them away; plain keys an older kiosk left are wrapped the first time they load. Files are
mode 0600; keys are never logged. A key id is the first 8 hex digits of SHA-256 over the raw
Ed25519 public key.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import NameOID

from kiosk.domain.errors import KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


class SigningKeyLocked(KioskError):
    """A signing key file that the wrapping key does not open: another kiosk's key, a rotated
    `documents.key`, or a damaged file. Never replaced silently: certificates signed with it
    would stop verifying."""

    code = "signing_key_locked"


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:8]


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(path, 0o600)


@dataclass
class DocumentKeys:
    qr_key: Ed25519PrivateKey
    pdf_key: ec.EllipticCurvePrivateKey
    pdf_cert: x509.Certificate
    directory: Path

    @property
    def key_id(self) -> str:
        return key_id(self.qr_key.public_key())

    def trusted_qr_keys(self) -> dict[str, Ed25519PublicKey]:
        """Key id → public key: this kiosk's own and every one in trusted/."""
        keys = {self.key_id: self.qr_key.public_key()}
        trusted = self.directory / "trusted"
        if trusted.is_dir():
            for p in sorted(trusted.glob("*.pub")):
                try:
                    pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(p.read_text()))
                except ValueError:
                    continue
                keys[key_id(pub)] = pub
        return keys

    def trusted_pdf_certs(self) -> list[x509.Certificate]:
        """This kiosk's signing certificate and every readable one in trusted/ (another
        kiosk's, or this kiosk's own before its keys were rotated)."""
        certs = [self.pdf_cert]
        trusted = self.directory / "trusted"
        if trusted.is_dir():
            for p in sorted(trusted.glob("*.crt")):
                try:
                    certs.append(x509.load_pem_x509_certificate(p.read_bytes()))
                except ValueError:
                    continue
        return certs

    def public_qr_key_b64(self) -> str:
        raw = self.qr_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                    serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    @classmethod
    def load_or_create(cls, directory: Path, kiosk_id: str = "KIOSK", *,
                       wrap_key: bytes) -> DocumentKeys:
        """The keys in `directory`, opened with `wrap_key`; made (and wrapped) when absent."""
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        qr_path = directory / "document-ed25519.pem"
        if qr_path.exists():
            loaded = _load_wrapped(qr_path, wrap_key)
            if not isinstance(loaded, Ed25519PrivateKey):
                raise SigningKeyLocked(f"{qr_path} is not an Ed25519 key")
            qr_key = loaded
        else:
            qr_key = Ed25519PrivateKey.generate()
            _write_private(qr_path, _wrapped_pem(qr_key, wrap_key))
        pdf_key_path = directory / "document-signing.pem"
        cert_path = directory / "document-signing.crt"
        if pdf_key_path.exists() and cert_path.exists():
            loaded_ec = _load_wrapped(pdf_key_path, wrap_key)
            if not isinstance(loaded_ec, ec.EllipticCurvePrivateKey):
                raise SigningKeyLocked(f"{pdf_key_path} is not an EC key")
            pdf_key = loaded_ec
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        else:
            pdf_key = ec.generate_private_key(ec.SECP256R1())
            now = datetime.now(UTC)
            name = x509.Name([
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Yiban Kiosk"),
                x509.NameAttribute(NameOID.COMMON_NAME, f"Document signing {kiosk_id}"),
            ])
            cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                    .public_key(pdf_key.public_key()).serial_number(x509.random_serial_number())
                    .not_valid_before(now - timedelta(minutes=5))
                    .not_valid_after(now + timedelta(days=3650))
                    .add_extension(x509.KeyUsage(True, True, False, False, False, False, False,
                                                 False, False), critical=True)
                    .sign(pdf_key, hashes.SHA256()))
            _write_private(pdf_key_path, _wrapped_pem(pdf_key, wrap_key))
            cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return cls(qr_key, pdf_key, cert, directory)


def _wrapped_pem(key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey, wrap_key: bytes) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(wrap_key))


def _load_wrapped(path: Path, wrap_key: bytes) -> PrivateKeyTypes:
    """The key in `path`, opened with `wrap_key`. A plain key (an older kiosk's) is wrapped
    in place; one the wrapping key does not open is SigningKeyLocked."""
    data = path.read_bytes()
    try:
        return serialization.load_pem_private_key(data, wrap_key)
    except TypeError:  # not encrypted: written before keys were wrapped
        loaded = serialization.load_pem_private_key(data, None)
        if isinstance(loaded, Ed25519PrivateKey | ec.EllipticCurvePrivateKey):
            _write_private(path, _wrapped_pem(loaded, wrap_key))
            log.info("signing key wrapped", event_id=EventId.SIGNING_KEYS_SEALED, file=path.name)
        return loaded
    except ValueError:
        raise SigningKeyLocked(f"{path} does not open with this kiosk's documents.key "
                               "(another kiosk's key, a rotated credential, or damaged)") from None


def export_trusted(keys: DocumentKeys, directory: Path) -> Path:
    """Write the public half of `keys` into `directory` — `<key id>.pub` (the QR verification
    key, base64) and `<key id>.crt` (the PDF signing certificate) — so that the documents
    these keys sign can be checked elsewhere: `kiosk verify FILE --trusted DIRECTORY`."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{keys.key_id}.pub").write_text(keys.public_qr_key_b64() + "\n")
    (directory / f"{keys.key_id}.crt").write_bytes(
        keys.pdf_cert.public_bytes(serialization.Encoding.PEM))
    return directory


@dataclass(frozen=True)
class TrustedIssuers:
    """Public keys and certificates to check documents against, read from a folder."""

    qr_keys: dict[str, Ed25519PublicKey]
    pdf_certs: list[x509.Certificate]

    @classmethod
    def load(cls, directory: Path) -> TrustedIssuers:
        """Every `*.pub` and `*.crt` in `directory`; ValueError when there is none, or one
        cannot be read (a trust folder that silently trusts nothing would mislead)."""
        qr_keys: dict[str, Ed25519PublicKey] = {}
        certs: list[x509.Certificate] = []
        for p in sorted(directory.glob("*.pub")):
            try:
                pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(p.read_text()))
            except ValueError:
                raise ValueError(f"{p}: not an Ed25519 public key in base64") from None
            qr_keys[key_id(pub)] = pub
        for p in sorted(directory.glob("*.crt")):
            try:
                certs.append(x509.load_pem_x509_certificate(p.read_bytes()))
            except ValueError:
                raise ValueError(f"{p}: not a PEM certificate") from None
        if not qr_keys or not certs:
            raise ValueError(f"{directory}: no verification key (*.pub) and signing "
                             "certificate (*.crt) found")
        return cls(qr_keys, certs)
