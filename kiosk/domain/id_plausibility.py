"""Is this ID number one a real credential of this kind could carry? GB 11643's check
character proves a number was typed right, not that it can exist; before a visit starts the
kiosk also asks (each refusal is "证件号码无效", `ImplausibleIdNumber`):

- the region: the first two digits are a GB/T 2260 province (`gbt2260_provinces.toml`);
- the birth inside the number is not after today (the kiosk's day): a card born tomorrow is
  a forged or broken card, not a minor to be told "须年满18周岁";
- the prefix the card type allows: a resident ID card 1–6 (a mainland province); a Hong Kong,
  Macao or Taiwan residence permit (type J) 81, 82 or 83; a 2023 foreign permanent residence
  card (type Y) 9 and then a mainland province (where it was accepted); the 2017 card
  (type I) its own 15-character form, whose embedded birth date and nationality must be the
  card's own;
- a number from any other credential (social security card, e-ID code) one of these shapes.
A passport carries no citizen number: nothing to check.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.errors import Advice, KioskError
from kiosk.domain.id_number import IdNumber, InvalidIdNumber, PermanentResidence2017Number
from kiosk.domain.identity import CardType, Credential, Identity
from kiosk.domain.regions import mainland_province, province_name

PERMIT_PREFIXES = ("81", "82", "83")  # Hong Kong, Macao, Taiwan residents' residence permits


class ImplausibleIdNumber(KioskError):
    """The credential's number cannot be a real one of its kind (the message says why, for
    staff; the citizen reads "证件号码无效")."""

    code = "id_number_invalid"
    advice = Advice.TAKE_TICKET


def _citizen_number(number: str, card_type: CardType | None, today: date) -> IdNumber:
    try:
        parsed = IdNumber.parse(number)
    except InvalidIdNumber as exc:
        raise ImplausibleIdNumber(str(exc)) from None
    v = parsed.value
    if parsed.birth > today:
        raise ImplausibleIdNumber("the birth date inside the number is after today")
    if card_type is CardType.RESIDENT:
        if not mainland_province(v[:2]):
            raise ImplausibleIdNumber("a resident ID number starts with a mainland province "
                                      "code (GB/T 2260, first digit 1-6)")
    elif card_type is CardType.HMT_RESIDENCE:
        if v[:2] not in PERMIT_PREFIXES:
            raise ImplausibleIdNumber("a residence permit's number starts with 81, 82 or 83")
    elif card_type is CardType.FOREIGN_PERMANENT:
        if v[0] != "9" or not mainland_province(v[1:3]):
            raise ImplausibleIdNumber("a 2023 permanent residence number is 9 and a mainland "
                                      "province code")
    elif not (mainland_province(v[:2]) or v[:2] in PERMIT_PREFIXES
              or (v[0] == "9" and mainland_province(v[1:3]))):
        raise ImplausibleIdNumber("the number starts with no region of GB/T 2260")
    return parsed


def _permanent_2017(number: str, identity: Identity) -> None:
    try:
        parsed = PermanentResidence2017Number.parse(number)
    except InvalidIdNumber as exc:
        raise ImplausibleIdNumber(str(exc)) from None
    if province_name(parsed.province) is None or not mainland_province(parsed.province):
        raise ImplausibleIdNumber("the acceptance place is no mainland province (GB/T 2260)")
    if identity.birth is not None and f"{identity.birth:%y%m%d}" != parsed.birth_digits:
        raise ImplausibleIdNumber("the birth date inside the number differs from the card's")
    if identity.nationality and identity.nationality != parsed.nationality:
        raise ImplausibleIdNumber("the nationality inside the number differs from the card's")


def ensure_plausible(identity: Identity, today: date) -> None:
    """ImplausibleIdNumber when the identity's citizen number cannot be a real one of its
    credential; `today` is the kiosk's day."""
    number = identity.id_number
    if not number or identity.credential is Credential.PASSPORT:
        return
    if identity.birth is not None and identity.birth > today:
        raise ImplausibleIdNumber("the card's birth date is after today")
    if len(number) == 15 and identity.card_type in (CardType.FOREIGN_PERMANENT, None):
        _permanent_2017(number, identity)
        return
    _citizen_number(number, identity.card_type, today)
