"""How a value is read into headphones and how Pinyin candidates are said (issue 20)."""

from __future__ import annotations

from kiosk.ui.audio_guide import spoken_value
from kiosk.ui.pinyin_keys import candidates_words


def test_numbers_are_read_digit_by_digit_after_the_label() -> None:
    assert spoken_value("联系电话", "13912345678", "zh-Hans") == \
        "联系电话，1 3 9 1 2 3 4 5 6 7 8"
    assert spoken_value("Phone", "13912345678", "en") == "Phone, 1 3 9 1 2 3 4 5 6 7 8"


def test_words_and_short_numbers_stay_as_they_are() -> None:
    assert spoken_value("经营场所", "天河路385号首层", "zh-Hans") == "经营场所，天河路3 8 5号首层"
    assert spoken_value("面积", "80", "zh-Hans") == "面积，80"


def test_an_empty_field_says_so() -> None:
    assert spoken_value("联系电话", "", "zh-Hans") == "联系电话，尚未填写"
    assert spoken_value("Phone", " ", "en") == "Phone, not filled in yet"


def test_candidates_are_numbered_after_the_spelling() -> None:
    assert candidates_words("zhang", ["张", "涨", "长"], "zh-Hans") == "zhang：1 张，2 涨，3 长"
    assert candidates_words("zh", [], "zh-Hans") == "zh"
