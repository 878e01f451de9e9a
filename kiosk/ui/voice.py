"""Spoken prompts from an offline engine (espeak-ng): one prompt per screen, in the citizen's
language, interrupted by the next. Mandarin (cmn) reads both simplified and traditional text;
English uses espeak-ng's en voice. Prompts are screen texts, never a citizen's data.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kiosk.logging import get_logger

log = get_logger(__name__)

VOICES = {"zh-Hans": "cmn", "zh-Hant": "cmn", "en": "en"}
SPEED_WPM = 150  # a little slower than espeak's default, for elderly listeners


class VoiceUnavailable(RuntimeError):
    pass


class SpokenPrompts:
    def __init__(self, binary: str = "espeak-ng") -> None:
        self.binary = shutil.which(binary) or ""
        self._playing: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return bool(self.binary)

    def _args(self, text: str, lang: str, *output: str) -> list[str]:
        if not self.binary:
            raise VoiceUnavailable("espeak-ng is not installed (scripts/setup.sh installs it)")
        return [self.binary, "-v", VOICES.get(lang, "cmn"), "-s", str(SPEED_WPM), *output,
                "--", text]

    def render(self, text: str, lang: str, path: Path) -> Path:
        """Write the prompt as a WAV file (tests, and prompts cached for slow machines)."""
        subprocess.run(self._args(text, lang, "-w", str(path)), check=True,
                       capture_output=True, timeout=30)
        return path

    def speak(self, text: str, lang: str) -> None:
        """Say `text` now, cutting off whatever was being said."""
        self.stop()
        try:
            self._playing = subprocess.Popen(self._args(text, lang), stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL)
        except (OSError, VoiceUnavailable) as exc:
            log.warning("voice prompt not spoken", reason=type(exc).__name__)

    def stop(self) -> None:
        if self._playing is not None and self._playing.poll() is None:
            self._playing.terminate()
        self._playing = None
