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
