from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.apdu import Command

TAGS = hst.sampled_from([0x01, 0x5C, 0x87, 0x99, 0x8E, 0x5F1F, 0x5F2E, 0x7F61, 0x7F60])


@settings(max_examples=300, deadline=None)
@given(hst.lists(hst.tuples(TAGS, hst.binary(max_size=700)), max_size=5))
def test_encode_then_parse_round_trips(items: list[tuple[int, bytes]]) -> None:
    data = b"".join(tlv.encode(t, v) for t, v in items)
    parsed = list(tlv.iter_tlv(data))
    assert [(p.tag, p.value) for p in parsed] == items


@settings(max_examples=500, deadline=None)
@given(hst.binary(max_size=400))
def test_arbitrary_bytes_raise_only_tlv_errors(data: bytes) -> None:
    try:
        for item in tlv.iter_tlv(data):
            if item.constructed:
                item.children()
    except tlv.TlvError:
        pass


def test_nested_find_and_total_length() -> None:
    inner = tlv.encode(0x5F2E, b"\xff\xd8\xff" + bytes(300))
    outer = tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x7F60, inner)))
    item, end = tlv.parse_one(outer)
    assert end == len(outer)
    found = item.find(0x5F2E)
    assert found is not None
    assert found.value.startswith(b"\xff\xd8")
    assert tlv.total_length(outer[:4]) == len(outer)


@settings(max_examples=300, deadline=None)
@given(data=hst.binary(max_size=300), le=hst.one_of(hst.none(), hst.integers(1, 65536)),
       extended=hst.booleans())
def test_command_apdu_round_trip(data: bytes, le: int | None, extended: bool) -> None:
    cmd = Command(0x00, 0xB0, 0x12, 0x34, data, le)
    assert Command.parse(cmd.encode(extended=extended)) == cmd


def test_known_apdu_bytes() -> None:
    assert Command(0x00, 0x84, 0, 0, le=8).encode() == bytes.fromhex("0084000008")
    assert Command(0x00, 0xB0, 0, 0, le=256).encode() == bytes.fromhex("00B0000000")
    with pytest.raises(ValueError, match="Lc"):
        Command.parse(bytes.fromhex("00A4040C0701"))
