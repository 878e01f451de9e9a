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
    """The language the screens speak. Each language's translator is loaded once and kept:
    a translator made at every switch stayed alive as a child of the application after it was
    removed (a soak switches language at every visit: one more each time)."""

    def __init__(self, app: QGuiApplication, engine: QQmlEngine | None = None) -> None:
        self.app = app
        self.engine = engine
        self._translator: QTranslator | None = None
        self._loaded: dict[str, QTranslator] = {}
        self.current = "zh-Hans"

    def set(self, lang: str) -> None:
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        if lang in QM_FILES:
            t = self._translator_for(lang)
            if t is not None:
                self.app.installTranslator(t)
                self._translator = t
        self.current = lang
        if self.engine is not None:
            self.engine.retranslate()

    def _translator_for(self, lang: str) -> QTranslator | None:
        t = self._loaded.get(lang)
        if t is None:
            t = QTranslator(self.app)
            if not t.load(str(TRANSLATIONS_DIR / QM_FILES[lang])):
                log.error("translation missing", language=lang)
                t.deleteLater()
                return None
            self._loaded[lang] = t
        return t
