"""Identify by an e-ID QR code (电子身份码) shown to the camera: scan frames until a code
decodes, refuse hostile or foreign content, then ask the identity service who it names.

The code itself is a credential: it is never logged, and the identity it resolves to still goes
through the face check (the remote verifier, since an e-ID carries no photo).
"""

from __future__ import annotations

import asyncio
import time

from kiosk.devices.camera.qr import QrCredentialReader, QrRejected
from kiosk.domain.errors import Advice, KioskError
from kiosk.domain.identity import Identity, identity_from_eid
from kiosk.face.check import FrameSource
from kiosk.services.errors import GatewayRejected
from kiosk.services.gateway import GatewayClient


class QrIdentifyFailed(KioskError):
    """No usable e-ID code was shown in time, or the identity service does not know it."""

    code = "qr_identify_failed"
    advice = Advice.USE_OTHER_METHOD


async def identify_by_qr(camera: FrameSource, reader: QrCredentialReader,
                         gateway: GatewayClient, *, timeout_s: float = 30.0) -> Identity:
    """Scan until a valid code is seen (QrRejected for a hostile one, at once: the citizen is
    told why), then resolve it. QrIdentifyFailed if none is shown within `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    seq = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise QrIdentifyFailed("no QR code was shown in time")
        seq, frame = await asyncio.to_thread(camera.next_frame, seq, min(2.0, remaining))
        text = await asyncio.to_thread(reader.decode, frame)
        if text is None:
            continue
        code = reader.validate(text)  # raises QrRejected with the reason
        try:
            registered = await gateway.resolve_eid(code)
        except GatewayRejected as exc:
            if exc.backend_code == "unknown_code":
                raise QrIdentifyFailed("the identity service does not know this code") from None
            raise
        return identity_from_eid(registered)


__all__ = ["QrIdentifyFailed", "QrRejected", "identify_by_qr"]
