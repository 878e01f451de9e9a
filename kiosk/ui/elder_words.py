"""What elder mode says aloud (issue 20): a confirmation of each answer, and the time left before
a step or the "still there?" question runs out. Qt-free, so the words can be checked alone.

Only the screen's own words are spoken: a choice's label, a field's name, "signed". A value
the citizen typed (a phone number, an address) is never read out: the kiosk speaks through a
loudspeaker in a public hall.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_CHOSE = {"zh-Hans": "您选择了：{x}", "zh-Hant": "您選擇了：{x}", "en": "You chose: {x}"}
_FILLED = {"zh-Hans": "{x}已填写", "zh-Hant": "{x}已填寫", "en": "{x} entered"}
_CONSENT = {
    True: {"zh-Hans": "您同意了人脸核验", "zh-Hant": "您同意了人臉核驗",
           "en": "You agreed to the face check"},
    False: {"zh-Hans": "您没有同意人脸核验", "zh-Hant": "您沒有同意人臉核驗",
            "en": "You did not agree to the face check"},
}
_CONFIRMED = {
    True: {"zh-Hans": "信息已确认", "zh-Hant": "資訊已確認", "en": "Details confirmed"},
    False: {"zh-Hans": "返回修改", "zh-Hant": "返回修改", "en": "Back to change them"},
}
_PASSPORT = {"zh-Hans": "护照信息已填写", "zh-Hant": "護照資訊已填寫",
             "en": "Passport details entered"}
_SIGNED = {"zh-Hans": "承诺书已签署", "zh-Hant": "承諾書已簽署", "en": "Commitment signed"}
_RATED = {"zh-Hans": "评价已收到，谢谢", "zh-Hant": "評價已收到，謝謝",
          "en": "Rating received, thank you"}
_OFFERS_CONSENT = {
    True: {"zh-Hans": "您同意了查询可享受的政策", "zh-Hant": "您同意了查詢可享受的政策",
           "en": "You agreed to look up your policies"},
    False: {"zh-Hans": "不查询政策", "zh-Hant": "不查詢政策", "en": "No policies looked up"},
}
_APPLYING = {"zh-Hans": "正在为您申请", "zh-Hant": "正在為您申請", "en": "Applying for it now"}
_LATER = {"zh-Hans": "请用手机扫描回执上的评价码", "zh-Hant": "請用手機掃描回執上的評價碼",
          "en": "Scan the rating code on your receipt with your phone"}
_SECONDS_LEFT = {"zh-Hans": "还剩{n}秒", "zh-Hant": "還剩{n}秒", "en": "{n} seconds left"}
_STILL_THERE = {
    "zh-Hans": "您还在吗？还剩{n}秒，请触摸屏幕或按任意键继续",
    "zh-Hant": "您還在嗎？還剩{n}秒，請觸摸螢幕或按任意鍵繼續",
    "en": "Are you still there? {n} seconds left. Touch the screen or press any key to go on",
}

# the time left when elder mode reads it out: early enough to act on, once per countdown
ANNOUNCE_AT_S = 10


def _in(words: Mapping[str, str], lang: str) -> str:
    return words.get(lang, words["zh-Hans"])


def confirmation(screen: str, view: Mapping[str, Any], answer: Any, lang: str) -> str:
    """What to say when the citizen has answered the question on `screen` ("" for nothing:
    going back, skipping, or a screen whose answer needs no words)."""
    if answer is None or answer == "":
        return ""
    if screen == "field":
        if view.get("input") == "choice":
            labels = {str(o.get("value")): str(o.get("label", ""))
                      for o in view.get("options", []) if isinstance(o, Mapping)}
            label = labels.get(str(answer), "")
            return _in(_CHOSE, lang).format(x=label) if label else ""
        name = str(view.get("label", "")).strip()
        return _in(_FILLED, lang).format(x=name) if name else ""
    if screen == "face_consent":
        return _in(_CONSENT[bool(answer)], lang)
    if screen == "confirm":
        return _in(_CONFIRMED[bool(answer)], lang)
    if screen == "sign":
        return _in(_SIGNED, lang)
    if screen == "passport":  # what was typed is never said: only that it was
        return _in(_PASSPORT, lang)
    if screen == "rate":
        later = isinstance(answer, Mapping) and bool(answer.get("later"))
        return _in(_LATER if later else _RATED, lang)
    if screen == "offers_consent":
        return _in(_OFFERS_CONSENT[bool(answer)], lang)
    if screen == "offers":  # never which policy: a loudspeaker would tell the hall
        return _in(_APPLYING, lang)
    return ""


def seconds_left(n: int, lang: str) -> str:
    return _in(_SECONDS_LEFT, lang).format(n=n)


def still_there(n: int, lang: str) -> str:
    return _in(_STILL_THERE, lang).format(n=n)
