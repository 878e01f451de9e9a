"""The gateway's answers as typed values (docs/api/gateway.yaml), checked before anyone uses them.

Every 2xx body is validated here against the contract's schema for that operation, in strict
mode: a number is not a string, a string is not a list, a missing field is missing. A body that
does not fit is a `GatewayBadAnswer`, never a `KeyError` deep in a caller, and never an
acknowledgement: only a `Submitted` with at least one case number acknowledges an application,
and only an `Ack` with an id acknowledges a rating or a report.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from kiosk.services.errors import GatewayBadAnswer

# A case number or an acknowledgement id: printable, no spaces, of a sane length.
Token = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[\x21-\x7e]+$")]
Text = Annotated[str, StringConstraints(max_length=4096)]

# what a person on the other side typed (a staff member's name, a line of text): shown to the
# citizen as characters only, so control and format characters (the bidirectional overrides,
# zero-width marks) and line or paragraph separators, which could reorder what the citizen
# reads or make one line look like two, are taken out (markup is shown as typed: QML
# Text.PlainText)
_NOT_SHOWN = ("Cc", "Cf", "Zl", "Zp")


def _shown_plain(value: str) -> str:
    return "".join(ch for ch in value if unicodedata.category(ch) not in _NOT_SHOWN).strip()


ShortWords = Annotated[str, StringConstraints(max_length=40), AfterValidator(_shown_plain)]
LineWords = Annotated[str, StringConstraints(min_length=1, max_length=200),
                      AfterValidator(_shown_plain)]


class _Answer(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", frozen=True)


class Health(_Answer):
    status: Literal["ok"]


class ELicenseAnswer(_Answer):
    identifier: Text
    name: Text
    type_code: Text
    number: Text
    issuer: Text
    issuer_code: Text
    issue_date: Text
    valid_from: Text
    valid_to: Text | None
    holder: Text
    holder_code: Text
    holder_code_type: Literal["111", "001"]
    status: Literal["valid", "expired", "revoked"]
    fields: dict[str, Text] = Field(default_factory=dict)


class LicenseSearchAnswer(_Answer):
    licenses: Annotated[list[ELicenseAnswer], Field(max_length=500)]


class LicenseCopy(_Answer):
    maker: Text
    purpose: Text
    expires_at: Text
    reference: Text


class PulledLicenseAnswer(_Answer):
    license: ELicenseAnswer
    copy_: LicenseCopy = Field(alias="copy")


class RecordAnswer(_Answer):
    kind: Text
    holder_code: Text
    issued_at: Text
    data: dict[str, Any] | None  # None: nothing of this kind on record (an answer)


class Submitted(_Answer):
    """The acknowledgement of an application: its case numbers, one or more."""

    case_numbers: Annotated[list[Token], Field(min_length=1, max_length=50)]
    status: Literal["approved", "under_review"]


class Ack(_Answer):
    """The acknowledgement of a rating or a 办不成事 report."""

    id: Token


class RatingCodeAnswer(_Answer):
    """扫码评: the code for a receipt's cases, the page it opens, and until when."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-HJ-NP-Z2-9]{12}$")]
    url: Annotated[str, StringConstraints(pattern=r"^https://[\x21-\x7e]{1,300}$")]
    expires_at: Annotated[str, StringConstraints(max_length=40)]


class CaseStatusAnswer(_Answer):
    case_number: Token
    status: Literal["approved", "under_review", "rejected", "completed"]
    updated_at: Text
    note: Text = ""
    depends_on: Token | None = None  # 联办: the case this one stands on


class EidIdentityAnswer(_Answer):
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    id_number: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    sex: Literal["male", "female", "unknown"]
    birth: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    nationality: Text = ""
    # the registered identity document's last valid day; absent: long-term
    valid_to: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | None \
        = None


class FaceVerdictAnswer(_Answer):
    passed: bool
    reference: Text


class QueueTicketAnswer(_Answer):
    """A number at the hall's counters (取号): no personal data."""

    number: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}[0-9]{3,4}$")]
    group: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    group_name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    counters: Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=40)]],
                        Field(min_length=1, max_length=20)]
    waiting: Annotated[int, Field(ge=0, le=100_000)]
    issued_at: Text


class HelpRequestAnswer(_Answer):
    """A help request as the hall sees it: where, how long, who took it. No citizen."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-f0-9]{12}$")]
    status: Literal["waiting", "accepted", "cancelled", "ended"]
    position: Annotated[int, Field(ge=0, le=10_000)]
    waited_s: Annotated[int, Field(ge=0)]
    staff_name: ShortWords | None = None
    staff_counter: ShortWords | None = None


class HelpLine(_Answer):
    """One line of text in a taken request: the staff member's, or the citizen's echoed."""

    seq: Annotated[int, Field(ge=1, le=10**9)]
    sender: Literal["kiosk", "staff"]
    text: LineWords


class HelpLinesAnswer(_Answer):
    status: Literal["waiting", "accepted", "cancelled", "ended"]
    lines: Annotated[list[HelpLine], Field(max_length=50)]


class SessionDescriptionAnswer(_Answer):
    type: Literal["offer", "answer"]
    sdp: Annotated[str, StringConstraints(min_length=1, max_length=65536)]


class HelpCallAnswer(_Answer):
    """A video request's call: its status and the session descriptions so far."""

    status: Literal["waiting", "accepted", "cancelled", "ended"]
    offer: SessionDescriptionAnswer | None = None
    answer: SessionDescriptionAnswer | None = None


# what the platform wrote for the citizen to read (a policy's title, what it gives): shown as
# characters only, like the words of a person on the other side
OfferTitle = Annotated[str, StringConstraints(min_length=1, max_length=40),
                       AfterValidator(_shown_plain)]
OfferLine = Annotated[str, StringConstraints(min_length=1, max_length=200),
                      AfterValidator(_shown_plain)]
OfferNote = Annotated[str, StringConstraints(max_length=1000), AfterValidator(_shown_plain)]


class OfferAnswer(_Answer):
    """免申即享: one policy the platform found the citizen entitled to."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,40}$")]
    title: OfferTitle
    gives: OfferLine
    needs: Annotated[list[OfferLine], Field(max_length=10)]
    apply_here: bool
    where: OfferNote = ""
    item_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    value_yuan_per_year: Annotated[int, Field(ge=0, le=10_000_000)]
    commitment: OfferNote | None = None


class OffersAnswer(_Answer):
    offers: Annotated[list[OfferAnswer], Field(max_length=50)]


class Problem(_Answer):
    code: Text
    message: Text
    retryable: bool | None = None
    # booking_other_day: the day the booking is for
    booked_on: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | None \
        = None


class BookingAnswer(_Answer):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")]
    item_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    service_title: ShortWords
    starts_at: Text
    ends_at: Text


class CheckInAnswer(_Answer):
    """预约签到: the booking, how the citizen arrived, and the hall's ticket (no person)."""

    booking: BookingAnswer
    arrival: Literal["on_time", "early", "late"]
    priority: bool
    ticket: QueueTicketAnswer


A = TypeVar("A", bound=_Answer)


def parse_answer(model: type[A], body: Any, *, what: str) -> A:
    """`body` as `model`, or GatewayBadAnswer naming the first fields that do not fit (never
    their values: answers carry personal data)."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in e["loc"]) or "(body)"
                          for e in exc.errors()[:3])
        raise GatewayBadAnswer(f"{what}: the answer does not fit the contract ({where})") \
            from None


def problem_of(body: Any) -> Problem | None:
    """The contract's Problem in an error answer, if that is what the body is."""
    try:
        return Problem.model_validate(body)
    except ValidationError:
        return None
