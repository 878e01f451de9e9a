"""Elder mode says each answer back and reads the time out; a typed value is never spoken."""

from __future__ import annotations

import pytest

from kiosk.ui.elder_words import confirmation, seconds_left, still_there

PURPOSE = {"id": "purpose", "label": "用途", "input": "choice",
           "options": [{"value": "visa", "label": "办理出国签证"},
                       {"value": "job", "label": "入职"}]}
PHONE = {"id": "phone", "label": "联系电话", "input": "phone", "options": []}


def test_a_choice_is_said_back_by_its_label() -> None:
    assert confirmation("field", PURPOSE, "visa", "zh-Hans") == "您选择了：办理出国签证"
    assert confirmation("field", PURPOSE, "job", "en") == "You chose: 入职"


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_a_typed_value_is_never_spoken(lang: str) -> None:
    said = confirmation("field", PHONE, "13912345678", lang)
    assert "13912345678" not in said
    assert "联系电话" in said


def test_other_answers_and_no_answer() -> None:
    assert confirmation("face_consent", {}, True, "zh-Hans") == "您同意了人脸核验"
    assert confirmation("face_consent", {}, False, "zh-Hant") == "您沒有同意人臉核驗"
    assert confirmation("confirm", {}, True, "en") == "Details confirmed"
    assert confirmation("sign", {}, [[[1, 2]]], "zh-Hans") == "承诺书已签署"
    assert confirmation("rate", {}, {"level": 5}, "en").startswith("Rating received")
    # going back or skipping says nothing, nor does an answer the screen does not know
    assert confirmation("field", PURPOSE, None, "zh-Hans") == ""
    assert confirmation("field", PURPOSE, "unknown", "zh-Hans") == ""


def test_the_time_left_in_each_language() -> None:
    assert seconds_left(10, "zh-Hans") == "还剩10秒"
    assert seconds_left(10, "en") == "10 seconds left"
    assert still_there(5, "zh-Hant").startswith("您還在嗎？還剩5秒")
