"""The reference server and its contract say the same thing: Schemathesis (a contract fuzzer)
generates valid and invalid requests from kiosk/services/gateway.yaml and runs all its checks
against `kiosk sim backend` — no server error, every answer (problems included) in the
documented shape and content type, no valid request refused, no invalid one accepted."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.sim.backend import BackendServer

SPEC = Path(__file__).resolve().parents[2] / "kiosk" / "services" / "gateway.yaml"


def test_schemathesis_finds_nothing(backend: BackendServer, tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a dev dependency (pyproject.toml)"
    r = subprocess.run(
        [st, "run", str(SPEC), "--url", backend.url, "--checks", "all", "--max-examples", "40",
         "--seed", "20261203", "--no-color", "--report-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    summary = "\n".join(r.stdout.splitlines()[-40:])
    assert r.returncode == 0, summary
    counts = re.search(r"(\d+) generated, (\d+) passed", r.stdout)
    assert counts, summary
    generated, passed = map(int, counts.groups())
    assert generated == passed
    assert generated > 300, summary  # it really exercised all ten operations
