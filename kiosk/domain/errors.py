"""The root of every typed error in the kiosk, and the next step a citizen is offered.

Each layer derives its own hierarchy from `KioskError` (devices: `DeviceError`; config:
`ConfigError`; ...). Every error carries a stable `code` (for logs and staff) and an
`advice` (what the citizen can do next); the words shown to the citizen come from
`kiosk.domain.citizen_messages`, never from the exception text, which may be technical.
"""

from __future__ import annotations

from enum import StrEnum


class Advice(StrEnum):
    """The next step a citizen is offered after an error."""

    RETRY = "retry"
    PLACE_CARD_AGAIN = "place_card_again"
    CALL_STAFF = "call_staff"
    TAKE_TICKET = "take_ticket"
    USE_OTHER_METHOD = "use_other_method"
    RENEW_CREDENTIAL = "renew_credential"  # a temporary ID at the police counter, or staff


class KioskError(Exception):
    """Base of all kiosk errors. `code` names the kind of failure; `advice` the next step."""

    code: str = "error"
    advice: Advice = Advice.CALL_STAFF

    def __init__(self, detail: str = "", *, code: str | None = None) -> None:
        super().__init__(detail or self.__class__.__name__)
        self.detail = detail
        if code is not None:
            self.code = code


class CredentialExpired(KioskError):
    """The credential presented is past its validity date: it identifies no one here."""

    code = "credential_expired"
    advice = Advice.RENEW_CREDENTIAL
