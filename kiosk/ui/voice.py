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
# the volume steps + and - move through: espeak-ng's amplitude (0-200, its default 100)
VOLUME_STEPS = (30, 50, 75, 100, 130, 165, 200)
DEFAULT_VOLUME = VOLUME_STEPS.index(100) + 1


class VoiceUnavailable(RuntimeError):
    pass


class SpokenPrompts:
    def __init__(self, binary: str = "espeak-ng") -> None:
        self.binary = shutil.which(binary) or ""
        self._playing: subprocess.Popen[bytes] | None = None
        self.level = DEFAULT_VOLUME  # 1 … len(VOLUME_STEPS)

    def change_volume(self, step: int) -> int:
        """One step louder (+1) or quieter (-1), within the steps; the new level."""
        self.level = max(1, min(len(VOLUME_STEPS), self.level + step))
        return self.level

    def reset_volume(self) -> None:
        self.level = DEFAULT_VOLUME

    @property
    def available(self) -> bool:
        return bool(self.binary)

    def _args(self, text: str, lang: str, *output: str) -> list[str]:
        if not self.binary:
            raise VoiceUnavailable("espeak-ng is not installed (scripts/setup.sh installs it)")
        return [self.binary, "-v", VOICES.get(lang, "cmn"), "-s", str(SPEED_WPM),
                "-a", str(VOLUME_STEPS[self.level - 1]), *output, "--", text]

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
