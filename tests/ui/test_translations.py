"""The UI's texts go through Qt's translation system, and every one is translated: the .ts
files are current with the QML, complete in zh-Hant and en, and compiled into the .qm files
the app loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QML = sorted((ROOT / "kiosk/ui/qml/Kiosk").rglob("*.qml"))
TRANSLATIONS = ROOT / "kiosk/ui/translations"
TS = {"zh-Hant": TRANSLATIONS / "kiosk_zh_Hant.ts", "en": TRANSLATIONS / "kiosk_en.ts"}
BIN = Path(sys.executable).parent
HAN_LITERAL = re.compile(r'"([^"\n]*[\u3400-\u9fff][^"\n]*)"')
NOT_UI_TEXT = {"易", "简体", "繁體", "WenQuanYi Micro Hei"}


def messages(ts: Path) -> dict[str, str]:
    out = {}
    for m in ET.parse(ts).getroot().iter("message"):
        t = m.find("translation")
        assert t is not None
        src = m.findtext("source") or ""
        out[src] = "" if t.get("type") in ("unfinished", "obsolete") else (t.text or "")
    return out


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_every_text_is_translated(lang: str) -> None:
    found = messages(TS[lang])
    assert len(found) > 150
    missing = [s for s, t in found.items() if not t.strip()]
    assert missing == [], f"{lang}: no translation for {missing[:5]}"


def test_translation_files_are_current_with_the_qml(tmp_path: Path) -> None:
    copies = [tmp_path / t.name for t in TS.values()]
    for src, dst in zip(TS.values(), copies, strict=True):
        shutil.copy(src, dst)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *map(str, QML), "-ts",
                    *map(str, copies)], check=True, capture_output=True)
    for src, dst in zip(TS.values(), copies, strict=True):
        assert messages(dst) == messages(src), \
            f"{src.name} is behind the QML: run scripts/translations and translate the new texts"
        qm_now = tmp_path / src.with_suffix(".qm").name
        subprocess.run([str(BIN / "pyside6-lrelease"), str(src), "-qm", str(qm_now)],
                       check=True, capture_output=True)
        assert qm_now.read_bytes() == src.with_suffix(".qm").read_bytes(), \
            f"{src.with_suffix('.qm').name} is stale: run scripts/translations"


def test_no_visible_chinese_literal_bypasses_qstr() -> None:
    offenders = []
    for f in QML:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.rstrip().endswith("// shown in every language"):
                continue  # the attract screen greets in all three languages at once
            code = line.split("//", 1)[0]
            for m in HAN_LITERAL.finditer(code):
                if m.group(1) in NOT_UI_TEXT:
                    continue
                if code[max(0, m.start() - 5):m.start()] != "qsTr(":
                    offenders.append(f"{f.name}:{n}: {m.group(1)}")
    assert offenders == []


def test_switching_languages_keeps_one_translator_per_language(qapp) -> None:
    """A citizen may switch language many times a day: each language is loaded once."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from kiosk.ui.translations import UiLanguage

    before = len(qapp.findChildren(QTranslator))
    language = UiLanguage(qapp)
    for lang in ["en", "zh-Hant", "zh-Hans"] * 20:
        language.set(lang)
        expected = {"en": "Back", "zh-Hant": "返回", "zh-Hans": "返回"}[lang]
        assert QCoreApplication.translate("NavBar", "返回") == expected
    assert len(qapp.findChildren(QTranslator)) <= before + 2
