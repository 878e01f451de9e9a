"""The UI's languages through Qt's translation system: zh-Hans is the source language of the
QML texts; zh-Hant and en come from compiled .qm files next to this module (sources in .ts,
updated with scripts/translations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlEngine

from kiosk.logging import get_logger

log = get_logger(__name__)

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
QM_FILES = {"zh-Hant": "kiosk_zh_Hant.qm", "en": "kiosk_en.qm"}


class UiLanguage:
    def __init__(self, app: QGuiApplication, engine: QQmlEngine | None = None) -> None:
        self.app = app
        self.engine = engine
        self._translator: QTranslator | None = None
        self.current = "zh-Hans"

    def set(self, lang: str) -> None:
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        if lang in QM_FILES:
            t = QTranslator(self.app)
            if t.load(str(TRANSLATIONS_DIR / QM_FILES[lang])):
                self.app.installTranslator(t)
                self._translator = t
            else:
                log.error("translation missing", language=lang)
        self.current = lang
        if self.engine is not None:
            self.engine.retranslate()
