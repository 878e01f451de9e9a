"""Province-level region codes of GB/T 2260, read from their data file
(`gbt2260_provinces.toml`, beside this module)."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources


@functools.cache
def _provinces() -> dict[str, dict[str, object]]:
    text = resources.files("kiosk.domain").joinpath("gbt2260_provinces.toml").read_text("utf-8")
    provinces: dict[str, dict[str, object]] = tomllib.loads(text)["provinces"]
    return provinces


def province_name(code: str) -> str | None:
    """The province of a two-digit code ("44" → 广东省), None for a code GB/T 2260 lacks."""
    entry = _provinces().get(code)
    return str(entry["name"]) if entry else None


def mainland_province(code: str) -> bool:
    """A province of the mainland: the only ones a resident ID card's number starts with."""
    entry = _provinces().get(code)
    return bool(entry and entry["mainland"])
