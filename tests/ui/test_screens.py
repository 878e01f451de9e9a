"""Every screen, in normal and elder mode, in zh-Hans, zh-Hant and en: written as screenshots
(artifacts/screens/), and audited by walking the item tree: type sizes, touch-target sizes,
buttons within reach, text/background contrast, and no untranslated text."""

from __future__ import annotations

import itertools
import math
import re
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from kiosk.flows.catalog import load_catalog
from kiosk.ui.audio_guide import describe
from kiosk.ui.screen_share import share_plan
from tests.ui.driving import exists, find, items, plain_text

LANGS = ("zh-Hans", "zh-Hant", "en")
DPI = 96.0  # the simulated configuration's ui.screen_dpi; the test window is 1080 px high
HAN = re.compile(r"[\u3400-\u9fff]")
# shown as they are in every language: each language's own name, the emblem, the site's name
# (configuration, not UI text)
UNTRANSLATED_OK = {"简体", "✓ 简体", "繁體", "✓ 繁體", "易"}
SIMPLIFIED_ONLY = set("办证务设备请这个们过时对为进应选择码单项录页话")
# what came from the citizen or their card on the screens below: never uncovered on the picture
# a staff member sees in a video call (kiosk/ui/screen_share.py)
CITIZEN = {"name": "张伟", "licence": "BU000001", "phone": "13800000000",
           "typed": "天河路1号", "member": "李娜"}


def pt_px(points: float) -> float:
    return points * DPI / 72


def dp_px(dp: float) -> float:
    return dp * DPI / 160


def words(lang: str, hans: str, hant: str, en: str) -> str:
    return {"zh-Hans": hans, "zh-Hant": hant, "en": en}[lang]


def views(lang: str) -> list[tuple[str, dict[str, Any]]]:
    """One representative view for every screen a visit can show, in `lang` (the engine's
    messages arrive in the citizen's language)."""
    cat = load_catalog()
    crim = cat.services["criminal-record-certificate"]
    permit = cat.services["public-place-health-permit"]
    purpose = next(f for f in crim.fields if f.input == "choice")
    phone = next(f for f in crim.fields if f.input == "phone")
    assert permit.commitment is not None
    payment = cat.services["resident-medical-insurance-contribution"].payment
    assert payment is not None
    medical = payment
    done = {"outcome": "approved", "cases": ["YB2026112300001"],
            "printed": ["certificate", "receipt"], "problems": []}
    return [
        ("identify", {"step": "identify"}),
        ("passport", {"problem": words(
            lang, "出生日期和它后面的校验位对不上，请对照护照最下面一行逐位核对（还可以再试2次）",
            "出生日期和它後面的校驗位對不上，請對照護照最下面一行逐位核對（還可以再試2次）",
            "The date of birth and the check digit after it do not agree (2 more tries)")}),
        ("face_consent", {}),
        ("face", {"guidance": "move_closer", "challenge": ""}),
        ("working", {"step": "decide"}),
        ("field", {"id": purpose.id, "label": purpose.label[lang], "input": "choice",  # type: ignore[index]
                   "options": [{"value": o, "label": purpose.option_labels[o][lang]}  # type: ignore[index]
                               for o in purpose.options], "error": "", "required": True}),
        ("field", {"id": phone.id, "label": phone.label[lang], "input": "phone",  # type: ignore[index]
                   "options": [], "error": words(lang, "请输入11位手机号码", "請輸入11位手機號碼",
                                                 "Enter an 11-digit mobile number"),
                   "required": True}),
        ("field", {"id": "premises", "label": words(lang, "经营场所", "經營場所", "Premises"),
                   "input": "text", "options": [], "error": "", "required": True}),
        ("confirm", {"rows": [
            {"label": words(lang, "姓名", "姓名", "Name"), "value": CITIZEN["name"],
             "source": "identity",
             "prefilled": True},
            {"label": "Licence" if lang == "en" else "营业执照", "value": CITIZEN["licence"],
             "source": "license", "prefilled": True},
            {"label": words(lang, "营业执照编号", "營業執照編號", "Licence number"),
             "value": words(lang, "随本次登记一并办理", "隨本次登記一併辦理",
                            "Applied for in this same visit"),
             "source": "joint", "prefilled": True},
            {"label": phone.label[lang], "value": CITIZEN["phone"], "source": "citizen",  # type: ignore[index]
             "prefilled": False}]}),
        ("sign", {"text": permit.commitment.text[lang]}),  # type: ignore[index]
        # 缴费: the household's members are the citizen's data; amounts and payee the kiosk's
        ("pay_offer", {"item": medical.item_name[lang],  # type: ignore[index]
                       "payee": medical.payee[lang],  # type: ignore[index]
                       "period": words(lang, "2027年度", "2027年度", "2027"), "choosable": True,
                       "lines": [
                           {"label": CITIZEN["name"] + words(lang, "（本人）", "（本人）",
                                                             " (self)"),
                            "amount": "400.00", "fen": 40000, "ref": "a1", "due": True,
                            "personal": True},
                           {"label": CITIZEN["member"] + words(lang, "（配偶）", "（配偶）",
                                                               " (spouse)"),
                            "amount": "400.00", "fen": 40000, "ref": "a2", "due": False,
                            "personal": True}]}),
        ("pay", {"order": "YB20261207093000A1B2C3D4E5", "amount": "1200.00",
                 "item": medical.item_name[lang], "payee": medical.payee[lang],  # type: ignore[index]
                 "qr": "https://127.0.0.1:8780/sim/pay/Zm9vYmFyYmF6", "codes": True,
                 "seconds": 180, "paid": False, "problem": words(
                     lang, "付款没有成功，没有扣款。", "付款沒有成功，沒有扣款。",
                     "The payment did not go through and nothing was charged.")}),
        ("finished", done),
        ("rate", {**done, "problems": ["receipt: paper out"], "ratingCode": True}),
        # an answer from outside (the backend, a rule) with markup in it: shown as characters
        ("report", {"reason": words(lang, "人脸与证件<b>不一致</b>", "人臉與證件<b>不一致</b>",
                                    "The face does <b>not</b> match the document")}),
        ("result", {"outcome": "referred", "reason": words(
            lang, "需要工作人员核实，请到窗口办理", "需要工作人員核實，請到窗口辦理",
            "Staff need to check this; please go to a service counter"), "holdSeconds": 20}),
        ("ended", {"why": "card", "holdSeconds": 8}),
        ("goodbye", {"outcome": "approved", "holdSeconds": 8}),
        # 政策找人 (issue 31): the question, then what the platform found — its words as they
        # come (markup shown as characters), one applied for, one only at a counter
        ("offers_consent", {}),
        # 预约签到 (issue 31): the check-in screen (a code typed on its pad), the hall's number,
        # and a refusal in plain words
        ("checkin", {"step": "check_in"}),
        ("checked_in", {"checkedIn": True, "number": "BY003", "priority": True, "printed": True,
                        "booked": "2026-03-02 10:00–10:30", "why": "on_time", "holdSeconds": 20,
                        "words": words(lang, "签到成功，您按时到达，优先叫号。您的号码是 BY003，"
                                       "请到 5号窗口、6号窗口（社保医保业务）等候，您前面还有 2 人",
                                       "簽到成功，您按時到達，優先叫號。您的號碼是 BY003，"
                                       "請到 5號窗口、6號窗口（社保醫保業務）等候，您前面還有 2 人",
                                       "Checked in on time: you are called first. Your number "
                                       "is BY003; please wait at the counters, 2 before you")}),
        ("checked_in", {"checkedIn": False, "why": "booking_other_day", "holdSeconds": 20,
                        "words": words(lang, "您的预约日期是 2026年3月3日，不是今天。"
                                       "请在预约当天来签到；今天要办理请到服务台取号",
                                       "您的預約日期是 2026年3月3日，不是今天。"
                                       "請在預約當天來簽到；今天要辦理請到服務台取號",
                                       "Your booking is for 3 March 2026, not today. Please check "
                                       "in on that day")}),
        # 卡片评 (issue 31): what may be rated, and the kiosk's thanks or its limit in words
        ("card_rating", {"counters": ["1号窗口", "2号窗口", "5号窗口"],
                         "services": [{"code": s.item_code, "title": s.titles[lang]}  # type: ignore[index]
                                      for s in cat.services.values()]}),
        ("card_rated", {"recorded": False, "holdSeconds": 8, "words": words(
            lang, "这台机器刚收到过评价，为防止重复提交，请 18 秒后再评价",
            "這台機器剛收到過評價，為防止重複提交，請 18 秒後再評價",
            "This kiosk has just taken a rating; to keep ratings honest, please rate again in "
            "18 seconds")}),
        ("offers", {"note": words(lang, "“高龄津贴”已申请，受理编号 YB2026112300002，会列在回执上",
                                  "「高齡津貼」已申請，受理編號 YB2026112300002，會列在回執上",
                                  "“Old-age allowance” has been applied for, case "
                                  "YB2026112300002; it will be on your receipt"),
                    "offers": [
            {"id": "old-age-allowance", "title": "高龄津贴", "applyHere": True, "where": "",
             "gives": "年满70周岁的本市户籍老人按月领取津贴，您每月可领 <b>50</b> 元",
             "needs": ["本人身份证件", "本人社会保障卡（津贴发到卡上的金融账户）"],
             "needsCommitment": True, "applied": "YB2026112300002"},
            {"id": "resident-medical-insurance", "title": "城乡居民医保参保", "applyHere": True,
             "where": "", "gives": "参保后门诊和住院费用按规定报销，政府每年补助个人缴费 670 元",
             "needs": ["本人身份证件"], "needsCommitment": False, "applied": ""},
            {"id": "disability-subsidies", "title": "残疾人两项补贴", "applyHere": False,
             "where": "区残联窗口（10号窗口），需要现场评估",
             "gives": "重度残疾人护理补贴每月 100 元",
             "needs": ["第二代残疾人证"], "needsCommitment": False, "applied": ""}]}),
        ("error", {"holdSeconds": 20}),
    ]


def show_all(shell, qtbot, lang: str):
    """Yield (name, None) after putting each screen up, the catalog screens by their slots."""
    v = shell.visit
    v.goHome()
    qtbot.wait(80)
    yield "home"
    v.openCategory("personal")
    yield "services"
    v.openGuide()
    yield "guide"
    v.openSearch()
    v.search("证明" if lang != "en" else "certificate")
    yield "search"
    v.openService("open-restaurant")
    yield "intro"
    for i, (name, view) in enumerate(views(lang)):
        v._visit = object()  # as if a visit ran: the bridge shows posted screens only then
        v._show(name, view)
        if name == "identify":
            v._problem = words(lang, "这个二维码不是本终端可以使用的身份码。",
                               "這個二維碼不是本終端可以使用的身份碼。",
                               "This QR code is not an identity code this kiosk accepts.")
            v.problemChanged.emit()
        yield f"{name}-{i}" if name in ("field", "offers", "checked_in") else name
    v._visit = None
    v._still_there_at = time.monotonic() + 25
    v.stillThereChanged.emit()
    yield "still_there"
    v._still_there_at = 0.0
    v.stillThereChanged.emit()
    v._show("home", {})


def is_a(item: QQuickItem, class_name: str) -> bool:
    """Whether the item is of a Qt class (QObject.inherits: no QMetaObject wrapper is made in
    Python — a wrapper for a QML type's heap-allocated meta-object outlives the type's items,
    and shiboken then hands out a later object at that address as a "QMetaObject")."""
    return bool(item.inherits(class_name))


def kind_of(item: QQuickItem) -> str:
    return item.objectName() or type(item).__name__


def effective_opacity(item: QQuickItem) -> float:
    o, it = 1.0, item
    while it is not None:
        o *= it.opacity()
        it = it.parentItem()
    return o


def background_of(item: QQuickItem, window_color: QColor) -> QColor:
    """The colour behind an item: the nearest opaque, visible Rectangle that contains it."""
    it = item.parentItem()
    while it is not None:
        if is_a(it, "QQuickRectangle") and it.isVisible():
            c = it.property("color")
            if isinstance(c, QColor) and c.alpha() == 255:
                return c
        it = it.parentItem()
    return window_color


def luminance(c: QColor) -> float:
    def ch(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def visible_in_window(shell, item: QQuickItem) -> bool:
    return item.isVisible() and effective_opacity(item) > 0.01 and \
        scene_rect(item).intersects(QRectF(0, 0, shell.window.width(), shell.window.height()))


def audit(shell, elder: bool) -> list[str]:
    problems: list[str] = []
    min_text = pt_px(18 if elder else 12)
    min_heading = pt_px(30)
    min_target = dp_px(60 if elder else 44)
    window_color = shell.window.property("color")
    loader = next(i for i in items(shell) if i.objectName() == "screenLoader")
    reach = scene_rect(loader)
    for it in items(shell):
        if not visible_in_window(shell, it):
            continue
        name = kind_of(it)
        if is_a(it, "QQuickText") or is_a(it, "QQuickTextInput"):
            text = it.property("text") or it.property("placeholderText") or ""
            if not str(text).strip():
                continue
            px = it.property("font").pixelSize()
            if px < min_text - 0.5:
                problems.append(f"text {text[:20]!r} at {px}px < {min_text:.0f}px")
            if elder and it.objectName() == "screenTitle" and px < min_heading - 0.5:
                problems.append(f"heading {text[:20]!r} at {px}px < {min_heading:.0f}px")
            if effective_opacity(it) >= 0.99:  # disabled controls are exempt (WCAG 1.4.3)
                fg = it.property("color")
                bg = background_of(it, window_color)
                ratio = contrast(fg, bg)
                if ratio < 4.5:
                    problems.append(f"text {text[:20]!r} contrast {ratio:.2f} "
                                    f"({fg.name()} on {bg.name()})")
        if is_button(it):
            if it.width() < min_target or it.height() < min_target:
                problems.append(f"button {name} {it.width():.0f}x{it.height():.0f} < "
                                f"{min_target:.0f}")
            r = scene_rect(it)
            in_loader = loader.isAncestorOf(it)
            if in_loader and not (reach.contains(r) or _inside_flickable(it)):
                problems.append(f"button {name} out of reach {r.getRect()} vs {reach.getRect()}")
    return problems


def shared_picture_audit(shell) -> list[str]:
    """What a staff member in a video call would see of this screen (issue 26): no text that
    came from the citizen uncovered, the keyboard and the camera never, and every Text shown as
    plain characters (a name or title with markup stays characters)."""
    problems: list[str] = []
    window = QRectF(0, 0, shell.window.width(), shell.window.height())
    shown = share_plan(shell.window).shown(window, lifted=False)
    lifted = share_plan(shell.window).shown(window, lifted=True)
    values = tuple(CITIZEN.values())
    for it in items(shell):
        if not visible_in_window(shell, it):
            continue
        # (a text field's placeholder is the Controls style's own item, our fixed words)
        if is_a(it, "QQuickText") and not is_a(it, "QQuickPlaceholderText") and \
                not plain_text(it):
            problems.append(f"text {str(it.property('text'))[:20]!r} is not Text.PlainText")
        text = it.property("text")
        rect = scene_rect(it).toAlignedRect()
        if isinstance(text, str) and any(v in text for v in values) and shown.intersects(rect):
            problems.append(f"{kind_of(it)} {text[:20]!r} shown to staff")
        if it.objectName() in ("inputPanel", "cameraPreview") and it.height() > 0:
            # the keyboard's key previews rise a key's height above it: covered too
            reach = scene_rect(it).adjusted(0, -it.height() * 0.25, 0, 0).toAlignedRect() \
                if it.objectName() == "inputPanel" else rect
            if lifted.intersects(reach) or shown.intersects(reach):
                problems.append(f"{it.objectName()} shown to staff")
    return problems


def _inside_flickable(item: QQuickItem) -> bool:
    it = item.parentItem()
    while it is not None:
        if it.property("contentY") is not None:
            return True
        it = it.parentItem()
    return False


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_audited_and_photographed(shell, qtbot, artifacts: Path, lang: str) -> None:
    out = artifacts / "screens"
    out.mkdir(exist_ok=True)
    if lang != "zh-Hans":
        shell.visit.setLanguage(lang)
    problems: list[str] = []
    seen = 0
    for elder in (False, True):
        if shell.visit.elderMode != elder:
            shell.visit.toggleElder()
        for name in show_all(shell, qtbot, lang):
            # going home resets the display for the next citizen: choose again
            shell.visit.setLanguage(lang)
            if shell.visit.elderMode != elder:
                shell.visit.toggleElder()
            if exists(shell, "fieldInput"):  # something typed into the field, as a citizen would
                find(shell, "fieldInput").setProperty("text", CITIZEN["typed"])
            qtbot.wait(60)
            mode = "elder" if elder else "normal"
            image = shell.window.grabWindow()
            assert image.save(str(out / f"{lang}-{mode}-{name}.png"))
            seen += 1
            problems += [f"{lang}/{mode}/{name}: {p}" for p in audit(shell, elder)]
            problems += [f"{lang}/{mode}/{name}: {p}" for p in shared_picture_audit(shell)]
            problems += [f"{lang}/{mode}/{name}: {p}" for p in untranslated(shell, lang)]
    assert seen >= 2 * 24
    (out / f"problems-{lang}.txt").write_text("\n".join(problems), encoding="utf-8")
    assert problems == []


def test_high_contrast_meets_seven_to_one_on_the_main_screens(shell, qtbot, artifacts) -> None:
    shell.visit.toggleContrast()
    for name in ("home", "intro"):
        if name == "intro":
            shell.visit.openService("criminal-record-certificate")
        qtbot.wait(80)
        shell.window.grabWindow().save(str(artifacts / "screens" / f"contrast-{name}.png"))
        window_color = shell.window.property("color")
        for it in items(shell):
            if visible_in_window(shell, it) and is_a(it, "QQuickText") and \
                    str(it.property("text") or "").strip() and effective_opacity(it) >= 0.99:
                ratio = contrast(it.property("color"), background_of(it, window_color))
                assert ratio >= 7, f"{it.property('text')!r}: {ratio:.2f}"


def untranslated(shell, lang: str) -> list[str]:
    if lang == "zh-Hans":
        return []
    site = shell.bridge.siteName
    found = []
    for it in items(shell):
        if not visible_in_window(shell, it):
            continue
        text = it.property("text")
        if not isinstance(text, str) or not text or text in UNTRANSLATED_OK or site in text \
                or any(v in text for v in CITIZEN.values()):  # the citizen's own, as written
            continue
        if under_personal(it):  # about the citizen, in the words it came in (a policy's title)
            continue
        if lang == "en" and HAN.search(text):
            found.append(f"not translated to en: {text[:30]!r}")
        if lang == "zh-Hant" and SIMPLIFIED_ONLY & set(text):
            found.append(f"simplified characters in zh-Hant: {text[:30]!r}")
    return found


def under_personal(item: QQuickItem) -> bool:
    it: QQuickItem | None = item
    while it is not None:
        if it.property("personal") is True:
            return True
        it = it.parentItem()
    return False


def test_contrast_function_matches_known_values() -> None:
    assert math.isclose(contrast(QColor("#000000"), QColor("#FFFFFF")), 21, rel_tol=1e-3)
    assert math.isclose(contrast(QColor("#777777"), QColor("#FFFFFF")), 4.48, rel_tol=1e-2)


def is_button(it: QQuickItem) -> bool:
    """The shared button (KButton): the one control with a `primary` property."""
    return it.property("primary") is not None and it.property("text") is not None


def actionable(shell, it: QQuickItem) -> bool:
    """A control a citizen can press: the shared buttons, the home tiles, the service rows.
    (Their own `enabled`: a disabled control is skipped by Tab, rightly.)"""
    name = it.objectName()
    pressable = is_button(it) or name.startswith(("tile", "service_"))
    return pressable and visible_in_window(shell, it) and it.property("enabled") is not False \
        and it.isEnabled()  # (a screen under a modal question is not enabled as a whole)


def focus_chain(shell, start: QQuickItem) -> list[QQuickItem]:
    """The items Tab visits from `start`, in order, once round."""
    chain: list[QQuickItem] = []
    it = start.nextItemInFocusChain(True)
    while isinstance(it, QQuickItem) and it not in chain and len(chain) < 400:
        chain.append(it)
        it = it.nextItemInFocusChain(True)
    return chain


def reading_rect(item: QQuickItem) -> QRectF:
    """Where the citizen sees an item: inside a clipping list, a row below the fold is scrolled
    into view when focused, so it reads at the list's edge, not past it (over what follows)."""
    r = scene_rect(item)
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            c = scene_rect(parent)
            if r.intersects(c):
                r = r.intersected(c)
            else:
                r = QRectF(min(max(r.center().x(), c.left()), c.right()),
                           min(max(r.center().y(), c.top()), c.bottom()), 0, 0)
        parent = parent.parentItem()
    return r


def keyboard_audit(shell, lang: str) -> list[str]:
    """Every control on the screen is reached by Tab, in reading order, and has a name."""
    problems: list[str] = []
    loader = next(i for i in items(shell) if i.objectName() == "screenLoader")
    screen = loader.property("item")
    if not isinstance(screen, QQuickItem):
        return ["no screen loaded"]
    chain = [i for i in focus_chain(shell, screen)
             if screen.isAncestorOf(i) and visible_in_window(shell, i)]
    for it in items(shell):
        if screen.isAncestorOf(it) and actionable(shell, it) and it not in chain:
            label = it.property("text") or it.property("title") or ""
            problems.append(f"not reached by Tab: {kind_of(it)} "
                            f"{str(label)[:20]!r}")
    for it in chain:  # what the voice says when the focus lands there (kiosk/ui/audio_guide.py)
        if not describe(it, lang):
            problems.append(f"no name: {kind_of(it)}")

    # reading order: each step goes right on the same line or down to a later line
    for ia, ib in itertools.pairwise(chain):
        a, b = reading_rect(ia), reading_rect(ib)
        same_line = abs(a.center().y() - b.center().y()) < min(a.height(), b.height()) / 2
        if (same_line and b.center().x() < a.center().x() - 1) or \
                (not same_line and b.center().y() < a.center().y()):
            problems.append(f"Tab goes back: {ia.objectName()} → {ib.objectName()}")
    for it in chain:  # an input is called by its name; what was typed into it is never said
        if it.flags() & QQuickItem.Flag.ItemAcceptsInputMethod:
            typed = it.property("text")
            it.setProperty("text", "13912345678")
            if "13912345678" in describe(it, lang):
                problems.append(f"says what was typed: {it.objectName()}")
            it.setProperty("text", typed)
    return problems


@pytest.mark.parametrize(("lang", "elder"), [("zh-Hans", False), ("zh-Hant", True), ("en", False)],
                         ids=["zh-Hans", "zh-Hant-elder", "en"])
def test_every_control_is_reached_by_tab_in_reading_order(shell, qtbot, lang: str,
                                                           elder: bool) -> None:
    """Issue 20's audit: on every screen, Tab reaches each control a finger could press, in
    reading order, and each has a name in the screen's language for the voice to say — in
    elder mode too (larger controls, other line breaks)."""
    problems: list[str] = []
    controls = 0
    if lang != "zh-Hans":
        shell.visit.setLanguage(lang)
    try:
        for name in show_all(shell, qtbot, lang):
            shell.visit.setLanguage(lang)
            if shell.visit.elderMode != elder:
                shell.visit.toggleElder()
            qtbot.wait(60)
            problems += [f"{lang}/{name}: {p}" for p in keyboard_audit(shell, lang)]
            controls += sum(1 for it in items(shell) if actionable(shell, it))
    finally:
        shell.visit._visit = None  # show_all's stand-in visit must not outlive a failure
        shell.visit.goHome()
    assert controls > 100  # the audit saw the controls it judges
    assert problems == [], "\n".join(problems)


def ring_sides(image, ring: QQuickItem) -> list[tuple[QColor, QColor]]:
    """(ring colour, colour just outside it) at the middle of each side of a drawn ring."""
    r = scene_rect(ring)
    w = max(1.0, float(ring.property("ringWidth")))
    dpr = image.devicePixelRatio()
    sides = [((r.center().x(), r.top() + w / 2), (r.center().x(), r.top() - 2)),
             ((r.center().x(), r.bottom() - w / 2), (r.center().x(), r.bottom() + 2)),
             ((r.left() + w / 2, r.center().y()), (r.left() - 2, r.center().y())),
             ((r.right() - w / 2, r.center().y()), (r.right() + 2, r.center().y()))]
    found = []
    for (rx, ry), (ox, oy) in sides:
        inside = image.rect().contains(int(ox * dpr), int(oy * dpr))
        if not inside:
            continue
        found.append((image.pixelColor(int(rx * dpr), int(ry * dpr)),
                      image.pixelColor(int(ox * dpr), int(oy * dpr))))
    return found


def focus_ring_audit(shell, qtbot, photo: Path | None = None) -> list[str]:
    """Each Tab stop on the screen, focused in turn: its ring is drawn (the theme's ring colour
    on at least three of its four sides — a list may clip one) and is ≥ 3:1 against what is
    just outside it (WCAG 1.4.11 / 2.4.13)."""
    problems: list[str] = []
    loader = next(i for i in items(shell) if i.objectName() == "screenLoader")
    screen = loader.property("item")
    if not isinstance(screen, QQuickItem):
        return ["no screen loaded"]
    chain = [i for i in focus_chain(shell, screen)  # the whole window: the bars' buttons too
             if visible_in_window(shell, i)]
    for it in chain:
        it.forceActiveFocus()
        qtbot.wait(20)
        ring = next((c for c in it.childItems() if c.objectName() == "focusRing"), None)
        if ring is None or not ring.isVisible():
            problems.append(f"no focus ring: {kind_of(it)}")
            continue
        want = ring.property("ringColor")
        image = shell.window.grabWindow()
        sides = ring_sides(image, ring)
        seen = [(r, o) for r, o in sides
                if abs(r.red() - want.red()) + abs(r.green() - want.green())
                + abs(r.blue() - want.blue()) < 40]
        if len(seen) < 3:
            problems.append(f"focus ring hidden on {4 - len(seen)} sides: {kind_of(it)}")
            if photo is not None:
                image.save(str(photo.with_name(f"{photo.stem}-{kind_of(it)}.png")))
        if photo is not None and it is chain[-1]:
            image.save(str(photo))  # the last stop, for a look (artifacts/screens/focus-*.png)
        for r, o in seen:
            if contrast(r, o) < 3:
                problems.append(f"focus ring {r.name()} on {o.name()}: "
                                f"{contrast(r, o):.2f} < 3 ({kind_of(it)})")
                break
    return problems


@pytest.mark.parametrize(("theme", "elder"), [("normal", False), ("contrast", True)],
                         ids=["normal", "contrast-elder"])
def test_the_focus_ring_is_seen_on_every_screen(shell, qtbot, artifacts: Path, theme: str,
                                                elder: bool) -> None:
    """Issue 20: wherever the focus goes, a ring shows it, ≥ 3:1 against its surroundings."""
    problems: list[str] = []
    checked = 0
    try:
        for name in show_all(shell, qtbot, "zh-Hans"):
            if theme == "contrast" and not shell.visit.highContrast:
                shell.visit.toggleContrast()
            if shell.visit.elderMode != elder:
                shell.visit.toggleElder()
            qtbot.wait(60)
            (artifacts / "screens").mkdir(exist_ok=True)
            found = focus_ring_audit(shell, qtbot,
                                     artifacts / "screens" / f"focus-{theme}-{name}.png")
            problems += [f"{theme}/{name}: {p}" for p in found]
            checked += 1
    finally:
        shell.visit._visit = None
        shell.visit.goHome()
    assert checked >= 22
    (artifacts / "screens").mkdir(exist_ok=True)
    (artifacts / "screens" / f"focus-ring-{theme}.txt").write_text("\n".join(problems),
                                                                    encoding="utf-8")
    assert problems == [], "\n".join(problems)
