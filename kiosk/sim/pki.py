"""The simulated hall's certificate authority: made when the simulated backend starts, as a
province's gateway has one for real. It signs the backend's server certificate (loopback) and
one client certificate per kiosk: a kiosk is known by its certificate (mutual TLS), not by
what it writes in a header.

Keys are elliptic-curve (P-256): made in a millisecond, accepted by httpx, Python's ssl and
Chromium. Everything lives for a day: the simulation makes a new authority at every start.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

LIFETIME = datetime.timedelta(days=1)


@dataclass(frozen=True)
class KioskTlsFiles:
    """What a kiosk needs to talk to the simulated backend: the authority to check the server
    against, and its own certificate and key."""

    ca: Path
    cert: Path
    key: Path


def _name(common_name: str, unit: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "易办模拟政务服务大厅"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class SimulatedPki:
    """The authority, the server's certificate and the kiosks' certificates."""

    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> None:
        now = datetime.datetime.now(datetime.UTC)
        self._not_before = now - datetime.timedelta(minutes=5)
        self._not_after = now + LIFETIME
        self._ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = _name("易办模拟大厅根证书", "simulated certificate authority")
        self._ca_name = ca_name
        self.ca_cert = (
            self._builder(ca_name, self._ca_key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(self._ca_key, hashes.SHA256()))
        self._server_key = ec.generate_private_key(ec.SECP256R1())
        names: list[x509.GeneralName] = []
        for h in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(h)))
            except ValueError:
                names.append(x509.DNSName(h))
        self._server_cert = (
            self._builder(_name(hosts[0], "simulated backend"), self._server_key.public_key())
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(self._ca_key, hashes.SHA256()))

    def _builder(self, subject: x509.Name, public_key: Any) -> x509.CertificateBuilder:
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(self._ca_name)
                .public_key(public_key).serial_number(x509.random_serial_number())
                .not_valid_before(self._not_before).not_valid_after(self._not_after))

    @property
    def ca_pem(self) -> bytes:
        return self.ca_cert.public_bytes(serialization.Encoding.PEM)

    def issue_kiosk(self, kiosk_id: str) -> tuple[bytes, bytes]:
        """(certificate PEM, key PEM) of a kiosk: its id is the certificate's common name."""
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (self._builder(_name(kiosk_id, "kiosk"), key.public_key())
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]),
                               critical=False)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                               critical=True)
                .sign(self._ca_key, hashes.SHA256()))
        return cert.public_bytes(serialization.Encoding.PEM), _pem_key(key)

    def write_kiosk_files(self, folder: Path, kiosk_id: str) -> KioskTlsFiles:
        """The authority and a kiosk's certificate and key in `folder` (the key mode 0600)."""
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        cert, key = self.issue_kiosk(kiosk_id)
        files = KioskTlsFiles(folder / "sim-ca.pem", folder / "kiosk-cert.pem",
                              folder / "kiosk-key.pem")
        files.ca.write_bytes(self.ca_pem)
        files.cert.write_bytes(cert)
        fd = os.open(files.key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return files

    def server_context(self) -> ssl.SSLContext:
        """The backend's side: its certificate, and kiosks' certificates checked against the
        authority when they present one (staff in a browser present none; kiosk routes then
        answer 401)."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        # Python's ssl loads a certificate chain from files only: a private folder, at once
        # removed again
        with tempfile.TemporaryDirectory(prefix="sim-tls-") as tmp:
            cert, key = Path(tmp) / "server.pem", Path(tmp) / "server.key"
            cert.write_bytes(self._server_cert.public_bytes(serialization.Encoding.PEM))
            key.write_bytes(_pem_key(self._server_key))
            ctx.load_cert_chain(cert, key)
        ctx.load_verify_locations(cadata=self.ca_pem.decode())
        ctx.verify_mode = ssl.CERT_OPTIONAL
        return ctx

    def client_context(self, kiosk_id: str | None = None) -> ssl.SSLContext:
        """A client's side (tests, the staff peer): the authority trusted, and with `kiosk_id`
        that kiosk's certificate presented."""
        ctx = ssl.create_default_context(cadata=self.ca_pem.decode())
        if kiosk_id is not None:
            cert, key = self.issue_kiosk(kiosk_id)
            with tempfile.TemporaryDirectory(prefix="sim-tls-") as tmp:
                cert_file, key_file = Path(tmp) / "c.pem", Path(tmp) / "c.key"
                cert_file.write_bytes(cert)
                key_file.write_bytes(key)
                ctx.load_cert_chain(cert_file, key_file)
        return ctx


def peer_kiosk_id(peer_cert: dict[str, Any] | None) -> str | None:
    """The kiosk a verified client certificate names (its common name, unit "kiosk"), from
    `SSLObject.getpeercert()`; None when none was presented."""
    if not peer_cert:
        return None
    fields = {k: v for rdn in peer_cert.get("subject", ()) for k, v in rdn}
    if fields.get("organizationalUnitName") != "kiosk":
        return None
    cn = fields.get("commonName")
    return cn if isinstance(cn, str) and cn else None
