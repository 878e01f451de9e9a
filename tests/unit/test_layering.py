"""Imports go one way: from the front ends down to the domain, never back up.

Every `kiosk` package has a rank (docs/architecture.md, "Layers"). A module may import modules
of its own rank or lower, never higher: the devices never import the simulation or the flows,
the flows never import the composition root, nothing below the front ends imports Qt. Imports
inside functions and under `TYPE_CHECKING` count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"

# Lowest first. A package not listed here fails the test until someone places it.
RANKS: dict[str, int] = {
    # the vocabulary: no kiosk imports but each other
    "kiosk.events": 0, "kiosk.logging": 0, "kiosk.domain": 0, "kiosk.config": 0,
    "kiosk.defaults": 0, "kiosk.credentials": 0,
    # the hardware and the documents
    "kiosk.devices": 1, "kiosk.documents": 1,
    # services over devices and documents
    "kiosk.face": 2, "kiosk.services": 2, "kiosk.session": 2, "kiosk.admin": 2,
    # the visit
    "kiosk.flows": 3, "kiosk.signed_catalog": 3,
    # the simulated world (simulator processes, sample deck, simulated backend)
    "kiosk.sim": 4,
    # the composition root and the machine around it
    "kiosk.app": 5, "kiosk.appliance": 5,
    # front ends
    "kiosk.ui": 6, "kiosk.cli": 6, "kiosk.scenarios": 6, "kiosk.bench": 6, "kiosk.__main__": 6,
    "kiosk": 6,
}
QT = ("PySide6", "shiboken6")
FRONT_ENDS = 6  # the touch UI and the benchmarks' UI probes drive Qt; nothing below them


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _module_name(path: Path) -> str:
    rel = path.relative_to(KIOSK.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "kiosk":  # from kiosk import x
                found += [(node.lineno, f"kiosk.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(p for p in KIOSK.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_package_has_a_rank() -> None:
    unranked = {_package(_module_name(p)) for p in MODULES} - set(RANKS)
    assert not unranked, f"place these packages in RANKS (and docs/architecture.md): {unranked}"


def _violations(path: Path) -> list[str]:
    here = _module_name(path)
    rank = RANKS.get(_package(here), 99)
    bad = []
    for line, target in _imports(path):
        where = f"{path.relative_to(KIOSK.parent)}:{line}"
        if target.split(".")[0] in QT and rank < FRONT_ENDS:
            bad.append(f"{where} imports {target} (only the front ends may use Qt)")
        if target.startswith("kiosk.") and RANKS.get(_package(target), -1) > rank:
            bad.append(f"{where}: {_package(here)} (rank {rank}) imports "
                       f"{target} (rank {RANKS[_package(target)]})")
    return bad


def test_no_module_imports_a_higher_layer() -> None:
    bad = [v for p in MODULES for v in _violations(p)]
    assert not bad, "imports that go up a layer:\n" + "\n".join(bad)


@pytest.mark.parametrize(("source", "target"), [
    ("kiosk/devices/idcard/photo.py", "from kiosk.sim.citizens import DECK"),
    ("kiosk/flows/engine.py", "from kiosk.app import KioskCore"),
    ("kiosk/services/outbox.py", "    from PySide6.QtCore import QObject"),
])
def test_the_check_catches_an_upward_import(tmp_path: Path, source: str, target: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: the same file with one upward import added is caught."""
    original = (KIOSK.parent / source).read_text(encoding="utf-8")
    fake = tmp_path / "kiosk" / source.removeprefix("kiosk/")
    fake.parent.mkdir(parents=True)
    fake.write_text(original + "\n\ndef _late() -> None:\n" + "    " + target.strip() + "\n",
                    encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "KIOSK", tmp_path / "kiosk")
    assert _violations(fake), f"{target!r} in {source} was not caught"
