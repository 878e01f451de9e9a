"""Who is at the kiosk: the record read from an identity card, whatever its kind.

Personal fields are marked so the log redactor replaces them; the repr never shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum


class CardType(StrEnum):
    RESIDENT = "resident"  # 居民身份证
    HMT_RESIDENCE = "hmt_residence"  # 港澳台居民居住证 (type mark J)
    FOREIGN_PERMANENT = "foreign_permanent"  # 外国人永久居留身份证 (I: 2017, Y: 2023)


class Sex(StrEnum):
    UNKNOWN = "unknown"  # code 0
    MALE = "male"  # 1
    FEMALE = "female"  # 2
    UNSPECIFIED = "unspecified"  # 9


SEX_CODES = {"0": Sex.UNKNOWN, "1": Sex.MALE, "2": Sex.FEMALE, "9": Sex.UNSPECIFIED}


def _personal() -> dict[str, bool]:
    return {"personal": True}


@dataclass(frozen=True, repr=False)
class IdCardRecord:
    """The text content of a 2nd-generation ID card (or HMT permit, or foreign permanent card).

    `valid_to` None means long-term (长期). Type-specific fields are None where they do not apply.
    """

    card_type: CardType
    name: str = field(metadata=_personal())
    sex: Sex
    birth: date = field(metadata=_personal())
    id_number: str = field(metadata=_personal())
    authority: str
    valid_from: date
    valid_to: date | None
    nation_code: str | None = None
    nation: str | None = None
    address: str | None = field(default=None, metadata=_personal())
    # HK/Macao/Taiwan residence permit
    pass_number: str | None = field(default=None, metadata=_personal())
    issue_count: int | None = None
    # foreigner's permanent residence card
    english_name: str | None = field(default=None, metadata=_personal())
    nationality: str | None = None
    card_version: str | None = None  # "2017" (type I) or "2023" (type Y)
    authority_code: str | None = None

    __personal__ = True

    def __repr__(self) -> str:
        return f"IdCardRecord(card_type={self.card_type.value}, <personal data redacted>)"

    def personal_values(self) -> list[str]:
        """Every personal string in the record (for the log redactor's session watch)."""
        out: list[str] = []
        for f in fields(self):
            if f.metadata.get("personal"):
                v = getattr(self, f.name)
                if isinstance(v, str) and v:
                    out.append(v)
        return out

    def is_expired(self, today: date) -> bool:
        return self.valid_to is not None and self.valid_to < today


class Credential(StrEnum):
    """What the citizen identified with."""

    IDCARD = "idcard"
    PASSPORT = "passport"
    SOCIAL_SECURITY = "social_security"
    QR = "qr"


@dataclass(frozen=True, repr=False)
class Identity:
    """Who the citizen is, whatever they identified with. The flows see only this.

    `photo` is the reference image for the face check (JPEG/PNG bytes or None); `verified`
    says the credential's own integrity check passed (ID card SAM read, passport SOD).
    """

    credential: Credential
    name: str = field(metadata=_personal())
    id_number: str | None = field(default=None, metadata=_personal())
    document_number: str | None = field(default=None, metadata=_personal())
    sex: Sex = Sex.UNKNOWN
    birth: date | None = field(default=None, metadata=_personal())
    nationality: str | None = None
    expiry: date | None = None
    photo: bytes | None = field(default=None, metadata=_personal())
    photo_format: str | None = None
    verified: bool = False
    source_detail: str = ""  # e.g. reader name, card type, passport issuing state
    card_type: CardType | None = None  # an ID card's kind (resident, permit, permanent)
    __personal__ = True

    def __repr__(self) -> str:
        return f"Identity({self.credential.value}, <personal data redacted>)"

    def personal_values(self) -> list[str]:
        return [v for v in (self.name, self.id_number, self.document_number) if v]


def identity_from_idcard(record: IdCardRecord, photo_png: bytes | None,
                         reader: str = "") -> Identity:
    nationality = {CardType.RESIDENT: "CHN", CardType.HMT_RESIDENCE: "CHN"}.get(
        record.card_type, record.nationality)
    return Identity(
        credential=Credential.IDCARD, name=record.name, id_number=record.id_number,
        document_number=record.id_number, sex=record.sex, birth=record.birth,
        nationality=nationality, expiry=record.valid_to, photo=photo_png,
        photo_format="png" if photo_png else None, verified=True,
        source_detail=f"{record.card_type.value} {reader}".strip(),
        card_type=record.card_type,
    )


def identity_from_eid(registered: dict[str, str]) -> Identity:
    """The identity an e-ID code resolved to. It carries no photo: the face check goes to the
    identity-verification service, which holds the registry photo."""
    birth = registered.get("birth")
    valid_to = registered.get("valid_to")
    return Identity(
        credential=Credential.QR, name=registered["name"], id_number=registered["id_number"],
        document_number=None, sex=Sex(registered.get("sex", "unknown")),
        birth=date.fromisoformat(birth) if birth else None,
        nationality=registered.get("nationality") or None, verified=True,
        source_detail="e-ID code", expiry=date.fromisoformat(valid_to) if valid_to else None,
    )
