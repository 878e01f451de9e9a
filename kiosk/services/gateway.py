"""The async client of the government gateway (docs/api/gateway.yaml).

Every request has a timeout and carries X-Request-Id and X-Kiosk-Id; TLS is verified against
a configured CA bundle, with a client certificate for mutual TLS where the province asks for
it. Failures become typed errors (GatewayUnavailable, GatewayTimeout, GatewayServerError,
GatewayRejected). Personal data travels only in bodies, never in URLs.
"""

from __future__ import annotations

import base64
import socket
import uuid
from pathlib import Path
from typing import Any

import httpx

from kiosk.events import EventId
from kiosk.face.verifier import RemoteVerificationRequest, RemoteVerificationResponse
from kiosk.logging import get_logger
from kiosk.services.errors import (
    GatewayRejected,
    GatewayServerError,
    GatewayTimeout,
    GatewayUnavailable,
)

log = get_logger(__name__)


class GatewayClient:
    def __init__(self, base_url: str, kiosk_id: str, *, timeout_s: float = 10.0,
                 ca_bundle: Path | None = None, client_cert: Path | None = None,
                 client_key: Path | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        verify: Any = str(ca_bundle) if ca_bundle else True
        cert: Any = (str(client_cert), str(client_key)) if client_cert and client_key else \
            (str(client_cert) if client_cert else None)
        self.kiosk_id = kiosk_id
        if transport is None:
            # TCP_NODELAY: without it a request's headers and body meet Nagle's algorithm and
            # delayed ACKs, about 40 ms a call on loopback.
            transport = httpx.AsyncHTTPTransport(
                verify=verify, cert=cert,
                socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
        self._client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"), timeout=httpx.Timeout(timeout_s, connect=5.0),
            transport=transport,
            headers={"X-Kiosk-Id": kiosk_id, "User-Agent": "yiban-kiosk"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def request(self, method: str, path: str, *, json: Any = None,
                      idempotency_key: str | None = None) -> tuple[int, Any]:
        request_id = uuid.uuid4().hex
        headers = {"X-Request-Id": request_id}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            r = await self._client.request(method, path, json=json, headers=headers)
        except httpx.TimeoutException as exc:
            raise GatewayTimeout(f"{method} {path}: no answer in time ({type(exc).__name__})") \
                from None
        except httpx.TransportError as exc:
            raise GatewayUnavailable(f"{method} {path}: {type(exc).__name__}: {exc}") from None
        log.info("gateway call", event_id=EventId.GATEWAY_CALL, method=method, path=path,
                 status=r.status_code, request_id=request_id)
        try:
            body = r.json() if r.content else None
        except ValueError:
            body = None
        if r.status_code >= 500:
            raise GatewayServerError(f"{method} {path}: HTTP {r.status_code}")
        if r.status_code == 429:
            raise GatewayServerError(f"{method} {path}: rate limited")
        if r.status_code >= 400:
            code = body.get("code", "") if isinstance(body, dict) else ""
            message = body.get("message", "") if isinstance(body, dict) else ""
            raise GatewayRejected(f"{method} {path}: HTTP {r.status_code} {code} {message}",
                                  backend_code=code)
        return r.status_code, body

    # --- the operations -------------------------------------------------------------------

    async def health(self) -> bool:
        _s, body = await self.request("GET", "/v1/health")
        return isinstance(body, dict) and body.get("status") == "ok"

    async def search_licenses(self, holder_code: str, purpose: str,
                              type_codes: list[str] | None = None) -> list[dict[str, Any]]:
        _s, body = await self.request("POST", "/v1/licenses/search", json={
            "holder_code": holder_code, "holder_code_type": "111", "purpose": purpose,
            **({"type_codes": type_codes} if type_codes else {})})
        return list(body["licenses"])

    async def pull_license(self, identifier: str, holder_code: str,
                           purpose: str) -> dict[str, Any]:
        _s, body = await self.request("POST", "/v1/licenses/pull", json={
            "identifier": identifier, "holder_code": holder_code, "purpose": purpose})
        return dict(body)

    async def fetch_record(self, kind: str, holder_code: str, purpose: str) -> dict[str, Any]:
        _s, body = await self.request("POST", f"/v1/records/{kind}", json={
            "holder_code": holder_code, "purpose": purpose})
        return dict(body)

    async def submit_application(self, application: dict[str, Any],
                                 idempotency_key: str) -> dict[str, Any]:
        _s, body = await self.request("POST", "/v1/applications", json=application,
                                      idempotency_key=idempotency_key)
        return dict(body)

    async def case_status(self, case_number: str) -> dict[str, Any]:
        _s, body = await self.request("GET", f"/v1/cases/{case_number}")
        return dict(body)

    async def rate(self, rating: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        _s, body = await self.request("POST", "/v1/ratings", json=rating,
                                      idempotency_key=idempotency_key)
        return dict(body)

    async def report_not_done(self, report: dict[str, Any],
                              idempotency_key: str) -> dict[str, Any]:
        _s, body = await self.request("POST", "/v1/feedback", json=report,
                                      idempotency_key=idempotency_key)
        return dict(body)

    async def resolve_eid(self, code: str) -> dict[str, Any]:
        """The identity behind an e-ID QR code; GatewayRejected (unknown_code) if none."""
        _s, body = await self.request("POST", "/v1/identity/eid",
                                      json={"kiosk_id": self.kiosk_id, "code": code})
        return dict(body)

    async def verify_face(self, request: RemoteVerificationRequest
                          ) -> RemoteVerificationResponse:
        _s, body = await self.request("POST", "/v1/face/verify", json={
            "kiosk_id": request.kiosk_id, "credential": request.credential,
            "id_number": request.id_number, "name": request.name,
            "live_jpeg_b64": base64.b64encode(request.live_jpeg).decode(),
            "liveness_passed": request.liveness_passed})
        return RemoteVerificationResponse(bool(body["passed"]), str(body["reference"]))
