"""PySide6's import hook reads the whole source of every module imported after Qt into
`linecache` (34 MB of a kiosk at its home screen); the kiosk drops what can be read again."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from kiosk.appliance.source_lines import forget_source_lines


def test_sources_the_import_hook_kept_are_dropped_and_read_again_when_needed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6.QtCore  # noqa: F401  (installs the hook, as the kiosk's shell does)

    module = tmp_path / "kiosk_probe_imported_after_qt.py"
    module.write_text("ANSWER = 42\n" + "# a long module\n" * 2000, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, module.stem, raising=False)
    __import__(module.stem)  # an import statement: the hook replaced __import__
    assert str(module) in linecache.cache  # the hook read all of it (what this is about)
    generated = "<kiosk-probe generated code>"
    linecache.cache[generated] = (12, None, ["ANSWER = 42\n"], generated)
    try:
        assert forget_source_lines() >= 1
        assert str(module) not in linecache.cache
        assert linecache.cache[generated][2] == ["ANSWER = 42\n"]  # cannot be read again: kept
        assert linecache.getline(str(module), 1) == "ANSWER = 42\n"  # a traceback reads it
    finally:
        linecache.cache.pop(generated, None)
