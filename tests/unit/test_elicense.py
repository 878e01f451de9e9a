from __future__ import annotations

import pytest
from stdnum.iso7064 import mod_37_36

from kiosk.domain.elicense import IdentifierError, make_identifier, parse_identifier

TYPE, ISSUER = "11100000000013127D001", "91440106MA5BUSI001"


def test_identifier_round_trip_and_check_by_python_stdnum() -> None:
    ident = make_identifier(TYPE, ISSUER, "00000001")
    text = str(ident)
    assert text.startswith("1.2.156.3005.2." + TYPE + "." + ISSUER + ".00000001.001.")
    parsed = parse_identifier(text)
    assert parsed == ident
    assert parsed.check_ok
    assert mod_37_36.is_valid(TYPE + ISSUER + "00000001" + "001" + parsed.check)


def test_a_wrong_check_is_detected_not_rejected() -> None:
    ident = make_identifier(TYPE, ISSUER, "00000001")
    wrong = "0" if ident.check != "0" else "1"
    parsed = parse_identifier(str(ident)[:-1] + wrong)
    assert not parsed.check_ok  # callers log this and keep the license


def test_malformed_identifiers() -> None:
    for bad in ("1.2.156.3005.2.X", "2.2.156.3005.2." + TYPE + "." + ISSUER + ".1.001.A", ""):
        with pytest.raises(IdentifierError):
            parse_identifier(bad)
