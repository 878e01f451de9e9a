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


# An expiry written with two digits is placed at most this many years ahead of today (and a
# birth never after today): ICAO 9303 leaves the century to the reader.
EXPIRY_YEARS_AHEAD = 50


def _ymd(yymmdd: str) -> tuple[int, int, int]:
    if len(yymmdd) != 6 or not is_ascii_digits(yymmdd):
        raise MrzError("a date in the MRZ is 6 digits")
    return int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])


def _real(year: int, month: int, day: int, yymmdd: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise MrzError(f"{yymmdd} is not a real date") from None


def birth_date(yymmdd: str, today: date) -> date:
    """A birth: the latest date with these digits that is not after `today` (a holder born
    in 1926 is 100 in 2026, not −1)."""
    yy, mm, dd = _ymd(yymmdd)
    century = today.year - today.year % 100
    if (century + yy, mm, dd) > (today.year, today.month, today.day):
        century -= 100
    return _real(century + yy, mm, dd, yymmdd)


def expiry_date(yymmdd: str, today: date) -> date:
    """An expiry: the date with these digits no more than `EXPIRY_YEARS_AHEAD` years after
    `today` (and so at most 100 − that before it: an expired document stays expired)."""
    yy, mm, dd = _ymd(yymmdd)
    year = today.year - today.year % 100 + yy
    if year > today.year + EXPIRY_YEARS_AHEAD:
        year -= 100
    elif year <= today.year + EXPIRY_YEARS_AHEAD - 100:
        year += 100
    return _real(year, mm, dd, yymmdd)


def _checked(field: str, digit: str, what: str) -> str:
    if check_digit(field) != digit:
        raise MrzError(f"check digit of the {what} does not match")
    return field


_SEX = {"M": "male", "F": "female", "<": "unspecified", "X": "unspecified"}


def _td3(l1: str, l2: str, today: date) -> MrzData:
    """A passport's two lines of 44 (ICAO 9303 Part 4)."""
    surname, given = _names(l1[5:44])
    doc = _checked(l2[0:9], l2[9], "document number")
    birth = _checked(l2[13:19], l2[19], "birth date")
    expiry = _checked(l2[21:27], l2[27], "expiry date")
    personal = l2[28:42]
    # the personal number's check digit may be a filler when there is no personal number
    if not (l2[42] == "<" and personal == "<" * 14):
        _checked(personal, l2[42], "personal number")
    _checked(l2[0:10] + l2[13:20] + l2[21:43], l2[43], "whole line (composite)")
    return MrzData(l1[0:2].rstrip("<"), l1[2:5], doc.rstrip("<"), surname, given, l2[10:13],
                   birth_date(birth, today), _SEX.get(l2[20], "unspecified"),
                   expiry_date(expiry, today), personal.rstrip("<"))


def _td1(l1: str, l2: str, l3: str, today: date) -> MrzData:
    """A card's three lines of 30 (ICAO 9303 Part 5). A document number longer than 9
    characters has `<` in its check digit's place: the rest of the number follows in the
    optional data, then its check digit (over the whole number), then a filler."""
    optional = l1[15:30]
    if l1[14] == "<" and l1[5:14].rstrip("<") == l1[5:14] and optional[0] != "<":
        rest, _, after = optional.partition("<")
        if len(rest) < 2:
            raise MrzError("a long document number has no check digit after it")
        doc = _checked(l1[5:14] + rest[:-1], rest[-1], "document number")
        optional = after
    else:
        doc = _checked(l1[5:14], l1[14], "document number").rstrip("<")
    birth = _checked(l2[0:6], l2[6], "birth date")
    expiry = _checked(l2[8:14], l2[14], "expiry date")
    _checked(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29], "whole card (composite)")
    surname, given = _names(l3)
    return MrzData(l1[0:2].rstrip("<"), l1[2:5], doc, surname, given, l2[15:18],
                   birth_date(birth, today), _SEX.get(l2[7], "unspecified"),
                   expiry_date(expiry, today), optional.strip("<"))


def parse_mrz(text: str, *, today: date | None = None) -> MrzData:
    """TD3 (passport, 2 × 44) or TD1 (cards and permits, 3 × 30), every check digit verified
    (each field's, the TD3 personal number's, the composite). Two-digit years are placed
    from `today` (the kiosk's day; by default today in China Standard Time): a birth is
    never in the future, an expiry at most `EXPIRY_YEARS_AHEAD` years ahead."""
    if today is None:
        today = KioskClock().today()
    mrz = text.replace("\n", "").replace("\r", "")
    if any(c not in MRZ_CHARACTERS for c in mrz):
        raise MrzError("the MRZ holds characters other than A-Z, 0-9 and <")
    if len(mrz) == 88:
        return _td3(mrz[:44], mrz[44:], today)
    if len(mrz) == 90:
        return _td1(mrz[:30], mrz[30:60], mrz[60:], today)
    raise MrzError(f"an MRZ has 88 (TD3) or 90 (TD1) characters, not {len(mrz)}")
