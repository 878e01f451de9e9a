"""The Interaction port: how a flow talks to the person at the kiosk. The Qt UI implements it
with screens; the scenario runner implements it from a script. Flows never touch either."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from kiosk.domain.offers import Offer
from kiosk.face.guidance import Guidance
from kiosk.face.liveness import Turn
from kiosk.flows.schema import FormField

# elder mode: half as long again for every step (VisitRunner.run's `patience`)
ELDER_PATIENCE = 1.5


@dataclass(frozen=True)
class FilledField:
    id: str
    label: str
    value: str
    source: str  # "identity", "license:<type>", "record:<kind>", or "citizen"
    personal: bool
    masked: bool = False  # shown masked until the citizen asks (FormField.masked_on_screen)


@dataclass(frozen=True)
class SignedCommitment:
    text_sha256: str
    strokes: list[list[tuple[int, int]]]
    # "keys": signed without touch, by confirming twice on the keypad (recorded as such)
    method: Literal["handwritten", "keys"] = "handwritten"


@dataclass(frozen=True)
class PaymentLine:
    """One thing paid for on the payment screen: the item (a fee, a tier), or one member of
    the household a contribution is for (`ref` names them to the backend)."""

    label: str
    amount_fen: int
    ref: str = ""
    due: bool = True  # False: already paid for the period (listed, not payable)
    personal: bool = False  # a person's name: covered on a staff member's shared screen


@dataclass(frozen=True)
class PaymentOffer:
    """What the citizen is asked to pay, before any order exists: what, to whom, how much."""

    item_name: str
    payee: str
    period: str  # what a contribution is for ("2027年度"), "" for a fee
    lines: list[PaymentLine]
    choosable: bool = False  # the citizen may leave lines out (members of the household)


@dataclass(frozen=True)
class PaymentAccepted:
    refs: list[str]  # the lines chosen (by ref; all due lines when the offer is not choosable)


@dataclass(frozen=True)
class PaymentShown:
    """The order, made and durable: its QR code (主扫) and, at the same time, the camera
    waiting for a payment code (被扫), with the countdown."""

    order_no: str
    amount_fen: int
    item_name: str
    payee: str
    qr_text: str
    countdown_s: float
    codes_accepted: bool  # a payment code can be shown to the camera too


@dataclass(frozen=True)
class PaymentConfirmed:
    order_no: str
    amount_fen: int
    heard_at: float  # time.perf_counter() when the platform's confirmation arrived


@dataclass(frozen=True)
class RatingAnswer:
    level: int  # 5 非常满意 … 1 非常不满意
    reasons: list[str]
    comment: str = ""


@dataclass(frozen=True)
class RateLater:
    """扫码评: the citizen will rate on their phone, with the receipt's code."""


class Interaction(Protocol):
    def step(self, name: str) -> None: ...
    def progress(self, message: str) -> None: ...
    def deadline(self, seconds: float) -> None:
        """The current question times out in `seconds` unless the citizen acts (a countdown)."""
    async def still_there(self, grace_s: float) -> bool:
        """The time is up: ask "still there?" and give `grace_s` (≥ 20 s) to ask for more."""
    async def ask_face_consent(self) -> bool: ...
    def guide(self, guidance: Guidance) -> None: ...
    def challenge(self, turn: Turn) -> None: ...
    async def ask_field(self, field: FormField, error: str | None) -> str | None: ...
    async def confirm_form(self, form: list[FilledField]) -> bool: ...
    async def sign_commitment(self, text: str) -> SignedCommitment | None: ...
    async def offer_payment(self, offer: PaymentOffer) -> PaymentAccepted | None:
        """Amount, payee and what is paid for, before paying: go on (with the lines chosen)
        or None (the citizen does not pay)."""
    async def wait_at_payment(self, shown: PaymentShown) -> None:
        """Show the order's QR code, amount, payee and countdown while the kiosk waits for
        the platform; returns only if the citizen gives up (取消支付)."""
    def payment_problem(self, text: str) -> None:
        """A payment code did not pay (words for the citizen); the kiosk keeps waiting."""
    async def payment_confirmed(self, paid: PaymentConfirmed) -> None:
        """The platform confirmed the payment: "已支付", and only now; returns when the
        citizen has had it in front of them (a screen holds it a moment)."""
    def finished(self, outcome: str, case_numbers: list[str], printed: list[str],
                 problems: list[str], *, uploading: bool = False,
                 rating_code: bool = False) -> None:
        """The decision is made and the documents are out (or not): tell the citizen.
        `uploading`: the application is safe in the outbox but the backend has not answered
        yet (the case numbers are the kiosk's own reference until it does). `rating_code`:
        the receipt carries a code to rate on the phone later (扫码评)."""
    async def ask_offers_consent(self) -> bool:
        """政策找人: may the kiosk ask the platform which policies this citizen is entitled to
        (the purpose said on the screen)? False, or no answer: nothing is asked, nothing shown."""
    async def choose_offer(self, offers: list[Offer], applied: dict[str, str],
                           note: str) -> str | None:
        """The offers found (none is an answer too); `applied`: offer id → the case number of
        those applied for in this visit; `note`: what just happened, in the citizen's words.
        The id of the offer the citizen applies for now (one tap), or None: done."""
    async def rate(self, item_code: str, case_number: str) -> RatingAnswer | RateLater | None:
        """The rating now, later on the phone (when the receipt has a code), or none."""
    async def report_not_done(self, reason: str) -> str | None: ...
