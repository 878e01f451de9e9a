"""The 256-byte text block of an ID card (GA/T 490), UCS-2 little-endian, space-padded.

Layouts, chosen by the type mark at byte offset 248:
- space/absent: resident ID card; `J`: HK/Macao/Taiwan residence permit (resident layout,
  then pass number and issue count); `I`: foreigner's permanent residence card 2017;
  `Y`: foreigner's permanent residence card 2023 (resident offsets, English name split over
  offsets 52 and 220, nationality at 242).
`decode_text_block` returns an `IdCardRecord` or raises `TextBlockError`; an inconsistent card
(bad GB 11643 check, birth or sex that disagree with the number, impossible dates) raises
`InconsistentCard`, so it is reported, never silently accepted.
`encode_text_block` is the inverse, used by the reader simulator and tests.

Rare characters (生僻字): the block holds UTF-16 code units, so a character beyond the BMP
(𠈌, U+2020C) takes two of them, a surrogate pair, and a field's size counts units, not
characters: the 30-byte name holds 15 units — 15 common characters, or 13 and one rare one.
A pair is decoded as its one character. A surrogate without its partner (a pair cut at the
field's end by whoever wrote the card, or a damaged card) is `CutCharacter`: the name cannot
be known whole, so the citizen is sent to a counter, in plain words, instead of being given a
name with a character missing. `utf16_units` is the measure the scenario schema and the
simulator use.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.ascii_digits import is_ascii_digits
from kiosk.domain.id_number import IdNumber, InvalidIdNumber
from kiosk.domain.identity import SEX_CODES, CardType, IdCardRecord, Sex
from kiosk.domain.nations import nation_name

BLOCK_SIZE = 256
LONG_TERM = "长期"

# (offset, size in bytes) of each field, per layout
RESIDENT = {
    "name": (0, 30), "sex": (30, 2), "nation": (32, 4), "birth": (36, 16),
    "address": (52, 70), "id_number": (122, 36), "authority": (158, 30),
    "valid_from": (188, 16), "valid_to": (204, 16),
}
HMT_EXTRA = {"pass_number": (220, 18), "issue_count": (238, 4)}
FOREIGN_2017 = {
    "english_name": (0, 120), "sex": (120, 2), "id_number": (122, 30), "nationality": (152, 6),
    "name": (158, 30), "valid_from": (188, 16), "valid_to": (204, 16), "birth": (220, 16),
    "version": (236, 4), "authority_code": (240, 8),
}
FOREIGN_2023 = {
    "name": (0, 30), "sex": (30, 2), "birth": (36, 16), "english_name_1": (52, 70),
    "id_number": (122, 36), "authority": (158, 30), "valid_from": (188, 16),
    "valid_to": (204, 16), "english_name_2": (220, 22), "nationality": (242, 6),
}
TYPE_MARK = (248, 2)


class TextBlockError(ValueError):
    """The block cannot be decoded (wrong size, undocumented card type, bad field)."""


class InconsistentCard(TextBlockError):
    """The block decodes, but its fields contradict each other or GB 11643."""


class CutCharacter(TextBlockError):
    """A field holds half a surrogate pair: one of its characters cannot be known."""

    def __init__(self, field: str) -> None:
        super().__init__(f"the {field} field holds half of a character (a cut surrogate pair)")
        self.field = field  # the field's name, never its content


def utf16_units(text: str) -> int:
    """How many UTF-16 code units `text` takes on a card (two for a character beyond the
    BMP)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _field(block: bytes, where: tuple[int, int], name: str = "text", *,
           strip: bool = True) -> str:
    offset, size = where
    try:
        text = block[offset : offset + size].decode("utf-16-le", errors="strict")
    except UnicodeDecodeError:
        raise CutCharacter(name) from None
    # Strip only the padding at the end: inner spaces belong to foreign names.
    return text.rstrip(" \x00") if strip else text


def _date(text: str, what: str) -> date:
    if len(text) != 8 or not is_ascii_digits(text):
        raise InconsistentCard(f"{what} is not a date: {len(text)} characters")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InconsistentCard(f"{what} is not a real date") from None


def _valid_to(text: str) -> date | None:
    if text == LONG_TERM:
        return None
    return _date(text, "valid-to date")


def _sex(code: str) -> Sex:
    try:
        return SEX_CODES[code]
    except KeyError:
        raise InconsistentCard(f"undocumented sex code {code!r}") from None


def card_type_mark(block: bytes) -> str:
    mark = block[TYPE_MARK[0] : TYPE_MARK[0] + TYPE_MARK[1]].decode("utf-16-le", "replace")
    return mark.strip(" \x00")


def decode_text_block(block: bytes) -> IdCardRecord:
    if len(block) != BLOCK_SIZE:
        raise TextBlockError(f"a text block has {BLOCK_SIZE} bytes, not {len(block)}")
    mark = card_type_mark(block)
    try:
        if mark == "":
            return _resident(block, CardType.RESIDENT)
        if mark == "J":
            return _resident(block, CardType.HMT_RESIDENCE)
        if mark == "I":
            return _foreign_2017(block)
        if mark == "Y":
            return _foreign_2023(block)
    except UnicodeDecodeError:
        raise TextBlockError("the text is not valid UCS-2") from None
    raise TextBlockError(f"undocumented card type mark {mark!r}")


def _check_number(number: str, birth: date, sex: Sex) -> str:
    try:
        idn = IdNumber.parse(number)
    except InvalidIdNumber as exc:
        raise InconsistentCard(f"ID number: {exc}") from None
    if idn.birth != birth:
        raise InconsistentCard("the birth date on the card differs from the one in the number")
    if sex in (Sex.MALE, Sex.FEMALE) and idn.is_male != (sex is Sex.MALE):
        raise InconsistentCard("the sex on the card differs from the one in the number")
    return idn.value


def _resident(block: bytes, card_type: CardType) -> IdCardRecord:
    f = {k: _field(block, v, k) for k, v in RESIDENT.items()}
    sex = _sex(f["sex"])
    birth = _date(f["birth"], "birth date")
    number = _check_number(f["id_number"], birth, sex)
    nation_code = f["nation"] or None
    if card_type is CardType.RESIDENT and (nation_code is None or nation_name(nation_code) is None):
        raise InconsistentCard(f"undocumented nation code {nation_code!r}")
    pass_number = issue_count = None
    if card_type is CardType.HMT_RESIDENCE:
        pass_number = _field(block, HMT_EXTRA["pass_number"], "pass_number") or None
        count = _field(block, HMT_EXTRA["issue_count"], "issue_count")
        issue_count = int(count) if is_ascii_digits(count) else None
        nation_code = None
    valid_from = _date(f["valid_from"], "valid-from date")
    valid_to = _valid_to(f["valid_to"])
    if valid_to is not None and valid_to < valid_from:
        raise InconsistentCard("the card expires before it starts")
    return IdCardRecord(
        card_type=card_type, name=f["name"], sex=sex, birth=birth, id_number=number,
        authority=f["authority"], valid_from=valid_from, valid_to=valid_to,
        nation_code=nation_code, nation=nation_name(nation_code) if nation_code else None,
        address=f["address"] or None, pass_number=pass_number, issue_count=issue_count,
    )


def _foreign_2017(block: bytes) -> IdCardRecord:
    f = {k: _field(block, v, k) for k, v in FOREIGN_2017.items()}
    number = f["id_number"]
    if len(number) != 15 or not (number[:3].isascii() and number[:3].isalpha()) or \
            not is_ascii_digits(number[3:]):
        raise InconsistentCard("a 2017 permanent residence card number has 3 letters and "
                               "12 digits")
    birth = _date(f["birth"], "birth date")
    return IdCardRecord(
        card_type=CardType.FOREIGN_PERMANENT, name=f["name"], sex=_sex(f["sex"]), birth=birth,
        id_number=number, authority=f["authority_code"], valid_from=_date(f["valid_from"],
        "valid-from date"), valid_to=_valid_to(f["valid_to"]), english_name=f["english_name"],
        nationality=f["nationality"], card_version="2017",
        authority_code=f["authority_code"] or None,
    )


def _foreign_2023(block: bytes) -> IdCardRecord:
    f = {k: _field(block, v, k) for k, v in FOREIGN_2023.items()}
    sex = _sex(f["sex"])
    birth = _date(f["birth"], "birth date")
    number = _check_number(f["id_number"], birth, sex)
    # The English name runs over both slots; the first is filled before the second is used.
    raw1 = _field(block, (52, 70), "english_name_1", strip=False)
    english = (raw1 + f["english_name_2"]) if f["english_name_2"] else f["english_name_1"]
    return IdCardRecord(
        card_type=CardType.FOREIGN_PERMANENT, name=f["name"], sex=sex, birth=birth,
        id_number=number, authority=f["authority"],
        valid_from=_date(f["valid_from"], "valid-from date"), valid_to=_valid_to(f["valid_to"]),
        english_name=english.rstrip(" \x00"), nationality=f["nationality"],
        card_version="2023",
    )


# --- encoding (simulator and tests) ---------------------------------------------------------

class DoesNotFit(ValueError):
    """A value longer than its field on the card (counted in UTF-16 units)."""


def _put(block: bytearray, where: tuple[int, int], text: str, name: str = "text") -> None:
    offset, size = where
    raw = text.encode("utf-16-le")
    if len(raw) > size:
        # the field's name and sizes only: the value may be personal
        raise DoesNotFit(f"the {name} takes {len(raw) // 2} UTF-16 units; the card's field "
                         f"holds {size // 2}")
    block[offset : offset + size] = raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def _d(d: date | None) -> str:
    return LONG_TERM if d is None else f"{d:%Y%m%d}"


_SEX_CODE = {v: k for k, v in SEX_CODES.items()}


def encode_text_block(r: IdCardRecord) -> bytes:
    block = bytearray(" ".encode("utf-16-le") * (BLOCK_SIZE // 2))
    if r.card_type in (CardType.RESIDENT, CardType.HMT_RESIDENCE):
        values = {
            "name": r.name, "sex": _SEX_CODE[r.sex], "nation": r.nation_code or "",
            "birth": _d(r.birth), "address": r.address or "", "id_number": r.id_number,
            "authority": r.authority, "valid_from": _d(r.valid_from), "valid_to": _d(r.valid_to),
        }
        for k, where in RESIDENT.items():
            _put(block, where, values[k], k)
        if r.card_type is CardType.HMT_RESIDENCE:
            _put(block, HMT_EXTRA["pass_number"], r.pass_number or "")
            _put(block, HMT_EXTRA["issue_count"], f"{r.issue_count or 0:02d}")
            _put(block, TYPE_MARK, "J")
    elif r.card_version == "2017":
        values = {
            "english_name": r.english_name or "", "sex": _SEX_CODE[r.sex],
            "id_number": r.id_number, "nationality": r.nationality or "", "name": r.name,
            "valid_from": _d(r.valid_from), "valid_to": _d(r.valid_to), "birth": _d(r.birth),
            "version": "20", "authority_code": r.authority_code or "",
        }
        for k, where in FOREIGN_2017.items():
            _put(block, where, values[k], k)
        _put(block, TYPE_MARK, "I")
    else:
        english = r.english_name or ""
        first, rest = english[:35], english[35:]
        values = {
            "name": r.name, "sex": _SEX_CODE[r.sex], "birth": _d(r.birth),
            "english_name_1": first, "id_number": r.id_number, "authority": r.authority,
            "valid_from": _d(r.valid_from), "valid_to": _d(r.valid_to),
            "english_name_2": rest, "nationality": r.nationality or "",
        }
        for k, where in FOREIGN_2023.items():
            _put(block, where, values[k], k)
        _put(block, TYPE_MARK, "Y")
    return bytes(block)
