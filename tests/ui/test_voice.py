"""Spoken prompts: espeak-ng renders each language's prompt to a WAV that holds speech (not
silence) of a plausible length for the text."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from kiosk.ui.voice import SpokenPrompts

PROMPTS = {
    "zh-Hans": "请将身份证放到读卡区，办理期间请不要拿走",
    "zh-Hant": "請將身份證放到讀卡區，辦理期間請不要拿走",
    "en": "Place your ID card on the reader and leave it there until you finish",
}


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        assert w.getsampwidth() == 2
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
        return data.astype(np.float32) / 32768, w.getframerate()


@pytest.mark.parametrize("lang", list(PROMPTS))
def test_prompt_renders_to_audible_speech(lang: str, tmp_path: Path, artifacts: Path) -> None:
    voice = SpokenPrompts()
    assert voice.available, "espeak-ng is missing (scripts/setup.sh installs it)"
    wav = voice.render(PROMPTS[lang], lang, artifacts / f"prompt-{lang}.wav")
    samples, rate = read_wav(wav)
    seconds = len(samples) / rate
    assert 1.5 < seconds < 15, seconds
    rms = float(np.sqrt(np.mean(samples ** 2)))
    assert rms > 0.02, "the prompt is (nearly) silent"
    # speech has pauses and voiced parts: the loudest tenth of 50 ms windows is far above the
    # quietest tenth
    win = rate // 20
    energy = sorted(float(np.sqrt(np.mean(samples[i:i + win] ** 2)))
                    for i in range(0, len(samples) - win, win))
    assert energy[-len(energy) // 10] > 10 * (energy[len(energy) // 10] + 1e-4)


def test_a_short_prompt_is_shorter_than_a_long_one(tmp_path: Path) -> None:
    voice = SpokenPrompts()
    short, _rate = read_wav(voice.render("请稍候", "zh-Hans", tmp_path / "s.wav"))
    long, _ = read_wav(voice.render(PROMPTS["zh-Hans"], "zh-Hans", tmp_path / "l.wav"))
    assert len(short) < len(long) / 2
