"""The async client of the government gateway (docs/api/gateway.yaml).

Every request carries X-Request-Id and X-Kiosk-Id; TLS is always verified (against a configured
CA bundle, or the system's authorities; no setting turns it off), with the kiosk's client
certificate for mutual TLS where one is configured (kiosk/services/gateway_tls.py). Personal
data travels only in bodies, never in URLs.

The backend is a trust boundary. Each call has one total deadline (connecting, sending, headers
and body together: a body trickled one byte at a time still ends on time), a cap on the answer's
size (checked against Content-Length before reading and while reading), no redirects, and only
a 2xx JSON answer that fits the contract's schema for that operation
(`kiosk.services.gateway_answers`) is returned. Everything else is a typed `GatewayError`:
GatewayUnavailable, GatewayTimeout, GatewayServerError, GatewayRejected, GatewayBadAnswer
(GatewayRedirected, GatewayAnswerTooLarge).
"""

from __future__ import annotations

import asyncio
import base64
import json as jsonlib
import socket
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from kiosk.domain.offers import Offer
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import (
    GatewayAnswerTooLarge,
    GatewayBadAnswer,
    GatewayRedirected,
    GatewayRejected,
    GatewayServerError,
    GatewayTimeout,
    GatewayUnavailable,
)
from kiosk.services.gateway_answers import (
    Ack,
    CaseStatusAnswer,
    CheckInAnswer,
    EidIdentityAnswer,
    FaceVerdictAnswer,
    Health,
    HelpCallAnswer,
    HelpLine,
    HelpLinesAnswer,
    HelpRequestAnswer,
    LicenseSearchAnswer,
    OffersAnswer,
    PulledLicenseAnswer,
    QueueTicketAnswer,
    RatingCodeAnswer,
    RecordAnswer,
    Submitted,
    parse_answer,
    problem_of,
)
from kiosk.services.gateway_tls import gateway_tls

if TYPE_CHECKING:  # the face engine (OpenCV) loads with the first face check
    from kiosk.face.verifier import RemoteVerificationRequest, RemoteVerificationResponse

log = get_logger(__name__)

DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024


class GatewayClient:
    def __init__(self, base_url: str, kiosk_id: str, *, timeout_s: float = 10.0,
                 max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
                 ca_bundle: Path | None = None, client_cert: Path | None = None,
                 client_key: Path | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.kiosk_id = kiosk_id
        self.timeout_s = timeout_s
        self.max_answer_bytes = max_answer_bytes
        if transport is None:
            # TCP_NODELAY: without it a request's headers and body meet Nagle's algorithm and
            # delayed ACKs, about 40 ms a call on loopback.
            transport = httpx.AsyncHTTPTransport(
                verify=gateway_tls(ca_bundle, client_cert, client_key),
                socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
        self._client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout_s, connect=min(5.0, timeout_s)),
            transport=transport, follow_redirects=False,
            headers={"X-Kiosk-Id": kiosk_id, "User-Agent": "yiban-kiosk"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def request(self, method: str, path: str, *, json: Any = None,
                      idempotency_key: str | None = None,
                      deadline_s: float | None = None) -> tuple[int, Any]:
        """One call: (status, parsed JSON body or None) for a 2xx, a GatewayError otherwise.
        The whole call, body included, ends within `deadline_s` (default: the client's)."""
        request_id = uuid.uuid4().hex
        headers = {"X-Request-Id": request_id}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        what = f"{method} {path}"
        try:
            async with asyncio.timeout(deadline_s or self.timeout_s):
                status, content_type, raw = await self._exchange(method, path, json, headers,
                                                                 what)
        except TimeoutError:
            raise GatewayTimeout(f"{what}: no complete answer within "
                                 f"{deadline_s or self.timeout_s:g} s") from None
        log.info("gateway call", event_id=EventId.GATEWAY_CALL, method=method, path=path,
                 status=status, request_id=request_id, size=len(raw))
        body = self._decode(raw, content_type, what) if raw else None
        if 200 <= status < 300:
            if raw and not content_type.startswith("application/json"):
                raise GatewayBadAnswer(f"{what}: HTTP {status} with {content_type or 'no'} "
                                       "content type, not JSON")
            if raw and body is None:
                raise GatewayBadAnswer(f"{what}: HTTP {status} with a body that is not JSON")
            return status, body
        if 300 <= status < 400:
            raise GatewayRedirected(f"{what}: HTTP {status} redirect (not followed)")
        problem = problem_of(body)
        code = problem.code[:64] if problem else ""
        detail = f"{what}: HTTP {status}" + (f" {code}" if code else "")
        if status >= 500 or status == 429:
            raise GatewayServerError(detail)
        if status >= 400:
            details = {"booked_on": problem.booked_on} if problem and problem.booked_on else {}
            raise GatewayRejected(detail, backend_code=code, details=details)
        raise GatewayBadAnswer(f"{what}: HTTP {status}")

    async def _exchange(self, method: str, path: str, json: Any, headers: dict[str, str],
                        what: str) -> tuple[int, str, bytes]:
        """Send, then read the answer up to the size cap."""
        try:
            async with self._client.stream(method, path, json=json, headers=headers) as r:
                declared = r.headers.get("content-length", "")
                if declared.isascii() and declared.isdigit() and \
                        int(declared) > self.max_answer_bytes:
                    raise GatewayAnswerTooLarge(f"{what}: the answer announces {declared} "
                                                f"bytes, more than {self.max_answer_bytes}")
                chunks: list[bytes] = []
                size = 0
                async for chunk in r.aiter_bytes():  # decoded: a gzip bomb counts in full
                    size += len(chunk)
                    if size > self.max_answer_bytes:
                        raise GatewayAnswerTooLarge(f"{what}: the answer is larger than "
                                                    f"{self.max_answer_bytes} bytes")
                    chunks.append(chunk)
                content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
                return r.status_code, content_type, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise GatewayTimeout(f"{what}: no answer in time ({type(exc).__name__})") from None
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise GatewayUnavailable(f"{what}: {type(exc).__name__}: {exc}") from None

    @staticmethod
    def _decode(raw: bytes, content_type: str, what: str) -> Any:
        """The JSON in `raw`, or None when it is not JSON at all (an error page)."""
        if content_type and not content_type.startswith("application/"):
            return None
        try:
            return jsonlib.loads(raw)
        except (ValueError, RecursionError):
            return None

    # --- the operations: each answer checked against the contract -------------------------

    async def health(self) -> bool:
        _s, body = await self.request("GET", "/v1/health")
        parse_answer(Health, body, what="health")
        return True

    async def search_licenses(self, holder_code: str, purpose: str,
                              type_codes: list[str] | None = None) -> list[dict[str, Any]]:
        _s, body = await self.request("POST", "/v1/licenses/search", json={
            "holder_code": holder_code, "holder_code_type": "111", "purpose": purpose,
            **({"type_codes": type_codes} if type_codes else {})})
        parse_answer(LicenseSearchAnswer, body, what="license search")
        return [dict(item) for item in body["licenses"]]

    async def pull_license(self, identifier: str, holder_code: str,
                           purpose: str) -> dict[str, Any]:
        _s, body = await self.request("POST", "/v1/licenses/pull", json={
            "identifier": identifier, "holder_code": holder_code, "purpose": purpose})
        parse_answer(PulledLicenseAnswer, body, what="license pull")
        return dict(body)

    async def fetch_record(self, kind: str, holder_code: str, purpose: str) -> dict[str, Any]:
        _s, body = await self.request("POST", f"/v1/records/{kind}", json={
            "holder_code": holder_code, "purpose": purpose})
        parse_answer(RecordAnswer, body, what=f"record {kind}")
        return dict(body)

    async def find_offers(self, holder_code: str, purpose: str) -> list[Offer]:
        """政策找人: the policies the platform finds `holder_code` entitled to. Only call it
        when the citizen agreed to `purpose` on the screen (the request says so)."""
        _s, body = await self.request("POST", "/v1/offers/search", json={
            "kiosk_id": self.kiosk_id, "holder_code": holder_code, "holder_code_type": "111",
            "purpose": purpose, "consent": True})
        answer = parse_answer(OffersAnswer, body, what="offers")
        return [Offer(o.id, o.title, o.gives, tuple(o.needs), o.apply_here, o.where,
                      o.item_code, o.value_yuan_per_year, o.commitment or None)
                for o in answer.offers]

    async def submit_application(self, application: dict[str, Any],
                                 idempotency_key: str) -> Submitted:
        _s, body = await self.request("POST", "/v1/applications", json=application,
                                      idempotency_key=idempotency_key)
        return parse_answer(Submitted, body, what="application")

    async def case_status(self, case_number: str) -> CaseStatusAnswer:
        _s, body = await self.request("GET", f"/v1/cases/{case_number}")
        return parse_answer(CaseStatusAnswer, body, what="case status")

    async def rate(self, rating: dict[str, Any], idempotency_key: str) -> Ack:
        _s, body = await self.request("POST", "/v1/ratings", json=rating,
                                      idempotency_key=idempotency_key)
        return parse_answer(Ack, body, what="rating")

    async def rating_code(self, cases: list[tuple[str, str]], service_title: str,
                          idempotency_key: str, deadline_s: float | None = None
                          ) -> RatingCodeAnswer:
        """扫码评: a short-lived code for these (case number, item code), printed on their
        receipt as the page it opens."""
        _s, body = await self.request("POST", "/v1/ratings/codes", json={
            "kiosk_id": self.kiosk_id, "service_title": service_title[:60],
            "cases": [{"case_number": c, "item_code": i} for c, i in cases]},
            idempotency_key=idempotency_key, deadline_s=deadline_s)
        return parse_answer(RatingCodeAnswer, body, what="rating code")

    async def rate_anonymously(self, rating: dict[str, Any], idempotency_key: str) -> Ack:
        """卡片评: an anonymous rating of the hall, a counter or a service item (429, a
        GatewayServerError, when the platform's limit for this kiosk is reached: tried later)."""
        _s, body = await self.request("POST", "/v1/ratings/anonymous", json=rating,
                                      idempotency_key=idempotency_key)
        return parse_answer(Ack, body, what="anonymous rating")

    async def report_not_done(self, report: dict[str, Any], idempotency_key: str) -> Ack:
        _s, body = await self.request("POST", "/v1/feedback", json=report,
                                      idempotency_key=idempotency_key)
        return parse_answer(Ack, body, what="report")

    async def deliver(self, kind: str, body: dict[str, Any], idempotency_key: str) -> list[str]:
        """Send one outbox item; returns the case numbers it was acknowledged with (none for a
        rating or a report). Anything but a valid acknowledgement raises a GatewayError."""
        if kind == "application":
            return list((await self.submit_application(body, idempotency_key)).case_numbers)
        if kind == "rating":
            await self.rate(body, idempotency_key)
            return []
        if kind == "feedback":
            await self.report_not_done(body, idempotency_key)
            return []
        if kind == "card_rating":
            await self.rate_anonymously(body, idempotency_key)
            return []
        raise ValueError(f"unknown outbox kind {kind!r}")

    async def take_queue_ticket(self, service_code: str, reason: str,
                                idempotency_key: str) -> QueueTicketAnswer:
        """A number for the counters that handle `service_code` (取号); a repeat with the same
        key answers the same ticket."""
        _s, body = await self.request("POST", "/v1/queue/tickets", json={
            "kiosk_id": self.kiosk_id, "service_code": service_code, "reason": reason},
            idempotency_key=idempotency_key)
        return parse_answer(QueueTicketAnswer, body, what="queue ticket")

    async def check_in(self, holder_code: str, booking_code: str,
                       idempotency_key: str) -> CheckInAnswer:
        """预约签到: the booked person checks in (with the booking code they typed, or "");
        GatewayRejected with the hall's code when it refuses (booking_other_day says
        `details["booked_on"]`). A repeat with the same key answers the same ticket."""
        _s, body = await self.request("POST", "/v1/appointments/check-in", json={
            "kiosk_id": self.kiosk_id, "holder_code": holder_code,
            **({"booking_code": booking_code} if booking_code else {})},
            idempotency_key=idempotency_key)
        return parse_answer(CheckInAnswer, body, what="check-in")

    async def request_help(self, screen: str, service_code: str | None, mode: str,
                           waiting_s: int) -> HelpRequestAnswer:
        """呼叫工作人员: where help is needed and for how long, never who needs it."""
        _s, body = await self.request("POST", "/v1/help/requests", json={
            "kiosk_id": self.kiosk_id, "screen": screen, "service_code": service_code,
            "mode": mode, "waiting_s": waiting_s})
        return parse_answer(HelpRequestAnswer, body, what="help request")

    async def help_request(self, request_id: str) -> HelpRequestAnswer:
        _s, body = await self.request("GET", f"/v1/help/requests/{request_id}")
        return parse_answer(HelpRequestAnswer, body, what="help request")

    async def cancel_help_request(self, request_id: str) -> HelpRequestAnswer:
        _s, body = await self.request("DELETE", f"/v1/help/requests/{request_id}")
        return parse_answer(HelpRequestAnswer, body, what="help request")

    async def say_help_line(self, request_id: str, text: str) -> HelpLine:
        """One line of the citizen's to the staff member (文字交流)."""
        _s, body = await self.request("POST", f"/v1/help/requests/{request_id}/lines",
                                      json={"text": text})
        return parse_answer(HelpLine, body, what="help line")

    async def help_lines(self, request_id: str, after: int) -> HelpLinesAnswer:
        """The lines after `after`, the staff member's among them."""
        _s, body = await self.request("GET",
                                      f"/v1/help/requests/{request_id}/lines?after={after}")
        return parse_answer(HelpLinesAnswer, body, what="help lines")

    async def help_call(self, request_id: str) -> HelpCallAnswer:
        """A video request's call: has the console answered, has either side hung up."""
        _s, body = await self.request("GET", f"/v1/help/requests/{request_id}/call")
        return parse_answer(HelpCallAnswer, body, what="help call")

    async def offer_help_call(self, request_id: str, sdp: str) -> HelpCallAnswer:
        _s, body = await self.request("PUT", f"/v1/help/requests/{request_id}/call/offer",
                                      json={"type": "offer", "sdp": sdp})
        return parse_answer(HelpCallAnswer, body, what="help call")

    async def hang_up_help_call(self, request_id: str) -> HelpRequestAnswer:
        _s, body = await self.request("POST", f"/v1/help/requests/{request_id}/call/hangup")
        return parse_answer(HelpRequestAnswer, body, what="help request")

    async def resolve_eid(self, code: str) -> dict[str, Any]:
        """The identity behind an e-ID QR code; GatewayRejected (unknown_code) if none."""
        _s, body = await self.request("POST", "/v1/identity/eid",
                                      json={"kiosk_id": self.kiosk_id, "code": code})
        return parse_answer(EidIdentityAnswer, body, what="e-ID").model_dump()

    async def verify_face(self, request: RemoteVerificationRequest
                          ) -> RemoteVerificationResponse:
        _s, body = await self.request("POST", "/v1/face/verify", json={
            "kiosk_id": request.kiosk_id, "credential": request.credential,
            "id_number": request.id_number, "name": request.name,
            "live_jpeg_b64": base64.b64encode(request.live_jpeg).decode(),
            "liveness_passed": request.liveness_passed})
        verdict = parse_answer(FaceVerdictAnswer, body, what="face verification")
        from kiosk.face.verifier import RemoteVerificationResponse

        return RemoteVerificationResponse(verdict.passed, verdict.reference)
