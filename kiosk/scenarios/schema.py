"""The scenario file format (docs/scenarios.md) as a typed schema: a value of the wrong type or
outside what is allowed stops the run with `file:line: field: problem` (exit 2), instead of a
traceback — or worse, a silent misreading (`sign_commitment: "no"` counted as signed,
`faults.backend.down: "false"` as down, `rating.level: -1` accepted).

Booleans, numbers and texts are strict: YAML's `true`/`false` are booleans, a quoted "false"
is a text and refused where a boolean is meant. Dates accept YAML dates, `YYYY-MM-DD` and
`YYYYMMDD`; the sex of an inline card the card's own spellings (male/female, 男/女, 1/2).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationInfo,
    model_validator,
)

from kiosk.devices.idcard.text_block import utf16_units
from kiosk.domain.clock import KioskClock


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


_RELATIVE = re.compile(r"^today(?:([+-])(\d{1,5}))?$")


def scenario_today(at: Any) -> date:
    """The day a scenario's relative dates count from: the day of its `at:` moment, else
    today in China Standard Time."""
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            at = None
    if isinstance(at, datetime) and at.tzinfo is not None:
        return KioskClock.at(at, running=False).today()
    return KioskClock().today()


def _a_date(value: Any, info: ValidationInfo) -> Any:
    """YAML date, 'YYYY-MM-DD' or 'YYYYMMDD' (quoted or not) → date; also `today`, `today-1`,
    `today+30` (days from the scenario's day, `scenario_today`: a card that expires today,
    whenever the scenario runs). Anything else is left to fail."""
    if isinstance(value, str) and (relative := _RELATIVE.match(value.strip())):
        sign, days = relative.groups()
        offset = int(days or 0) * (-1 if sign == "-" else 1)
        today = (info.context or {}).get("today") or KioskClock().today()
        return today + timedelta(days=offset)
    if isinstance(value, int) and not isinstance(value, bool) and 10_000_000 <= value < 100_000_000:
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 8 and text.isascii() and text.isdigit():
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        try:
            return date.fromisoformat(text)
        except ValueError:
            return value
    return value


def _a_sex(value: Any) -> Any:
    spellings = {"男": "male", "女": "female", "1": "male", "2": "female", 1: "male",
                 2: "female", "m": "male", "f": "female"}
    if isinstance(value, str | int) and not isinstance(value, bool):
        return spellings.get(value.lower() if isinstance(value, str) else value, value)
    return value


def _valid_to(value: Any, info: ValidationInfo) -> Any:
    return value if value in ("长期", "long-term") else _a_date(value, info)


CardDate = Annotated[date, BeforeValidator(_a_date)]


def _card_field(units: int) -> AfterValidator:
    """A text that fits its field on the card, counted as the card counts: in UTF-16 units,
    two for a character beyond the BMP (𠈌)."""
    def fits(value: str) -> str:
        taken = utf16_units(value)
        if taken > units:
            raise ValueError(f"takes {taken} UTF-16 units on the card, where the field holds "
                             f"{units} (a character beyond the BMP, such as 𠈌, takes two)")
        return value
    return AfterValidator(fits)


class InlineCard(_Strict):
    """An ID card written into the scenario: the simulated reader carries it. A resident ID
    card, or (`kind: foreign_2017`) a foreigner's permanent residence card of 2017, whose
    15-character number is made of `nationality`, `acceptance`, the birth date and 01."""

    kind: Literal["resident", "foreign_2017"] = "resident"
    name: Annotated[StrictStr, Field(min_length=1), _card_field(15)]
    sex: Annotated[Literal["male", "female"], BeforeValidator(_a_sex)] = "male"
    birth: CardDate
    address: Annotated[StrictStr, _card_field(35)] = "易办市示范路1号"
    id_number: StrictStr | None = None  # derived from region, birth and sex when absent
    region: Annotated[StrictStr, Field(pattern=r"^[0-9]{6}$")] = "110105"
    authority: Annotated[StrictStr, _card_field(15)] = "易办市公安局"
    valid_from: CardDate = date(2016, 1, 1)
    valid_to: Annotated[date | Literal["长期", "long-term"], BeforeValidator(_valid_to)] = \
        date(2036, 1, 1)
    nation: Annotated[StrictStr, Field(pattern=r"^[0-9]{2}$")] = "01"
    # foreign_2017 only: the English name, ISO 3166 alpha-3 nationality, acceptance place
    english_name: Annotated[StrictStr, Field(pattern=r"^[A-Z ,.'-]*$"), _card_field(60)] = ""
    nationality: Annotated[StrictStr, Field(pattern=r"^[A-Z]{3}$")] = "USA"
    acceptance: Annotated[StrictStr, Field(pattern=r"^[0-9]{4}$")] = "1100"
    # the card's photo, which is also the face the `genuine` camera shows and the registry
    # photo the identity service compares with: one of the sample world's two faces
    photo: Literal["person-1", "person-2"] | None = None


class Citizen(_Strict):
    credential: Literal["idcard", "passport", "social_security", "qr"] = "idcard"
    qr: Annotated[StrictStr, Field(min_length=1, max_length=512)] | None = None
    card: StrictStr | InlineCard = "zhang-wei"
    face: Literal["genuine", "impostor", "no_face", "decline"] = "genuine"
    passport: Literal["sample", "expired"] = "sample"  # which e-passport (credential: passport)
    pull_card_at: Literal["form", "confirm"] | None = None  # walks off with the ID card there
    takes_ticket: StrictBool = False  # 取号 when the end screen offers a queue ticket


class Rating(_Strict):
    level: Annotated[StrictInt, Field(ge=1, le=5)]
    reasons: list[StrictStr] = []
    comment: Annotated[StrictStr, Field(max_length=500)] = ""

    @model_validator(mode="after")
    def _low_needs_a_reason(self) -> Rating:
        if self.level <= 2 and not (self.reasons or self.comment):
            raise ValueError("levels 1 and 2 need reasons or a comment")
        return self


Count = Annotated[StrictInt, Field(ge=0, le=100)]


class BackendFaults(_Strict):
    """The simulated backend's faults (kiosk/sim/backend.py), and its payment platform's
    (kiosk/sim/payment_platform.py)."""

    down: StrictBool = False
    slow_s: Annotated[StrictFloat | StrictInt, Field(ge=0, le=60)] = 0
    slow_submit_s: Annotated[StrictFloat | StrictInt, Field(ge=0, le=60)] = 0
    errors: Count = 0
    drop_after_commit: Count = 0
    expired_licenses: StrictBool = False
    service_refused: Count = 0  # paid, but the service is refused: the kiosk refunds
    confirm_delay_s: Annotated[StrictFloat | StrictInt, Field(ge=0, le=60)] = 0
    lost_notifications: Count = 0
    paid_after_close: Count = 0
    refund_refused: Count = 0
    statement_extra: Count = 0
    statement_missing: Count = 0
    order_lifetime_s: Annotated[StrictFloat | StrictInt, Field(ge=2, le=7200)] = 900


class Pay(_Strict):
    """How the scripted citizen pays when the service asks (缴费)."""

    accepts: StrictBool = True  # false: declines the amount shown (不缴了)
    by: Literal["qr", "code"] = "qr"  # the phone scans the QR, or shows its payment code
    wallet: Literal["wechat", "alipay", "unionpay"] = "wechat"  # the app (by: code)
    # pays; declines (the bank says no); needs_pin (confirmed in the app, by: code); never
    # (the citizen does not pay: the countdown runs out)
    phone: Literal["pays", "declines", "needs_pin", "never"] = "pays"
    gives_up: StrictBool = False  # presses 取消支付 once the phone has tried (or at once)
    # a contribution for the household: the relations paid for (default: every one due)
    members: list[Literal["self", "spouse", "child", "parent", "other"]] | None = None


class PaymentExpected(_Strict):
    state: Literal["printed", "served", "closed", "refunded"] | None = None
    charged_fen: Annotated[StrictInt, Field(ge=0)] | None = None  # what the platform kept
    amount_fen: Annotated[StrictInt, Field(ge=0)] | None = None  # what the order asked
    method: Literal["qr", "code"] | None = None
    e_receipt: StrictBool | None = None  # a fiscal e-receipt number was printed


class Faults(_Strict):
    backend: BackendFaults | None = None
    receipt_printer: Literal["paper_out"] | None = None
    document_printer: Literal["stopped"] | None = None


OfferId = Annotated[StrictStr, Field(pattern=r"^[a-z0-9-]{1,40}$")]


class Offers(_Strict):
    """政策找人: whether the citizen agrees to the kiosk looking for their policies, and which of
    those shown they apply for (by the offer's id; its commitment, if any, signed)."""

    consent: StrictBool = False
    apply: list[OfferId] = []


class ExpectOffers(_Strict):
    shown: list[OfferId] | None = None  # exactly these, in this order
    applied: list[OfferId] | None = None


class Booking(_Strict):
    """A booking on the province's app (预约叫号), laid in the simulated hall before the
    citizen arrives: for the scenario's service, on `day` at `time` (the hall's zone)."""

    day: CardDate = Field(default="today", validate_default=True)  # today+1: tomorrow
    time: Annotated[StrictStr, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    minutes: Annotated[StrictInt, Field(ge=5, le=240)] = 30
    status: Literal["booked", "cancelled"] = "booked"
    holder: Literal["self", "other"] = "self"  # other: booked for someone else


class CheckIn(_Strict):
    """预约签到 from the home screen instead of a service: the booking, and whether the
    citizen types its code before presenting their credential."""

    booking: Booking
    types_code: StrictBool = False


class ExpectCheckIn(_Strict):
    checked_in: StrictBool | None = None
    arrival: Literal["on_time", "early", "late"] | None = None
    priority: StrictBool | None = None
    refused: Literal["booking_not_found", "booking_other_person", "booking_other_day",
                     "booking_cancelled"] | None = None


class Expect(_Strict):
    outcome: Literal["approved", "submitted", "rejected", "referred", "abandoned"] | None = None
    printed: list[Literal["certificate", "receipt", "refund_slip"]] | None = None
    form: dict[StrictStr, StrictStr | StrictInt | StrictFloat] | None = None
    reason_contains: StrictStr | None = None
    cases: Annotated[StrictInt, Field(ge=0, le=50)] | None = None
    certificate_contains: list[StrictStr] | None = None  # texts printed on the certificate
    linked_cases: Annotated[StrictInt, Field(ge=0, le=50)] | None = None  # 联办: cases that
    # stand on another case of the same visit
    ticket: Literal["printed", "none"] | None = None  # 取号: a printed number, or none at all
    payment: PaymentExpected | None = None  # 缴费: the order's end, what was charged
    offers: ExpectOffers | None = None  # 政策找人: what was shown and applied for
    check_in: ExpectCheckIn | None = None  # 预约签到: how the hall took the booking
    rated_later: StrictBool | None = None  # 扫码评: the receipt had a code and it was chosen
    # lines printed on the receipt printer during the scenario (receipts and tickets)
    receipt_contains: list[Annotated[StrictStr, Field(min_length=1, max_length=60)]] | None = None


class SocialInsuranceRecord(_Strict):
    insured_months: Annotated[StrictInt, Field(ge=0, le=1200)] = 0
    status: StrictStr = "未参保"
    types: list[StrictStr] = []


class CriminalRecord(_Strict):
    has_record: StrictBool = False
    checked_from: CardDate = date(2008, 1, 1)


class Household(_Strict):
    """The household register (户口簿): the births of the citizen's children in it."""

    children: Annotated[list[CardDate], Field(max_length=10)] = []


class Records(_Strict):
    """What the registries hold on an inline citizen (the plain state where not given)."""

    social_insurance: SocialInsuranceRecord | None = None
    criminal_record: CriminalRecord | None = None
    household: Household | None = None
    disability_grade: Annotated[StrictInt, Field(ge=1, le=4)] | None = None  # 残疾人证 on file


# How a text answer is typed on a keyboard (`keys:`): words separated by spaces; a word of
# lower-case letters is Pinyin, spelt and its first candidate taken (Space), or the candidate
# its last digit names ("ji3"); anything else (digits, "-") is typed as it is.
_KEY_WORD = re.compile(r"[a-z]+[1-9]?|[0-9A-Z#.,()-]+")


def _key_words(value: str) -> str:
    bad = [w for w in value.split() if not _KEY_WORD.fullmatch(w)]
    if bad or not value.strip():
        raise ValueError(f"words on a keyboard: Pinyin in lower-case letters (a digit after it "
                         f"picks a candidate), or digits and signs typed as they are; not "
                         f"{' '.join(bad) or 'nothing'}")
    return value


KeyWords = Annotated[StrictStr, Field(max_length=200), AfterValidator(_key_words)]


def _a_moment(value: Any) -> Any:
    """An ISO 8601 date and time with its UTC offset (YAML may already have read it)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def _with_offset(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("say the UTC offset, e.g. 2026-02-28T09:30:00+08:00")
    return value


class ScenarioSpec(_Strict):
    service: Annotated[StrictStr, Field(min_length=1)]
    citizen: Citizen
    # the kiosk's clock when the visit starts (it runs on from there); relative dates count
    # from its day. Unset: the real time.
    at: Annotated[datetime, BeforeValidator(_a_moment), AfterValidator(_with_offset)] | None = None
    # headless: the scripted citizen answers the visit directly; keys: the visit goes through
    # the kiosk's real screens (offscreen), by keyboard only (kiosk/scenarios/on_screens.py)
    drive: Literal["headless", "keys"] = "headless"
    keys: dict[StrictStr, KeyWords] = {}   # field id → how its text answer is typed
    elder: StrictBool = False               # elder mode: more time for every step
    licenses: list[dict[StrictStr, Any]] = []
    records: Records | None = None
    answers: dict[StrictStr, StrictStr | StrictInt | StrictFloat] = {}
    sign_commitment: StrictBool = False
    offers: Offers = Offers()
    check_in: CheckIn | None = None  # 预约签到 instead of the service's visit
    rating: Rating | None = None
    # 扫码评: "稍后手机扫码评价" on the rating screen, when the receipt carries a code
    rate_later: StrictBool = False
    report_not_done: Annotated[StrictStr, Field(max_length=2000)] | None = None
    pay: Pay = Pay()
    faults: Faults = Faults()
    expect: Expect = Expect()

    @model_validator(mode="after")
    def _keys_need_the_screens(self) -> ScenarioSpec:
        if self.keys and self.drive != "keys":
            raise ValueError("keys: says how answers are typed, for drive: keys")
        if self.drive == "keys" and self.rating is not None and self.rating.comment:
            raise ValueError("drive: keys: the rating screen has no comment box")
        if self.check_in is not None and self.drive != "headless":
            raise ValueError("check_in: runs headless (the screens' check-in is tested in "
                             "tests/ui/test_hall.py)")
        return self
