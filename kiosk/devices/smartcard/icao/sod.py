"""EF.SOD, the Document Security Object: a CMS SignedData over the hashes of every data group,
signed by the issuing state's document signer (DS), whose certificate rides inside.

`verify_sod` checks (1) each data group read against its hash, (2) the signature over the
signed attributes and their message digest of the hash list, and (3) when a trust store of
country signing CA (CSCA) certificates is configured, that the DS certificate was issued by
one of them. `build_sod` is the issuer's side, for the virtual passport and tests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from kiosk.devices.smartcard import tlv

LDS_SECURITY_OBJECT_OID = "2.23.136.1.1.1"
_HASHES = {"sha1": hashlib.sha1, "sha224": hashlib.sha224, "sha256": hashlib.sha256,
           "sha384": hashlib.sha384, "sha512": hashlib.sha512}
_CRYPTO_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
    "sha384": hashes.SHA384, "sha512": hashes.SHA512,
}


class DataGroupHash(core.Sequence):
    _fields = [  # noqa: RUF012 (asn1crypto's declaration style)
        ("data_group_number", core.Integer), ("data_group_hash_value", core.OctetString),
    ]


class DataGroupHashValues(core.SequenceOf):
    _child_spec = DataGroupHash


class LdsSecurityObject(core.Sequence):
    _fields = [  # noqa: RUF012 (asn1crypto's declaration style)
        ("version", core.Integer),
        ("hash_algorithm", algos.DigestAlgorithm),
        ("data_group_hash_values", DataGroupHashValues),
    ]


class SodError(ValueError):
    pass


@dataclass
class SodVerification:
    hashes_ok: bool
    signature_ok: bool
    chain: str  # "trusted" | "untrusted" | "not_checked"
    mismatched: list[int] = field(default_factory=list)
    reason: str = ""

    @property
    def verified(self) -> bool:
        return self.hashes_ok and self.signature_ok and self.chain != "untrusted"


def _hash(name: str, data: bytes) -> bytes:
    try:
        return _HASHES[name](data).digest()
    except KeyError:
        raise SodError(f"unsupported hash algorithm {name}") from None


def _signed_data(sod: bytes) -> cms.SignedData:
    try:
        outer, _ = tlv.parse_one(sod)
        if outer.tag != 0x77:
            raise SodError("EF.SOD does not start with tag 77")
        info = cms.ContentInfo.load(outer.value)
        if info["content_type"].native != "signed_data":
            raise SodError("EF.SOD does not hold SignedData")
        signed: cms.SignedData = info["content"]
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise SodError(f"EF.SOD cannot be parsed: {type(exc).__name__}") from None
    return signed


def _hash_list(signed: cms.SignedData) -> tuple[bytes, str, dict[int, bytes]]:
    """(the signed content, the hash algorithm, data group number → hash)."""
    try:  # asn1crypto parses lazily: damage shows where a field is first touched
        econtent = signed["encap_content_info"]["content"].contents
        lds = LdsSecurityObject.load(econtent)
        algo = lds["hash_algorithm"]["algorithm"].native
        expected = {int(h["data_group_number"].native): h["data_group_hash_value"].native
                    for h in lds["data_group_hash_values"]}
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise SodError(f"EF.SOD cannot be parsed: {type(exc).__name__}") from None
    return econtent, str(algo), expected


def listed_groups(sod: bytes) -> set[int]:
    """The data groups EF.SOD carries hashes for: what a reader needs to know which groups
    exist, without trusting the unsigned EF.COM."""
    return set(_hash_list(_signed_data(sod))[2])


def verify_sod(sod: bytes, groups: dict[int, bytes],
               csca: list[x509.Certificate] | None = None) -> SodVerification:
    signed = _signed_data(sod)
    econtent, algo, expected = _hash_list(signed)
    mismatched = [n for n, data in sorted(groups.items())
                  if n not in expected or _hash(algo, data) != expected[n]]
    result = SodVerification(hashes_ok=not mismatched, signature_ok=False,
                             chain="not_checked", mismatched=mismatched)
    try:
        signer = signed["signer_infos"][0]
        certs = [c.chosen for c in signed["certificates"]]
        if not certs:
            raise SodError("no document signer certificate in EF.SOD")
        ds = x509.load_der_x509_certificate(certs[0].dump())
        digest_name = signer["digest_algorithm"]["algorithm"].native
        attrs = signer["signed_attrs"]
        digests = [a["values"][0].native for a in attrs if a["type"].native == "message_digest"]
        if not digests or digests[0] != _hash(digest_name, econtent):
            raise SodError("the signed digest does not match the hash list")
        to_verify = b"\x31" + attrs.dump()[1:]  # the [0] IMPLICIT tag becomes SET OF
        _verify_signature(ds, signer, digest_name, to_verify)
        result.signature_ok = True
        if csca:
            result.chain = "trusted" if any(_issued_by(ds, ca) for ca in csca) else "untrusted"
    except (SodError, InvalidSignature, ValueError, TypeError, KeyError) as exc:
        result.reason = str(exc) or "the signature does not verify"
    if mismatched and not result.reason:
        result.reason = "data group " + ", ".join(map(str, mismatched)) + " altered"
    if result.chain == "untrusted" and not result.reason:
        result.reason = "the document signer is not issued by a trusted country CA"
    return result


def _verify_signature(cert: x509.Certificate, signer: cms.SignerInfo, digest_name: str,
                      data: bytes) -> None:
    key = cert.public_key()
    signature = signer["signature"].native
    algo = _CRYPTO_HASHES[digest_name]()
    sig_algo = signer["signature_algorithm"]["algorithm"].native
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(algo))
    elif isinstance(key, rsa.RSAPublicKey):
        pad: padding.AsymmetricPadding = padding.PKCS1v15()
        if sig_algo == "rsassa_pss":
            pad = padding.PSS(padding.MGF1(algo), padding.PSS.AUTO)
        key.verify(signature, data, pad, algo)
    else:
        raise SodError("unsupported document signer key type")


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def load_trust_store(directory: Path) -> list[x509.Certificate]:
    """Every CSCA certificate (PEM or DER) in `directory`."""
    out = []
    for p in sorted(directory.iterdir()):
        if p.suffix.lower() not in (".pem", ".crt", ".cer", ".der"):
            continue
        raw = p.read_bytes()
        out.append(x509.load_pem_x509_certificate(raw) if b"-----BEGIN" in raw
                   else x509.load_der_x509_certificate(raw))
    return out


# --- the issuer's side ----------------------------------------------------------------------

@dataclass
class SimulatedIssuer:
    """A country signing CA and a document signer, made on the spot (virtual passports)."""

    csca_key: ec.EllipticCurvePrivateKey
    csca: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey
    ds: x509.Certificate

    @classmethod
    def create(cls, country: str = "UT") -> SimulatedIssuer:
        now = datetime.now(UTC)
        csca_key = ec.generate_private_key(ec.SECP256R1())
        csca_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                               x509.NameAttribute(NameOID.COMMON_NAME, "Test CSCA")])
        csca = (x509.CertificateBuilder().subject_name(csca_name).issuer_name(csca_name)
                .public_key(csca_key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .sign(csca_key, hashes.SHA256()))
        ds_key = ec.generate_private_key(ec.SECP256R1())
        ds_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                             x509.NameAttribute(NameOID.COMMON_NAME, "Test Document Signer")])
        ds = (x509.CertificateBuilder().subject_name(ds_name).issuer_name(csca_name)
              .public_key(ds_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - timedelta(days=1))
              .not_valid_after(now + timedelta(days=1825))
              .sign(csca_key, hashes.SHA256()))
        return cls(csca_key, csca, ds_key, ds)


def build_sod(groups: dict[int, bytes], issuer: SimulatedIssuer) -> bytes:
    lds = LdsSecurityObject({
        "version": 0,
        "hash_algorithm": {"algorithm": "sha256"},
        "data_group_hash_values": [
            {"data_group_number": n, "data_group_hash_value": hashlib.sha256(d).digest()}
            for n, d in sorted(groups.items())
        ],
    })
    econtent = lds.dump()
    attrs = cms.CMSAttributes([
        {"type": "content_type", "values": [LDS_SECURITY_OBJECT_OID]},
        {"type": "message_digest", "values": [hashlib.sha256(econtent).digest()]},
    ])
    signature = issuer.ds_key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
    ds_asn1 = asn1_x509.Certificate.load(issuer.ds.public_bytes(serialization.Encoding.DER))
    signer = {
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": {
            "issuer": ds_asn1.issuer, "serial_number": ds_asn1.serial_number}}),
        "digest_algorithm": {"algorithm": "sha256"},
        "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": "sha256_ecdsa"},
        "signature": signature,
    }
    signed = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": LDS_SECURITY_OBJECT_OID,
                               "content": core.ParsableOctetString(econtent)},
        "certificates": [ds_asn1],
        "signer_infos": [signer],
    })
    info = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    return tlv.encode(0x77, info.dump())
