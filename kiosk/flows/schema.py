"""The typed schema of a service definition (one YAML file per service item) and of a
一件事 bundle. Adding a service item is a new YAML file, validated at load; no new Python.

See docs/service-definitions.md for the format.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.domain.identity import Credential
from kiosk.domain.languages import LANGS, Lang
from kiosk.domain.money import Fen

Text = dict[Lang, str]
_ID = r"^[a-z0-9][a-z0-9-]{1,62}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _complete(text: dict[str, str]) -> dict[str, str]:
    missing = set(LANGS) - set(text)
    if missing:
        raise ValueError(f"missing translation(s): {', '.join(sorted(missing))}")
    return text


class Validation(_Strict):
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    message: Text

    @field_validator("pattern")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
        return v

    _m = field_validator("message")(_complete)


class FormField(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]
    label: Text
    source: str | None = None  # e.g. identity.name, license.business_licence.number
    input: Literal["text", "phone", "number", "choice", "date"] | None = None
    options: list[str] = Field(default_factory=list)  # the values stored (zh-Hans)
    option_labels: dict[str, Text] = Field(default_factory=dict)  # what each option is called
    required: bool = True
    validate_: Validation | None = Field(default=None, alias="validate")
    example: str
    personal: bool = False

    _l = field_validator("label")(_complete)

    @property
    def masked_on_screen(self) -> bool:
        """Personal values other than names (ID numbers, phone numbers, addresses) are shown
        masked until the citizen presses 显示: someone may be standing behind them."""
        return self.personal and not (self.source == "identity.name" or self.id.endswith("name"))

    @model_validator(mode="after")
    def _source_or_input(self) -> FormField:
        if (self.source is None) == (self.input is None):
            raise ValueError("a field has either a source (pre-filled) or an input (asked)")
        if self.input == "choice" and not self.options:
            raise ValueError("a choice field lists its options")
        if self.input == "choice" and self.example not in self.options:
            raise ValueError("the example must be one of the options")
        unlabelled = [o for o in self.options if o not in self.option_labels]
        if unlabelled:
            raise ValueError(f"option_labels must name every option in zh-Hans, zh-Hant and "
                             f"en (missing: {', '.join(unlabelled)})")
        stray = [k for k in self.option_labels if k not in self.options]
        if stray:
            raise ValueError(f"option_labels names options that do not exist: "
                             f"{', '.join(stray)}")
        for label in self.option_labels.values():
            _complete({str(k): v for k, v in label.items()})
        return self


class LicensePull(_Strict):
    type: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]  # our name for it
    type_code: Annotated[str, Field(pattern=r"^[0-9A-Z]{21}$")]  # GB/T 36904 type code
    name: Text
    purpose: Text
    required: bool = False  # without it the service cannot be done here
    _p = field_validator("purpose", "name")(_complete)


class RecordPull(_Strict):
    kind: Literal["social_insurance", "criminal_record"]
    purpose: Text
    # what "nothing on record" means for this service (e.g. {has_record: false}): the facts
    # the rules see when the registry answers that it holds nothing of this kind. Without it,
    # nothing on record cannot be judged and the citizen is referred to staff.
    if_none: dict[str, str | int | float | bool] | None = None
    _p = field_validator("purpose")(_complete)


class Pulls(_Strict):
    licenses: list[LicensePull] = Field(default_factory=list)
    records: list[RecordPull] = Field(default_factory=list)


class Material(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]
    name: Text
    covered_by_license: str | None = None  # an e-license type that covers it (免提交)
    commitment_allowed: bool = False  # 告知承诺 may stand in for it
    _n = field_validator("name")(_complete)


class Commitment(_Strict):
    text: Text
    not_eligible_rule: str | None = None  # CEL: true means this citizen may NOT commit
    _t = field_validator("text")(_complete)


class Rule(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]
    expr: str
    message: Text
    _m = field_validator("message")(_complete)


class Document(_Strict):
    template: Literal["certificate"]
    title: Text
    body: list[str]  # paragraphs, {field} placeholders filled from the form
    issuer: str
    purpose_field: str | None = None
    _t = field_validator("title")(_complete)


class Receipt(_Strict):
    next_steps: Text
    _n = field_validator("next_steps")(_complete)


class TimeBudget(_Strict):
    identify: Annotated[int, Field(gt=0, le=600)] = 60
    face: Annotated[int, Field(gt=0, le=600)] = 30
    form: Annotated[int, Field(gt=0, le=1800)] = 300
    sign: Annotated[int, Field(gt=0, le=900)] = 180
    print: Annotated[int, Field(gt=0, le=600)] = 120
    # the countdown while the kiosk waits for a payment (then the order is closed); never
    # longer than the platform keeps the order open
    pay: Annotated[int, Field(ge=30, le=900)] = 180


# What the backend can quote for a citizen (POST /v1/payments/quotes): the amount is the
# registry's, not the definition's (e.g. the year's contribution of each insured member of
# the household).
QuoteKind = Literal["resident_medical_insurance"]


class Tiers(_Strict):
    """A contribution tier the citizen chooses on the form: `field` is a choice field of
    this item, and `fen` gives every one of its options an amount."""

    field: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]
    fen: Annotated[dict[str, Fen], Field(min_length=1)]


class Amount(_Strict):
    """What is paid: exactly one of a fixed fee, a tier chosen on the form, or an amount
    the backend quotes for this citizen. In fen (a whole number: 1000 is 10.00 yuan)."""

    fen: Fen | None = None
    tiers: Tiers | None = None
    quote: QuoteKind | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Amount:
        given = [k for k in ("fen", "tiers", "quote") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("an amount is exactly one of fen (a fixed fee), tiers (chosen "
                             "on the form) or quote (the backend's amount for this citizen)"
                             + (f"; given: {', '.join(given)}" if given else ""))
        return self


class Payment(_Strict):
    """A fee or a contribution paid at the kiosk (缴费), through the province's public
    payment platform. `when`: `before_submit` — paid, then the application goes in (a
    licence fee); `is_the_service` — the payment is what the citizen came for (a
    contribution), recorded with the order."""

    when: Literal["before_submit", "is_the_service"]
    item_name: Text  # what is paid (缴费项目), on the screen, the order and the receipt
    payee: Text  # who is paid (收款单位 / 执收单位)
    amount: Amount
    e_receipt: bool = True  # a fiscal e-receipt (财政电子票据) is issued for it
    _t = field_validator("item_name", "payee")(_complete)


class ServiceDefinition(_Strict):
    id: Annotated[str, Field(pattern=_ID)]
    item_code: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{2,40}$")]
    titles: Text
    category: Literal["personal", "business"]
    keywords: list[str] = Field(default_factory=list)
    credentials: Annotated[list[Credential], Field(min_length=1)]
    face_check: Literal["required", "none"] = "required"
    pulls: Pulls = Field(default_factory=Pulls)
    fields: list[FormField]
    materials: list[Material] = Field(default_factory=list)
    commitment: Commitment | None = None
    rules: list[Rule] = Field(default_factory=list)
    approval: Literal["instant", "review"]
    review_days: Annotated[int, Field(ge=0, le=60)] = 0
    documents: list[Document] = Field(default_factory=list)
    receipt: Receipt
    time_budget_s: TimeBudget = Field(default_factory=TimeBudget)
    payment: Payment | None = None

    _t = field_validator("titles")(_complete)

    @field_validator("fields")
    @classmethod
    def _unique_fields(cls, fields: list[FormField]) -> list[FormField]:
        ids = [f.id for f in fields]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"field ids repeat: {', '.join(sorted(dupes))}")
        return fields

    @field_validator("materials")
    @classmethod
    def _covered_by_pulled(cls, materials: list[Material], info: ValidationInfo
                           ) -> list[Material]:
        pulls = info.data.get("pulls")
        pulled = {lp.type for lp in pulls.licenses} if isinstance(pulls, Pulls) else set()
        for m in materials:
            if m.covered_by_license and m.covered_by_license not in pulled:
                raise ValueError(f"material {m.id!r} is covered by license "
                                 f"{m.covered_by_license!r}, which is not pulled")
        return materials

    @field_validator("documents")
    @classmethod
    def _documents_use_fields(cls, documents: list[Document], info: ValidationInfo
                              ) -> list[Document]:
        fields = info.data.get("fields") or []
        ids = {f.id for f in fields}
        for d in documents:
            if d.purpose_field and d.purpose_field not in ids:
                raise ValueError(f"purpose_field {d.purpose_field!r} is not a field")
            for para in d.body:
                for name in re.findall(r"{(\w+)}", para):
                    if name not in ids:
                        raise ValueError(f"document text uses {{{name}}}, which is not a field")
        return documents

    @model_validator(mode="after")
    def _consistent(self) -> ServiceDefinition:
        if any(m.commitment_allowed for m in self.materials) and self.commitment is None:
            raise ValueError("a material allows a commitment, but no commitment text is given")
        if self.approval == "instant" and self.review_days:
            raise ValueError("an instant service has no review days")
        return self

    @field_validator("payment")
    @classmethod
    def _payment_fits(cls, payment: Payment | None, info: ValidationInfo) -> Payment | None:
        """A tier is a choice field of this item with an amount for each option; a payment
        that is the service is recorded when paid (decided on the spot)."""
        if payment is None:
            return None
        tiers = payment.amount.tiers
        if tiers is not None:
            chosen = next((f for f in info.data.get("fields") or [] if f.id == tiers.field),
                          None)
            if chosen is None or chosen.input != "choice":
                raise ValueError(f"amount.tiers.field: {tiers.field!r} is not a choice field "
                                 "of this item")
            if set(chosen.options) != set(tiers.fen):
                missing = sorted(set(chosen.options) - set(tiers.fen))
                stray = sorted(set(tiers.fen) - set(chosen.options))
                raise ValueError(f"amount.tiers.fen: every option of {tiers.field!r} has an "
                                 "amount, and only those"
                                 + (f" (no amount: {', '.join(missing)})" if missing else "")
                                 + (f" (not an option: {', '.join(stray)})" if stray else ""))
        if payment.when == "is_the_service" and info.data.get("approval") != "instant":
            raise ValueError("when: a payment that is the service is recorded when it is "
                             "paid: approval must be instant")
        return payment


class BundleNeed(_Strict):
    """Within a bundle, a later item takes an earlier item's application in place of an
    e-license the citizen does not hold yet (联办): the health permit of a first restaurant
    needs the business licence that the bundle's registration applies for."""

    item: Annotated[str, Field(pattern=_ID)]  # the item that needs the licence
    license: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]  # a type it pulls
    from_: Annotated[str, Field(pattern=_ID, alias="from")]  # the earlier item applying for it


class Bundle(_Strict):
    """一件事: one form and one set of materials fanning out to several service items."""

    id: Annotated[str, Field(pattern=_ID)]
    bundle: Literal[True]
    titles: Text
    keywords: list[str] = Field(default_factory=list)
    items: Annotated[list[str], Field(min_length=2)]
    needs: list[BundleNeed] = Field(default_factory=list)
    _t = field_validator("titles")(_complete)


class GuideNode(_Strict):
    """智能导办: a question tree that ends at a service or bundle."""

    question: Text | None = None
    answers: list[GuideAnswer] = Field(default_factory=list)
    service: str | None = None

    @model_validator(mode="after")
    def _leaf_or_branch(self) -> GuideNode:
        if (self.service is None) == (not self.answers):
            raise ValueError("a guide node either asks a question with answers or names a "
                             "service")
        return self


class GuideAnswer(_Strict):
    label: Text
    next: GuideNode


GuideNode.model_rebuild()


Word = Annotated[str, Field(min_length=1, max_length=40)]


class SearchWords(_Strict):
    """大厅用语 (`search-words.yaml`): the words people use in the hall for what the catalog
    calls otherwise — 无犯罪证明 for 无犯罪记录证明, 社保 for 社会保险, 上户口 for 入户. Each group
    holds words that mean the same; a search holding one is also tried with the others."""

    synonyms: Annotated[list[Annotated[list[Word], Field(min_length=2, max_length=20)]],
                        Field(max_length=5000)]
