from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as hst
from stdnum.cn import ric

from kiosk.domain.id_number import IdNumber, InvalidIdNumber, check_char, make_id_number
from kiosk.domain.masking import mask_text

# (first 17 digits, check character), confirmed with python-stdnum's cn.ric
TABLE = [
    ("11010519491231002", "X"),
    ("11010119900307387", "X"),
    ("32012119850101005", "4"),
    ("51012219781204001", "2"),
    ("44052418800101001", "4"),
]


@pytest.mark.parametrize(("first17", "expected"), TABLE)
def test_check_character_table(first17: str, expected: str) -> None:
    assert check_char(first17) == expected
    assert IdNumber.parse(first17 + expected).value == first17 + expected


@given(hst.from_regex(r"\A[0-9]{17}\Z"))
def test_check_character_agrees_with_python_stdnum(first17: str) -> None:
    # calc_check_digit takes the whole number and ignores its last character
    assert check_char(first17) == ric.calc_check_digit(first17 + "0")


def test_lowercase_x_is_normalised() -> None:
    assert IdNumber.parse("11010519491231002x").value == "11010519491231002X"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("110105194912310021", "check character"),
        ("11010519491331002X", "check character"),
        ("1101051949123100", "17 digits"),
        ("11010519491231002Y", "17 digits"),
    ],
)
def test_invalid_numbers_say_why(text: str, why: str) -> None:
    with pytest.raises(InvalidIdNumber, match=why):
        IdNumber.parse(text)


def test_impossible_birth_date_with_a_valid_check() -> None:
    first17 = "11010519490230001"  # 30 February
    with pytest.raises(InvalidIdNumber, match="not a real date"):
        IdNumber.parse(first17 + check_char(first17))


def test_fields_and_redaction() -> None:
    n = IdNumber.parse(make_id_number("440106", date(2000, 2, 29), 17))
    assert n.region == "440106"
    assert n.birth == date(2000, 2, 29)
    assert n.is_male
    assert mask_text(n.value) == "4401**********" + n.value[14:]
    assert n.value not in repr(n)
