"""Machine-readable zone: check digits, the BAC key seed, and parsing DG1's MRZ (TD1, TD3)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from kiosk.domain.ascii_digits import is_ascii_digits
from kiosk.domain.clock import KioskClock

_WEIGHTS = (7, 3, 1)
# the only characters of a machine-readable zone (ICAO 9303): ASCII capitals, digits and <
MRZ_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


class MrzError(ValueError):
    pass


def char_value(c: str) -> int:
    if c.isascii() and c.isdigit():
        return int(c)
    if "A" <= c <= "Z":
        return ord(c) - ord("A") + 10
    if c == "<":
        return 0
    raise MrzError(f"{c!r} is not an MRZ character")


def check_digit(field: str) -> str:
    return str(sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


@dataclass(frozen=True, repr=False)
class BacKey:
    """What the citizen types (or a camera reads) to open the chip: the MRZ's key fields."""

    document_number: str
    birth: str  # YYMMDD
    expiry: str  # YYMMDD
    __personal__ = True

    def __repr__(self) -> str:
        return "BacKey(<redacted>)"

    @classmethod
    def parse(cls, text: str) -> BacKey:
        """From "DOCNO:YYMMDD:YYMMDD" (birth, then expiry)."""
        parts = text.strip().upper().split(":")
        if len(parts) != 3:
            raise MrzError("expected DOCNO:YYMMDD:YYMMDD (document number, birth, expiry)")
        doc, birth, expiry = parts
        for name, v in (("birth date", birth), ("expiry date", expiry)):
            if len(v) != 6 or not is_ascii_digits(v):
                raise MrzError(f"the {name} must be 6 digits YYMMDD")
        if not doc or len(doc) > 9 or any(c not in MRZ_CHARACTERS for c in doc):
            raise MrzError("the document number has 1 to 9 letters or digits")
        return cls(doc, birth, expiry)

    def mrz_information(self) -> str:
        doc = self.document_number.ljust(9, "<")
        return (doc + check_digit(doc) + self.birth + check_digit(self.birth) + self.expiry
                + check_digit(self.expiry))

    def key_seed(self) -> bytes:
        return hashlib.sha1(self.mrz_information().encode("ascii")).digest()[:16]  # noqa: S324


@dataclass(frozen=True, repr=False)
class MrzData:
    document_code: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    birth: date
    sex: str  # "male" | "female" | "unspecified"
    expiry: date
    optional_data: str
    __personal__ = True

    def __repr__(self) -> str:
        return f"MrzData({self.document_code}, <redacted>)"


def _names(field: str) -> tuple[str, str]:
    primary, _, secondary = field.partition("<<")
    return primary.replace("<", " ").strip(), secondary.replace("<", " ").strip()


def _date(yymmdd: str, *, future: bool, today: date) -> date:
    if len(yymmdd) != 6 or not is_ascii_digits(yymmdd):
        raise MrzError("a date in the MRZ is 6 digits")
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    century = 2000 if (yy + 2000 <= today.year + (20 if future else 0)) else 1900
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        raise MrzError(f"{yymmdd} is not a real date") from None


def _checked(field: str, digit: str, what: str) -> str:
    if check_digit(field) != digit:
        raise MrzError(f"check digit of the {what} does not match")
    return field


_SEX = {"M": "male", "F": "female", "<": "unspecified", "X": "unspecified"}


def parse_mrz(text: str, *, today: date | None = None) -> MrzData:
    """TD3 (passport, 2 × 44) or TD1 (cards and permits, 3 × 30), check digits verified.
    Two-digit years are placed in their century from `today` (the kiosk's day; by default
    today in China Standard Time)."""
    if today is None:
        today = KioskClock().today()
    mrz = text.replace("\n", "").replace("\r", "")
    if any(c not in MRZ_CHARACTERS for c in mrz):
        raise MrzError("the MRZ holds characters other than A-Z, 0-9 and <")
    if len(mrz) == 88:
        l1, l2 = mrz[:44], mrz[44:]
        surname, given = _names(l1[5:44])
        doc = _checked(l2[0:9], l2[9], "document number")
        birth = _checked(l2[13:19], l2[19], "birth date")
        expiry = _checked(l2[21:27], l2[27], "expiry date")
        return MrzData(l1[0:2].rstrip("<"), l1[2:5], doc.rstrip("<"), surname, given,
                       l2[10:13], _date(birth, future=False, today=today),
                       _SEX.get(l2[20], "unspecified"),
                       _date(expiry, future=True, today=today), l2[28:42].rstrip("<"))
    if len(mrz) == 90:
        l1, l2, l3 = mrz[:30], mrz[30:60], mrz[60:]
        doc = _checked(l1[5:14], l1[14], "document number")
        birth = _checked(l2[0:6], l2[6], "birth date")
        expiry = _checked(l2[8:14], l2[14], "expiry date")
        surname, given = _names(l3)
        return MrzData(l1[0:2].rstrip("<"), l1[2:5], doc.rstrip("<"), surname, given,
                       l2[15:18], _date(birth, future=False, today=today),
                       _SEX.get(l2[7], "unspecified"),
                       _date(expiry, future=True, today=today), l1[15:30].rstrip("<"))
    raise MrzError(f"an MRZ has 88 (TD3) or 90 (TD1) characters, not {len(mrz)}")
