"""The 30-visit soak (tests/ui/test_soak.py) in a process of its own, started when the session
starts so that it runs beside the other tests rather than after them: its two minutes are
mostly waiting (the simulated wire, printing, the screens' pace), time a 2-core machine has
spare while the other tests run. The test collects its result; run alone, it starts it then.

The soak's kiosk runs without the smart card reader: vpcd has two virtual slots and the tests
beside it use them (its visits never use a smart card; the 500-visit benchmark keeps it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
SOAK_TEST = "tests/ui/test_soak.py::test_thirty_visits_in_one_process"


@dataclass
class SoakResult:
    returncode: int
    stdout: str
    stderr: str


class BackgroundSoak:
    def __init__(self, visits: int = 30) -> None:
        # its temporary files (the kiosk's data folder) in a folder of its own: a soak cut
        # short (the session stopped at a failure) leaves nothing behind either
        self._tmp = tempfile.mkdtemp(prefix="soak-")
        os.chmod(self._tmp, 0o755)  # cups-pdf writes the printed certificates under it
        shots = ROOT / "artifacts" / "soak"  # a failed visit's screen, for a look
        shots.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_LOG_LEVEL": "WARNING",
               "PYTHONFAULTHANDLER": "1", "TMPDIR": self._tmp, "KIOSK_SOAK_SHOTS": str(shots)}
        # files, not pipes: nobody reads while the other tests run
        self._out: IO[str] = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed in stop)
        self._err: IO[str] = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk.bench._ui_soak", str(visits),
             "--without", "smartcard"],
            cwd=ROOT, env=env, stdout=self._out, stderr=self._err, text=True)

    def result(self, timeout_s: float) -> SoakResult:
        try:
            code = self.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.stop()
            raise
        self._out.seek(0)
        self._err.seek(0)
        return SoakResult(code, self._out.read(), self._err.read())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._out.close()
        self._err.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


_started: BackgroundSoak | None = None


def start() -> BackgroundSoak:
    global _started
    if _started is None:
        _started = BackgroundSoak()
    return _started


def take() -> BackgroundSoak:
    """The running soak (started now if the session did not start it), handed over once."""
    global _started
    soak = start()
    _started = None
    return soak


def stop_unclaimed() -> None:
    global _started
    if _started is not None:
        _started.stop()
        _started = None
