"""Typed errors of the gateway layer."""

from __future__ import annotations

from kiosk.domain.errors import Advice, KioskError


class GatewayError(KioskError):
    code = "gateway_error"
    advice = Advice.TAKE_TICKET
    retryable = True


class GatewayUnavailable(GatewayError):
    """No connection (network down, backend down, TLS failure)."""

    code = "gateway_unavailable"


class GatewayTimeout(GatewayError):
    code = "gateway_timeout"
    advice = Advice.RETRY


class GatewayServerError(GatewayError):
    code = "gateway_server_error"


class GatewayRejected(GatewayError):
    """The backend refused the request (4xx): retrying the same request will not help."""

    code = "gateway_rejected"
    advice = Advice.CALL_STAFF
    retryable = False

    def __init__(self, detail: str = "", *, code: str | None = None,
                 backend_code: str = "", details: dict[str, str] | None = None) -> None:
        super().__init__(detail, code=code)
        self.backend_code = backend_code
        # what the problem says besides its code, checked against the contract (booked_on)
        self.details = dict(details or {})


class GatewayBadAnswer(GatewayError):
    """The backend answered, but not with what the contract promises (wrong status, content
    type or shape, unreadable JSON). Nothing is taken from such an answer: an application
    stays in the outbox and is tried again later."""

    code = "gateway_bad_answer"


class GatewayRedirected(GatewayBadAnswer):
    """A 3xx: a captive portal or a misconfigured proxy. Redirects are never followed."""

    code = "gateway_redirected"


class GatewayAnswerTooLarge(GatewayBadAnswer):
    code = "gateway_answer_too_large"
