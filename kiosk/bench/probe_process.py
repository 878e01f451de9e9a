"""A benchmark probe in a fresh offscreen process (`python -m kiosk.bench._NAME ARGS`): its
result is the last line of JSON it prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ProbeRun:
    result: dict[str, Any] | None  # the last JSON line printed, None when there was none
    returncode: int
    stderr: str

    def last_said(self) -> str:
        """The probe's last line on stderr (what it died of), or its exit status."""
        said = [line for line in self.stderr.splitlines() if line.strip()]
        return said[-1] if said else f"exit status {self.returncode}"


def run_probe(module: str, *args: str, timeout_s: float,
              env: dict[str, str] | None = None) -> ProbeRun:
    full_env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "KIOSK_LOG_LEVEL": "WARNING", **(env or {})}
    r = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True,
                       env=full_env, timeout=timeout_s, check=False)
    lines = [line for line in r.stdout.splitlines() if line.startswith("{")]
    return ProbeRun(dict(json.loads(lines[-1])) if lines else None, r.returncode, r.stderr)
