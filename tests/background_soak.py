"""The 30-visit soak (tests/ui/test_soak.py) in a process of its own, started when the test run
starts so that it runs beside the other tests rather than after them: its two minutes are
mostly waiting (the simulated wire, printing, the screens' pace), time a 2-core machine has
spare while the other tests run. The test collects its result; run alone, it starts it then.

Its output goes to files in a folder named after the run, so that whichever process runs the
test can collect it: with pytest-xdist the controller starts the soak as soon as a worker has
collected the soak test, and the worker that draws the test reads the result (the folder is
named by xdist's run id, which every worker knows). The process that started the soak ends it
(and removes the folder) at the end of its session, whether or not the result was collected.

The soak's kiosk runs without the smart card reader: vpcd has two virtual slots and the tests
beside it use them (its visits never use a smart card; the 500-visit benchmark keeps it)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOAK_TEST = "tests/ui/test_soak.py::test_thirty_visits_in_one_process"


@dataclass
class SoakResult:
    returncode: int
    stdout: str
    stderr: str


def run_id(config: object) -> str:
    """This test run's id: xdist's (shared by the controller and its workers), or this
    process's."""
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["testrunuid"]) if workerinput else f"pid{os.getpid()}"


def run_folder(run_id: str) -> Path:
    return Path(tempfile.gettempdir()) / f"soak-run-{run_id}"


class BackgroundSoak:
    """The soak's process and its folder: `out`, `err`, and `rc` once it has ended."""

    def __init__(self, folder: Path, visits: int = 30) -> None:
        self.folder = folder
        folder.mkdir(mode=0o755)
        # its temporary files (the kiosk's data folder) inside: a soak cut short (the session
        # stopped at a failure) leaves nothing behind either
        tmp = folder / "tmp"
        tmp.mkdir(mode=0o755)  # cups-pdf writes the printed certificates under it
        shots = ROOT / "artifacts" / "soak"  # a failed visit's screen, for a look
        shots.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_LOG_LEVEL": "WARNING",
               "PYTHONFAULTHANDLER": "1", "TMPDIR": str(tmp), "KIOSK_SOAK_SHOTS": str(shots)}
        env.pop("KIOSK_DEVICES__SMARTCARD__READER", None)
        # files, not pipes: nobody reads while the other tests run; `rc` says it has ended
        self.proc = subprocess.Popen(
            ["sh", "-c", '"$@" > out 2> err; echo $? > rc.new && mv rc.new rc', "soak",
             sys.executable, "-m", "kiosk.bench._ui_soak", str(visits),
             "--without", "smartcard"],
            cwd=folder, env=env, start_new_session=True)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_result(folder: Path, timeout_s: float) -> SoakResult:
    """The soak's result from its folder, once it has ended (TimeoutError past `timeout_s`)."""
    deadline = time.monotonic() + timeout_s
    rc = folder / "rc"
    while not rc.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the soak in {folder} did not end within {timeout_s:g} s")
        time.sleep(0.5)
    return SoakResult(int(rc.read_text().strip() or "1"),
                      (folder / "out").read_text(errors="replace"),
                      (folder / "err").read_text(errors="replace"))


_started: BackgroundSoak | None = None


def start(run_id: str) -> BackgroundSoak:
    global _started
    if _started is None:
        _started = BackgroundSoak(run_folder(run_id))
    return _started


def collect(run_id: str, timeout_s: float) -> SoakResult:
    """The soak's result: the one this run started (here or in the xdist controller), or one
    started now when no one did (the test run on its own)."""
    folder = run_folder(run_id)
    if _started is None and not folder.exists():
        start(run_id)
    return wait_result(folder, timeout_s)


def stop_started() -> None:
    """The end of the session that started the soak: it ends (if it still runs) and its folder
    goes, collected or not."""
    global _started
    if _started is not None:
        _started.stop()
        _started = None
