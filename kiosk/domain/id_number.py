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
