"""QR codes shown to the camera as a credential: decoded with OpenCV, then validated against
the configured format before anything else sees them. Hostile content (huge, binary, control
characters, a web address) is refused with a plain reason."""

from __future__ import annotations

import re
import threading

import cv2

from kiosk.devices.camera.base import Frame
from kiosk.devices.errors import DeviceError
from kiosk.domain.errors import Advice


class QrRejected(DeviceError):
    code = "qr_rejected"
    advice = Advice.USE_OTHER_METHOD


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.", re.IGNORECASE)


class QrCredentialReader:
    def __init__(self, pattern: str, max_length: int = 512) -> None:
        self.pattern = re.compile(pattern)
        self.max_length = max_length
        self._detector = cv2.QRCodeDetector()
        # decode runs in worker threads; a cancelled caller's thread may still be decoding
        # when the next one starts, and one OpenCV detector must not be used by two at once.
        self._lock = threading.Lock()

    def decode(self, frame: Frame) -> str | None:
        with self._lock:
            text, _points, _raw = self._detector.detectAndDecode(frame)
        return text or None

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
