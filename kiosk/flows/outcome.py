"""What a visit can end as, the steps it goes through, and why it ended — as types, so that
front ends, statistics and tests branch on values, never on the words of a message.

- `Outcome`: approved (秒批, documents printed), submitted (for an agency's review), rejected (a
  rule or a check said no, with its words), referred (the kiosk could not decide: staff do),
  abandoned (the citizen declined, walked away, or took their card).
- `Step`: the engine's steps in order; `WORKING_STEPS` are those the "working" screen shows.
- `EndReason`: why a visit that did not complete ended.
- `VisitStop`: what a step raises to end the visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not at run time: the signing stack (pyHanko) would load with the UI
    from kiosk.documents.issuer import IssuedCertificate


class Outcome(StrEnum):
    APPROVED = "approved"
    SUBMITTED = "submitted"
    REJECTED = "rejected"
    REFERRED = "referred"
    ABANDONED = "abandoned"


class Step(StrEnum):
    IDENTIFY = "identify"
    CREDENTIAL = "credential"  # is this credential accepted for this service
    FACE_CHECK = "face_check"
    PULL_LICENSES = "pull_licenses"
    FILL_FORM = "fill_form"
    MATERIALS = "materials"
    DECIDE = "decide"
    PAY = "pay"  # 缴费: an item with a payment (kiosk/flows/payment_visit.py)
    SUBMIT = "submit"
    OFFERS = "offers"  # 政策找人: the policies the citizen is entitled to, with their consent
    PRINT = "print"
    RATE = "rate"


# The steps the "working" screen lists, in order (QML reads this through the bridge). Paying
# has screens of its own.
WORKING_STEPS: tuple[Step, ...] = (Step.PULL_LICENSES, Step.FILL_FORM, Step.MATERIALS,
                                   Step.DECIDE, Step.SUBMIT, Step.PRINT)


class EndReason(StrEnum):
    COMPLETED = "completed"
    REFUSED = "refused"  # a rule or a check said no, or sent the citizen to staff
    TIMED_OUT = "timed out"  # no answer in time, and no "still there"
    DECLINED = "declined"  # the citizen said no (consent, form, commitment, an answer)
    CARD_PULLED = "card removed"
    NOT_IDENTIFIED = "not identified"
    CANCELLED = "cancelled"


class VisitStop(Exception):
    """Ends the visit: raised by a step, caught by the engine."""

    def __init__(self, outcome: Outcome, reason: str, end: EndReason = EndReason.REFUSED,
                 at: Step | None = None) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason  # the citizen's words for rejected/referred, else a technical note
        self.end = end
        self.at = at


@dataclass
class PaymentResult:
    """A visit's payment order as it stood when the visit ended (no personal data)."""

    order_no: str
    amount_fen: int
    state: str  # the order's state (kiosk/services/payment_orders.py)
    application: str = ""  # the outbox item that records the service
    method: str = ""  # qr (the citizen scanned) | code (the kiosk read their payment code)
    e_receipt: str = ""  # the fiscal e-receipt's number, once issued
    refund_no: str = ""
    confirm_ms: float | None = None  # platform confirmation heard → the citizen told


@dataclass
class FlowResult:
    service: str
    outcome: Outcome
    reason: str = ""
    end: EndReason = EndReason.COMPLETED
    at: Step | None = None  # the step the visit ended in, when it did not complete
    case_numbers: list[str] = field(default_factory=list)
    uploading: bool = False  # submitted to the outbox, not yet acknowledged by the backend
    form: dict[str, str] = field(default_factory=dict)  # personal values masked
    printed: list[str] = field(default_factory=list)
    print_problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    certificates: list[IssuedCertificate] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)  # 五级好差评 levels given, if any
    # 政策找人: None when not asked; then whether the citizen agreed, which offers were shown
    # and which taken up (ids only: the offers themselves go with the session)
    offers_consent: bool | None = None
    offers_shown: list[str] = field(default_factory=list)
    offers_applied: list[str] = field(default_factory=list)
    # 扫码评: the receipt carries a rating code; the citizen chose to rate on the phone
    rating_code: bool = False
    rated_later: bool = False
    # seconds spent waiting on the world, by what: "credential" (identification), "citizen"
    # (answers), "camera" (the face check), "backend" (HTTP), "printers" (print jobs); the
    # rest of a visit's wall time is the kiosk's own cost (benchmark visit_overhead_ms)
    waited: dict[str, float] = field(default_factory=dict)
    payment: PaymentResult | None = None  # 缴费: the visit's order, if it made one

    def add_wait(self, kind: str, seconds: float) -> None:
        self.waited[kind] = self.waited.get(kind, 0.0) + seconds


# --- 取号: a referral comes with a queue ticket (kiosk/flows/queue_ticket.py) ---------------
def ticket_reason(result: FlowResult) -> str | None:
    """Why this visit's citizen may take a ticket (the contract's `reason`), or None."""
    if result.outcome is Outcome.REFERRED:
        return "referred"
    if result.end is EndReason.DECLINED and result.at is Step.FACE_CHECK:
        return "face_declined"
    return None


@dataclass(frozen=True)
class TicketOutcome:
    number: str  # "" when no ticket could be taken
    words: str  # what the screen says, in the visit's language
    printed: bool = False
    counters: tuple[str, ...] = ()
    group: str = ""
    waiting: int = 0
