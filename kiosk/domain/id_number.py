"""Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
3-digit sequence (odd = male, even = female), 1 check character.

The check: sum of digit × weight over the first 17 positions (weights below), modulo 11,
indexes into "10X98765432". Lowercase x is accepted on input and normalised to X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kiosk.domain.ascii_digits import is_ascii_digits

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")  # ASCII only: \d would take full-width digits


class InvalidIdNumber(ValueError):
    """The text is not a valid ID number; the message says why in one line."""


def check_char(first17: str) -> str:
    if len(first17) != 17 or not is_ascii_digits(first17):
        raise InvalidIdNumber("the first 17 characters must be digits")
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class IdNumber:
    """A validated 18-character ID number. Its repr never shows the number."""

    value: str
    __personal__ = True

    @classmethod
    def parse(cls, text: str) -> IdNumber:
        v = text.strip().upper()
        if not _SHAPE.fullmatch(v):
            raise InvalidIdNumber("an ID number has 17 digits and a final digit or X")
        expected = check_char(v[:17])
        if v[17] != expected:
            raise InvalidIdNumber("the check character does not match (GB 11643)")
        try:
            date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
        except ValueError:
            raise InvalidIdNumber("the birth date inside the number is not a real date") \
                from None
        return cls(v)

    @property
    def region(self) -> str:
        return self.value[:6]

    @property
    def birth(self) -> date:
        v = self.value
        return date(int(v[6:10]), int(v[10:12]), int(v[12:14]))

    @property
    def is_male(self) -> bool:
        return int(self.value[16]) % 2 == 1

    def __repr__(self) -> str:
        return "IdNumber(<redacted>)"

    __str__ = __repr__


def make_id_number(region: str, birth: date, sequence: int) -> str:
    """Build a valid number (for sample citizens and tests): sequence 0..999."""
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


_PERMANENT_2017 = re.compile(r"[A-Z]{3}[0-9]{12}")  # ASCII only, as above


@dataclass(frozen=True)
class PermanentResidence2017Number:
    """The 15-character number of a foreigner's permanent residence card of 2017 (and of the
    2004 card before it): ISO 3166 alpha-3 nationality (3 letters), the acceptance place
    (4 digits, the first two a GB/T 2260 province), the birth date YYMMDD, and two digits
    (sequence and check; the check's rule is not published, so they are taken as they are).
    Its repr never shows the number."""

    value: str
    __personal__ = True

    @classmethod
    def parse(cls, text: str) -> PermanentResidence2017Number:
        v = text.strip().upper()
        if not _PERMANENT_2017.fullmatch(v):
            raise InvalidIdNumber("a 2017 permanent residence number has 3 letters and "
                                  "12 digits")
        yy, mm, dd = int(v[7:9]), int(v[9:11]), int(v[11:13])
        if not any(_real_date(century + yy, mm, dd) for century in (1900, 2000)):
            raise InvalidIdNumber("the birth date inside the number is not a real date")
        return cls(v)

    @property
    def nationality(self) -> str:
        return self.value[:3]

    @property
    def province(self) -> str:
        """The acceptance place's province (GB/T 2260, two digits)."""
        return self.value[3:5]

    @property
    def birth_digits(self) -> str:
        """The birth date as the number holds it: YYMMDD."""
        return self.value[7:13]

    def __repr__(self) -> str:
        return "PermanentResidence2017Number(<redacted>)"

    __str__ = __repr__


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
