"""SAM frames against the worked examples in docs/reference/id-card-sam.md."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from kiosk.devices.idcard.sam_frame import (
    PREAMBLE,
    BadFrame,
    Command,
    FrameReader,
    RawFrame,
    checksum,
    encode_command,
    encode_response,
    sw3_meaning,
)

COMMANDS = {
    Command.FIND_CARD: "AA AA AA 96 69 00 03 20 01 22",
    Command.SELECT_CARD: "AA AA AA 96 69 00 03 20 02 21",
    Command.READ_TEXT_PHOTO: "AA AA AA 96 69 00 03 30 01 32",
    Command.READ_TEXT_PHOTO_FINGERPRINT: "AA AA AA 96 69 00 03 30 10 23",
    Command.SAM_STATUS: "AA AA AA 96 69 00 03 11 FF ED",
    Command.RESET_SAM: "AA AA AA 96 69 00 03 10 FF EC",
    Command.SAM_ID: "AA AA AA 96 69 00 03 12 FF EE",
    Command.READ_APPENDED_ADDRESS: "AA AA AA 96 69 00 03 30 03 30",
}
RESPONSES = [
    (0x90, b"", "AA AA AA 96 69 00 04 00 00 90 94"),
    (0x81, b"", "AA AA AA 96 69 00 04 00 00 81 85"),
    (0x41, b"", "AA AA AA 96 69 00 04 00 00 41 45"),
    (0x9F, bytes(4), "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"),
    (0x80, b"", "AA AA AA 96 69 00 04 00 00 80 84"),
    (0x90, bytes(8), "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"),
]


@pytest.mark.parametrize(("command", "expected"), COMMANDS.items())
def test_command_frames_match_the_reference(command: Command, expected: str) -> None:
    assert encode_command(command) == bytes.fromhex(expected)


@pytest.mark.parametrize(("sw3", "data", "expected"), RESPONSES)
def test_response_frames_match_and_parse(sw3: int, data: bytes, expected: str) -> None:
    raw = bytes.fromhex(expected)
    assert encode_response(sw3, data) == raw
    frames = FrameReader().feed(raw)
    assert len(frames) == 1
    assert isinstance(frames[0], RawFrame)
    r = frames[0].as_response()
    assert (r.sw1, r.sw2, r.sw3, r.data) == (0, 0, sw3, data)


def test_read_answer_has_the_documented_size() -> None:
    data = b"\x01\x00\x04\x00" + bytes(256) + bytes(1024)
    frame = encode_response(0x90, data)
    assert len(frame) == 1295
    assert frame[5:7] == b"\x05\x08"


def test_pieces_and_garbage_before_the_preamble() -> None:
    raw = bytes.fromhex(RESPONSES[3][2])
    reader = FrameReader()
    stream = b"\x00\xff\xaa\xaa\x13" + raw
    out = []
    for b in stream:
        out += reader.feed(bytes([b]))
    assert [f.as_response().sw3 for f in out if isinstance(f, RawFrame)] == [0x9F]
    assert reader.discarded == 5


def test_bad_checksum_is_reported_not_returned() -> None:
    raw = bytearray(bytes.fromhex(RESPONSES[0][2]))
    raw[-1] ^= 1
    frames = FrameReader().feed(bytes(raw))
    assert len(frames) == 1
    assert isinstance(frames[0], BadFrame)
    assert "checksum" in frames[0].reason


def test_absurd_length_is_skipped_and_the_next_frame_found() -> None:
    good = bytes.fromhex(RESPONSES[0][2])
    frames = FrameReader().feed(PREAMBLE + b"\xff\xff" + good)
    assert [type(f) for f in frames] == [RawFrame]


def test_every_status_code_has_a_meaning() -> None:
    for code in (0x90, 0x9F, 0x80, 0x81, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33,
                 0x37, 0x3F, 0x40, 0x41, 0x47, 0x60, 0x66, 0x91):
        assert sw3_meaning(code) != "undocumented status"
    assert sw3_meaning(0x05) == "undocumented status"


@settings(max_examples=500, deadline=None)
@given(hst.binary(max_size=3000), hst.integers(min_value=1, max_value=64))
def test_arbitrary_streams_never_crash_or_yield_bad_frames(data: bytes, piece: int) -> None:
    reader = FrameReader()
    for i in range(0, len(data), piece):
        for f in reader.feed(data[i : i + piece]):
            if isinstance(f, RawFrame):
                body = (len(f.payload) + 1).to_bytes(2, "big") + f.payload
                # what we return is exactly a frame present in the input, checksum intact
                assert PREAMBLE + body + bytes([checksum(body)]) in data


@settings(max_examples=300, deadline=None)
@given(hst.binary(max_size=200), hst.binary(max_size=300), hst.binary(max_size=200))
def test_a_frame_in_noise_is_always_found(before: bytes, payload: bytes, after: bytes) -> None:
    frame = encode_response(0x90, payload)
    noise = before.replace(b"\xaa", b"\x00")  # no preamble-like bytes in the noise before
    found = [f for f in FrameReader().feed(noise + frame + after) if isinstance(f, RawFrame)]
    assert found
    assert found[0].as_response().data == payload


def test_timeouts_scale_with_the_baud_rate() -> None:
    from kiosk.devices.idcard.reader import command_timeout

    fast = command_timeout(Command.READ_TEXT_PHOTO, 115200)
    slow = command_timeout(Command.READ_TEXT_PHOTO, 9600)
    wire_9600 = 1295 * 10 / 9600
    assert slow > wire_9600 * 1.4  # room for the whole answer at 9600 baud (about 1.35 s)
    assert fast < slow / 2
    assert command_timeout(Command.FIND_CARD, 115200) < 0.5
