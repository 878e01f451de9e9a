"""Who the live face is compared with: the port, a local implementation (the credential's own
photo) and the remote seam (an identity-verification service, when no local photo exists).

Only pass/fail leaves a verifier; the score is compared with the threshold inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from kiosk.face.engine import FaceEngine, decode_image

Embedding = npt.NDArray[np.float32]


class ReferenceUnusable(RuntimeError):
    """No face could be found in the reference photo."""


class FaceVerifier(Protocol):
    async def verify(self, live: Embedding, live_jpeg: bytes) -> bool: ...

    def clear(self) -> None: ...


class LocalFaceVerifier:
    """Compares with the credential's photo (decoded ID-card photo, passport DG2)."""

    def __init__(self, engine: FaceEngine, reference_photo: bytes, threshold: float,
                 detect_score: float = 0.5) -> None:
        self._engine: FaceEngine | None = engine  # None once cleared: the models may go
        self._threshold = threshold
        image = decode_image(reference_photo)
        if image is None:
            raise ReferenceUnusable("the reference photo cannot be decoded")
        faces = engine.detect(image, detect_score)
        if not faces:
            raise ReferenceUnusable("no face in the reference photo")
        self._reference: Embedding | None = engine.embed(image, faces[0])
        image.fill(0)

    async def verify(self, live: Embedding, live_jpeg: bytes) -> bool:
        if self._reference is None or self._engine is None:
            raise RuntimeError("verifier already cleared")
        return self._engine.similarity(self._reference, live) >= self._threshold

    def clear(self) -> None:
        if self._reference is not None:
            self._reference.fill(0)
        self._reference = None
        self._engine = None


@dataclass(frozen=True, repr=False)
class RemoteVerificationRequest:
    """What the kiosk sends to an identity-verification service (the gateway's
    POST /face/verify): who the person claims to be, and one live JPEG, over mutual TLS."""

    kiosk_id: str
    credential: str  # idcard | passport | social_security | qr
    id_number: str  # personal: only ever sent to the service, never logged
    name: str
    live_jpeg: bytes
    liveness_passed: bool
    __personal__ = True

    def __repr__(self) -> str:
        return f"RemoteVerificationRequest({self.credential}, <redacted>)"


@dataclass(frozen=True)
class RemoteVerificationResponse:
    passed: bool
    reference: str  # the service's transaction id, for the audit log


class RemoteVerificationService(Protocol):
    async def verify_face(self, request: RemoteVerificationRequest
                          ) -> RemoteVerificationResponse: ...


class RemoteFaceVerifier:
    """Sends the live frame to the identity-verification service (implemented by the backend
    gateway; the simulated backend answers from its sample citizens)."""

    def __init__(self, service: RemoteVerificationService, *, kiosk_id: str, credential: str,
                 id_number: str, name: str) -> None:
        self._service = service
        self._claim: tuple[str, str, str, str] | None = (kiosk_id, credential, id_number, name)
        self.last_reference = ""

    async def verify(self, live: Embedding, live_jpeg: bytes) -> bool:
        if self._claim is None:
            raise RuntimeError("verifier already cleared")
        kiosk_id, credential, id_number, name = self._claim
        answer = await self._service.verify_face(RemoteVerificationRequest(
            kiosk_id, credential, id_number, name, live_jpeg, True))
        self.last_reference = answer.reference
        return answer.passed

    def clear(self) -> None:
        self._claim = None
