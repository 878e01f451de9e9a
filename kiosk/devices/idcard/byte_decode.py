"""Decoding bytes captured from a reader's line, for staff with a hex dump in hand
(`kiosk idcard decode`): a whole SAM answer frame to a read command, or the bare 256-byte
text block. The same frame reader and text-block decoder as the live `SamReader`."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.errors import DeviceProtocolError
from kiosk.devices.idcard.reader import split_read_data
from kiosk.devices.idcard.sam_frame import PREAMBLE, BadFrame, FrameReader, Sw3
from kiosk.devices.idcard.text_block import TextBlockError, decode_text_block
from kiosk.domain.identity import IdCardRecord


class CapturedBytesError(ValueError):
    """The bytes are not a read answer frame or a text block; the message says why."""


@dataclass(frozen=True)
class DecodedCapture:
    record: IdCardRecord
    photo_bytes: int  # length of the WLT photo in the frame (0: a bare text block)


def decode_captured(data: bytes) -> DecodedCapture:
    """The ID card record in `data`: a SAM frame (starts with the preamble) or a text block."""
    photo_len = 0
    if data.startswith(PREAMBLE):
        reader = FrameReader()
        frames = reader.feed(data)
        if not frames:
            raise CapturedBytesError(
                f"incomplete frame: {len(data)} bytes, the length field says "
                f"{7 + int.from_bytes(data[5:7], 'big')}")
        frame = frames[0]
        if isinstance(frame, BadFrame):
            raise CapturedBytesError(f"bad frame: {frame.reason}")
        if reader.pending() or len(frames) > 1:
            raise CapturedBytesError("trailing bytes after the frame")
        try:
            response = frame.as_response()
        except ValueError as exc:
            raise CapturedBytesError(f"bad frame: {exc}") from None
        if response.sw3 != Sw3.SUCCESS:
            raise CapturedBytesError(
                f"reader status SW3 {response.sw3:02X}: {response.meaning}")
        try:
            text, photo = split_read_data(response.data)
        except DeviceProtocolError as exc:
            raise CapturedBytesError(f"bad frame: {exc}") from None
        photo_len = len(photo)
    else:
        text = data
    try:
        return DecodedCapture(decode_text_block(text), photo_len)
    except TextBlockError as exc:
        raise CapturedBytesError(f"cannot decode the text block: {exc}") from None
