from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from kiosk.documents.keys import DocumentKeys, SigningKeyLocked
from kiosk.documents.qr_payload import (
    CertificateClaim,
    encode_payload,
    parse_payload,
    verify_payload,
)
from kiosk.domain.masking import mask_name

PREFIX = "https://verify.example.gov.cn/c/"
WRAP = bytes(range(32))  # the documents.key credential of these tests


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DocumentKeys:
    return DocumentKeys.load_or_create(tmp_path_factory.mktemp("keys"), "T-1", wrap_key=WRAP)


def payload(keys: DocumentKeys, name: str = "刘䶮") -> str:
    claim = CertificateClaim("WFZ-2026-000123", "WFZZM", mask_name(name), date(2026, 11, 23),
                             keys.key_id)
    return encode_payload(claim, keys.qr_key, PREFIX)


def test_genuine_payload_is_valid(keys: DocumentKeys) -> None:
    text = payload(keys)
    assert text.startswith(PREFIX + "YB1.WFZ-2026-000123.WFZZM.")
    assert len(text) < 200
    v = verify_payload(text, keys.trusted_qr_keys())
    assert v.valid, v.reason
    assert v.claim is not None
    assert v.claim.holder_masked == "刘*"
    assert v.claim.issue_date == date(2026, 11, 23)


def test_every_one_character_change_is_caught(keys: DocumentKeys) -> None:
    text = payload(keys)
    body_start = text.index("YB1.") + 4
    for i in range(body_start, len(text)):
        if text[i] == ".":
            continue
        for replacement in ("0", "A", "z"):
            if replacement == text[i]:
                continue
            altered = text[:i] + replacement + text[i + 1 :]
            v = verify_payload(altered, keys.trusted_qr_keys())
            assert not v.valid, f"change at {i} went unnoticed"
            break


def test_unknown_key_and_malformed_payloads(keys: DocumentKeys, tmp_path: Path) -> None:
    other = DocumentKeys.load_or_create(tmp_path / "other", "T-2", wrap_key=WRAP)
    v = verify_payload(payload(other), keys.trusted_qr_keys())
    assert not v.valid
    assert v.reason == f"unknown key {other.key_id}"
    for hostile in ("", "hello", "YB1." + "A" * 2000, "YB1.A.B.C.D.E.F\x00",
                    "YB1.WFZ.S.x.20261301.abcdef12." + "A" * 86):
        v = verify_payload(hostile, keys.trusted_qr_keys())
        assert not v.valid
        assert v.reason.startswith("malformed payload")


def test_trusted_keys_of_other_kiosks(keys: DocumentKeys, tmp_path: Path) -> None:
    other = DocumentKeys.load_or_create(tmp_path / "k2", "T-3", wrap_key=WRAP)
    trusted = keys.directory / "trusted"
    trusted.mkdir(exist_ok=True)
    (trusted / "t3.pub").write_text(other.public_qr_key_b64())
    try:
        assert verify_payload(payload(other), keys.trusted_qr_keys()).valid
    finally:
        (trusted / "t3.pub").unlink()


def test_keys_are_private_and_stable(tmp_path: Path) -> None:
    k1 = DocumentKeys.load_or_create(tmp_path / "keys", "T-9", wrap_key=WRAP)
    k2 = DocumentKeys.load_or_create(tmp_path / "keys", "T-9", wrap_key=WRAP)
    assert k1.key_id == k2.key_id
    for name in ("document-ed25519.pem", "document-signing.pem"):
        mode = stat.S_IMODE((tmp_path / "keys" / name).stat().st_mode)
        assert mode == 0o600, name


def test_parse_gives_the_signature_separately(keys: DocumentKeys) -> None:
    claim, sig = parse_payload(payload(keys))
    assert len(sig) == 64
    assert claim.key_id == keys.key_id


def test_signing_keys_are_wrapped_and_an_older_kiosks_plain_keys_get_wrapped(
        tmp_path: Path) -> None:
    made = DocumentKeys.load_or_create(tmp_path / "keys", "T-8", wrap_key=WRAP)
    for name in ("document-ed25519.pem", "document-signing.pem"):
        with pytest.raises(TypeError, match="encrypted"):  # the file alone opens nothing
            serialization.load_pem_private_key((tmp_path / "keys" / name).read_bytes(), None)
    with pytest.raises(SigningKeyLocked):  # another kiosk's credential does not open them
        DocumentKeys.load_or_create(tmp_path / "keys", "T-8", wrap_key=bytes(32))
    # an older kiosk left its QR key in clear: it keeps its key id and is wrapped in place
    (tmp_path / "keys" / "document-ed25519.pem").write_bytes(made.qr_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    again = DocumentKeys.load_or_create(tmp_path / "keys", "T-8", wrap_key=WRAP)
    assert again.key_id == made.key_id
    assert b"ENCRYPTED PRIVATE KEY" in (tmp_path / "keys" / "document-ed25519.pem").read_bytes()
