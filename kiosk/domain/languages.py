"""The languages the kiosk speaks to citizens."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")


def as_lang(locale: str) -> Lang:
    """`locale` when the kiosk speaks it, else Simplified Chinese."""
    return locale if locale in LANGS else "zh-Hans"
