"""Real daemons for tests: pcscd (with vsmartcard-vpcd) and cupsd, started by PID.

pcscd's socket path is fixed at build time, so there is one per machine: a running one is
reused, otherwise the fixture starts `pcscd -f` and stops it by PID. The same for cupsd.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
VPCD_PORT = 35963
_STARTED: list[subprocess.Popen[bytes]] = []  # the daemons this process started, while they run


def started_here() -> list[psutil.Process]:
    """The daemons this process started and that still run, with their own children (cupsd's
    filters and backends): the test session's, not leftovers."""
    out: list[psutil.Process] = []
    for proc in _STARTED:
        if proc.poll() is None:
            with contextlib.suppress(psutil.Error):
                daemon = psutil.Process(proc.pid)
                out += [daemon, *daemon.children(recursive=True)]
    return out


def _wait(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise RuntimeError(f"{what} did not become ready within {timeout_s} s")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _running(name: str) -> bool:
    return subprocess.run(["pgrep", "-x", name], capture_output=True).returncode == 0


def pcscd_ready() -> bool:
    return PCSCD_SOCKET.exists() and _port_open(VPCD_PORT)


class Pcscd:
    """The machine's one pcscd: reused when running, else started in the foreground by PID.

    `stop()` and `start()` let a test take the daemon away (the reader disappears) and bring
    it back; whatever this object started is stopped at the end of the session.
    """

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if shutil.which("pcscd") is None:
            raise RuntimeError("pcscd is not installed (scripts/setup.sh installs it)")
        if _running("pcscd"):
            _wait(pcscd_ready, 5, "the running pcscd")
            return
        self.proc = subprocess.Popen(["pcscd", "-f"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        _STARTED.append(self.proc)
        _wait(pcscd_ready, 10, "pcscd")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None
        else:
            subprocess.run(["pkill", "-x", "pcscd"], check=False)
        _wait(lambda: not _running("pcscd"), 5, "pcscd to stop")


@contextlib.contextmanager
def pcscd() -> Iterator[Pcscd]:
    daemon = Pcscd()
    daemon.start()
    try:
        yield daemon
    finally:
        if daemon.proc is not None:
            daemon.stop()


def cupsd_ready() -> bool:
    r = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in r.stdout and "not" not in r.stdout


def wait_cupsd() -> None:
    """The cupsd another process of this run started (the xdist controller)."""
    _wait(cupsd_ready, 10, "the running cupsd")


def cups_queues() -> set[str]:
    """The queues CUPS knows: the scheduler's answer while it runs, else its configuration file
    (which a running cupsd rewrites only some seconds after a change, so a queue removed a
    moment ago may still stand in it)."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        answer = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, timeout=10,
                                check=False)
        if answer.returncode == 0:
            return set(answer.stdout.split())
    try:
        text = Path("/etc/cups/printers.conf").read_text(errors="replace")
    except OSError:
        return set()
    return {line.split()[1].rstrip(">") for line in text.splitlines()
            if line.startswith(("<Printer ", "<DefaultPrinter ")) and len(line.split()) > 1}


def _remove_queues_added_since(before: set[str]) -> None:
    for queue in sorted(cups_queues() - before):
        subprocess.run(["lpadmin", "-x", queue], capture_output=True, timeout=10)


@contextlib.contextmanager
def cupsd() -> Iterator[None]:
    """A running cupsd for the session; the queues the tests add are removed at the end."""
    if shutil.which("cupsd") is None and not Path("/usr/sbin/cupsd").exists():
        raise RuntimeError("cupsd is not installed (scripts/setup.sh installs it)")
    before = cups_queues()
    if _running("cupsd"):
        _wait(cupsd_ready, 5, "the running cupsd")
        try:
            yield
        finally:
            _remove_queues_added_since(before)
        return
    proc = subprocess.Popen(["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ})
    _STARTED.append(proc)
    try:
        _wait(cupsd_ready, 10, "cupsd")
        yield
    finally:
        _remove_queues_added_since(before)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
