"""QR codes shown to the camera as a credential: decoded in a worker process of their own
(`qr_decoder`), then validated against the configured format before anything else sees them.
Hostile content (huge, binary, control characters, a web address) is refused with a plain
reason."""

from __future__ import annotations

import re

from kiosk.devices.camera.base import Frame
from kiosk.devices.camera.qr_decoder import IsolatedQrDecoder
from kiosk.devices.errors import DeviceError
from kiosk.domain.errors import Advice


class QrRejected(DeviceError):
    code = "qr_rejected"
    advice = Advice.USE_OTHER_METHOD


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.", re.IGNORECASE)


class QrCredentialReader:
    def __init__(self, pattern: str, max_length: int = 512,
                 decoder: IsolatedQrDecoder | None = None) -> None:
        self.pattern = re.compile(pattern)
        self.max_length = max_length
        # decode runs in worker threads; the decoder takes one frame at a time
        self.decoder = decoder if decoder is not None else IsolatedQrDecoder()

    def decode(self, frame: Frame) -> str | None:
        """The text of the QR code in the frame, or None (none seen, or the decoder lost it)."""
        return self.decoder.decode(frame)

    def close(self) -> None:
        """Ends the decoder's worker process (a later decode starts another)."""
        self.decoder.close()

    def validate(self, text: str) -> str:
        """The credential text, or QrRejected with the reason."""
        if len(text) > self.max_length:
            raise QrRejected(f"the code holds {len(text)} characters, more than "
                             f"{self.max_length}")
        if any(ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF or c == "\ufffd"
               for c in text):
            raise QrRejected("the code holds binary data or control characters")
        if _URL.match(text.strip()):
            raise QrRejected("the code is a web address, not an identity code")
        if not self.pattern.fullmatch(text):
            raise QrRejected("the code is not an identity code this kiosk accepts")
        return text
