"""The example configuration documents only what the kiosk reads: every key in
`kiosk/defaults/example.toml` loads, and every one is read somewhere outside `kiosk/config.py`
(an attribute access `.key` in the code). A documented key that nothing reads misleads the
integrator who sets it."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config, packaged_config

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def _leaf_keys(table: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for k, v in table.items():
        if isinstance(v, dict):
            keys += _leaf_keys(v, f"{prefix}{k}.")
        else:
            keys.append(prefix + k)
    return keys


def _code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in KIOSK.rglob("*.py")
                     if p.name != "config.py" and "__pycache__" not in p.parts)


def unread_keys(example: dict[str, Any], code: str) -> list[str]:
    return [key for key in _leaf_keys(example)
            if not re.search(r"\." + re.escape(key.rsplit(".", 1)[-1]) + r"\b", code)]


def test_the_example_loads() -> None:
    load_config(packaged_config("example"))


def test_every_key_of_the_example_is_read_by_some_code() -> None:
    example = tomllib.loads(packaged_config("example").read_text(encoding="utf-8"))
    assert not unread_keys(example, _code()), "documented, never read"


def test_the_check_finds_a_key_no_code_reads() -> None:
    example = {"timeouts": {"print_s": 120, "coffee_break_s": 900}}
    assert unread_keys(example, _code()) == ["timeouts.coffee_break_s"]


def test_a_retired_key_is_ignored_with_a_warning(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    old = tmp_path / "kiosk.toml"
    old.write_text('kiosk_id = "K-OLD"\n[timeouts]\noperation_s = 60\nprint_s = 90\n',
                   encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.config"):
        config = load_config(old)
    assert config.timeouts.print_s == 90
    assert "timeouts.operation_s" in caplog.text
