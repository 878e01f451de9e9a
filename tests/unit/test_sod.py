from __future__ import annotations

import pytest

from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.icao import lds
from kiosk.devices.smartcard.icao.sod import SimulatedIssuer, SodError, build_sod, verify_sod


@pytest.fixture(scope="module")
def issuer() -> SimulatedIssuer:
    return SimulatedIssuer.create()


def groups() -> dict[int, bytes]:
    return {1: lds.build_dg1("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
            2: lds.build_dg2(b"\xff\xd8\xff\xe0" + bytes(500), 20, 30)}


def test_genuine_document_verifies_and_chains(issuer: SimulatedIssuer) -> None:
    g = groups()
    v = verify_sod(build_sod(g, issuer), g, [issuer.csca])
    assert v.verified
    assert v.chain == "trusted"


def test_altered_photo_is_named(issuer: SimulatedIssuer) -> None:
    g = groups()
    sod = build_sod(g, issuer)
    g[2] = g[2][:-1] + bytes([g[2][-1] ^ 1])
    v = verify_sod(sod, g)
    assert not v.verified
    assert v.mismatched == [2]
    assert v.reason == "data group 2 altered"


def test_foreign_signer_is_untrusted(issuer: SimulatedIssuer) -> None:
    g = groups()
    v = verify_sod(build_sod(g, SimulatedIssuer.create()), g, [issuer.csca])
    assert v.signature_ok
    assert v.chain == "untrusted"
    assert not v.verified


def test_altered_hash_list_breaks_the_signature(issuer: SimulatedIssuer) -> None:
    g = groups()
    sod = bytearray(build_sod(g, issuer))
    digest = __import__("hashlib").sha256(g[1]).digest()
    at = bytes(sod).find(digest)
    sod[at] ^= 1  # someone rewrote DG1's hash in the hash list
    v = verify_sod(bytes(sod), g)
    assert not v.signature_ok
    assert not v.verified


def test_garbage_sod_is_an_error() -> None:
    with pytest.raises(SodError):
        verify_sod(tlv.encode(0x77, b"\x30\x03\x02\x01\x01"), {})


def test_dg2_face_image_is_found() -> None:
    face = lds.parse_dg2(groups()[2])
    assert face.format == "jpeg"
    assert (face.width, face.height) == (20, 30)
    assert face.data.startswith(b"\xff\xd8\xff")
