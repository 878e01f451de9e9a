"""The checkout is self-contained: no file the code, tests, benchmarks or docs use names a folder
outside the repository (a clone anywhere, with nothing beside it, must work)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["kiosk", "tests", "docs", "scripts", "systemd", ".ci"]
TEXT = {".py", ".md", ".toml", ".yaml", ".yml", ".qml", ".sh", ".service", ".timer", ".rules",
        ".txt", ".cfg", ".ini", ""}

# Spelled in pieces so that this file does not match itself.
SHARED = "sha" + "red"
OUTSIDE = [
    re.compile(r"\.\./+" + SHARED + r"\b"),
    re.compile(r"\b" + SHARED + r"/(reference|data|DESIGN|hooks)\b"),
    re.compile(r"""parents\[\d+\]\s*/\s*["']""" + SHARED + "[\"']"),
    re.compile(r"""parent\.parent\.parent\s*/\s*["']""" + SHARED),
    re.compile(r"(?<![\w.])/" + "work" + r"/"),  # the folders of the machine it was written on
    re.compile(r"(?<![\w/])" + "DESIGN" + r"\.md"),  # the design card lives outside the repo
]


def scanned_files() -> list[Path]:
    files = [ROOT / "README.md", ROOT / "pyproject.toml"]
    for top in SCANNED:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and path.suffix in TEXT and "__pycache__" not in path.parts:
                files.append(path)
    return files


def test_no_file_names_a_folder_outside_the_checkout() -> None:
    offenders = []
    for path in scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if any(p.search(line) for p in OUTSIDE):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert not offenders, "paths outside the repository:\n" + "\n".join(offenders)


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The patterns catch the spellings that broke clones before."""
    bad = ['FACES = Path(__file__).resolve().parents[3] / "' + SHARED + '" / "data"',
           "see ../" + SHARED + "/DESIGN.md", "Facts: " + SHARED + "/reference/id-card-sam.md"]
    for line in bad:
        assert any(p.search(line) for p in OUTSIDE), line
    assert not any(p.search("the " + SHARED + " CJK font chain") for p in OUTSIDE)


def test_the_sample_faces_are_in_the_repository() -> None:
    faces = ROOT / "tests" / "data" / "faces"
    for name in ("obama", "obama2", "obama3", "biden"):
        assert (faces / f"{name}.jpg").stat().st_size > 10_000
    assert "licence" in (faces / "README.md").read_text(encoding="utf-8").lower()
