"""A passport's access data as the citizen types them (the MRZ entry screen, or a script):
the document number, the birth date and the expiry date, each with the check digit that
follows it on the second line of the machine-readable zone (ICAO 9303 Part 4: positions
1–9 + 10, 14–19 + 20, 22–27 + 28).

The check digits let the kiosk tell a typing mistake at once, in plain words naming the
field, without spending a try on the chip. `key_from_entry` turns a good entry into the
`BacKey` that opens the chip, or says what is wrong (`MrzEntryRefused`, its `code` a visit
message of kiosk/domain/citizen_messages.py). Digits and capitals only: a lower-case letter
is taken as its capital, anything else is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.devices.smartcard.icao.mrz import BacKey, check_digit
from kiosk.domain.errors import Advice, KioskError

# how many entries a citizen may get wrong (a check digit, or data the chip refuses) before
# a counter takes over
MRZ_TRIES = 3

_DOCUMENT = re.compile(r"[0-9A-Z]{1,9}")
_DATE = re.compile(r"[0-9]{6}")
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True, repr=False)
class MrzEntry:
    """What was typed, as typed (its repr shows nothing of it)."""

    document_number: str
    document_check: str
    birth: str  # YYMMDD
    birth_check: str
    expiry: str  # YYMMDD
    expiry_check: str
    __personal__ = True

    def __repr__(self) -> str:
        return "MrzEntry(<redacted>)"

    @classmethod
    def from_answer(cls, answer: dict[str, object]) -> MrzEntry:
        """From the screen's answer (a mapping of the six fields; missing ones empty)."""
        def text(key: str) -> str:
            return str(answer.get(key) or "").strip().upper()
        return cls(text("document_number"), text("document_check"), text("birth"),
                   text("birth_check"), text("expiry"), text("expiry_check"))

    @classmethod
    def of(cls, key: BacKey) -> MrzEntry:
        """The entry that a citizen reading `key`'s passport correctly would type."""
        doc = key.document_number
        return cls(doc, check_digit(doc.ljust(9, "<")), key.birth, check_digit(key.birth),
                   key.expiry, check_digit(key.expiry))


class PassportSetAside(KioskError):
    """No MRZ data: the citizen chose another credential (or this front end cannot ask)."""

    code = "passport_set_aside"
    advice = Advice.USE_OTHER_METHOD


class MrzEntryRefused(ValueError):
    """The entry cannot be right; `code` names the visit message that says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _real_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in
                                             (4, 6, 9, 11) else 31)


def key_from_entry(entry: MrzEntry) -> BacKey:
    """The chip's access key from a typed entry; MrzEntryRefused names the first problem."""
    if not _DOCUMENT.fullmatch(entry.document_number):
        raise MrzEntryRefused("mrz_document_shape")
    for value, code in ((entry.birth, "mrz_birth_shape"), (entry.expiry, "mrz_expiry_shape")):
        if not _DATE.fullmatch(value) or not _real_date(value):
            raise MrzEntryRefused(code)
    for digit, code in ((entry.document_check, "mrz_document_check"),
                        (entry.birth_check, "mrz_birth_check"),
                        (entry.expiry_check, "mrz_expiry_check")):
        if not _DIGIT.fullmatch(digit):
            raise MrzEntryRefused(code)
    if check_digit(entry.document_number.ljust(9, "<")) != entry.document_check:
        raise MrzEntryRefused("mrz_document_check")
    if check_digit(entry.birth) != entry.birth_check:
        raise MrzEntryRefused("mrz_birth_check")
    if check_digit(entry.expiry) != entry.expiry_check:
        raise MrzEntryRefused("mrz_expiry_check")
    return BacKey(entry.document_number, entry.birth, entry.expiry)
