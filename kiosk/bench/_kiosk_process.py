"""The whole kiosk in a benchmark process: the core on simulated devices, the offscreen window,
visits loading beside the first frame; and its orderly end (its data folder deleted). Shared by
the UI benchmark processes (_ui_probe, _ui_soak)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from PySide6.QtGui import QGuiApplication

from kiosk.app import CoreThread, KioskCore
from kiosk.appliance.native_memory import tune_malloc
from kiosk.config import load_config, packaged_config
from kiosk.ui.shell import Shell, build_shell


@dataclass
class KioskProcess:
    app: QGuiApplication
    shell: Shell
    core: KioskCore
    thread: CoreThread


@contextlib.contextmanager
def running_kiosk(prefix: str, without: Sequence[str] = (),
                  models_rest_s: float | None = None,
                  backend_apart: bool = False) -> Iterator[KioskProcess]:
    """The simulated kiosk; `without` names device kinds it runs without (the test suite's
    soak leaves the smart card reader to the tests that run beside it: vpcd has two slots);
    `models_rest_s`: a rest after which the face models go other than the configured one;
    `backend_apart`: the simulated government backend in a process of its own, as a real
    backend is, rather than in the kiosk's (so that the kiosk's memory is the kiosk's)."""
    tune_malloc()  # as every `kiosk` command does, before any thread starts
    data = Path(tempfile.mkdtemp(prefix=prefix))
    with contextlib.ExitStack() as stack:
        overrides = stack.enter_context(_backend_apart(data)) if backend_apart else {}
        yield from _running(data, without, models_rest_s, overrides)


@contextlib.contextmanager
def _backend_apart(data: Path) -> Iterator[dict[str, object]]:
    """`kiosk sim backend` as its own process; the kiosk's settings that point at it (by the
    name localhost, which the simulated hub leaves alone: it starts a backend in the kiosk's
    process only for a loopback address)."""
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "sim", "backend", "--port", "0",
                             "--tls-dir", str(data / "sim-tls")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        line = proc.stdout.readline() if ready else ""
        if not line:
            raise RuntimeError("the simulated backend did not start")
        told = json.loads(line)
        yield {"backend_url": told["url"].replace("://127.0.0.1:", "://localhost:"),
               "backend_ca_bundle": Path(told["ca_bundle"]),
               "backend_client_cert": Path(told["client_cert"]),
               "backend_client_key": Path(told["client_key"])}
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _running(data: Path, without: Sequence[str], models_rest_s: float | None,
             overrides: dict[str, object]) -> Iterator[KioskProcess]:
    config = load_config(packaged_config("simulated"), simulate=True, data_dir=data)
    if overrides:
        config = config.model_copy(update=overrides)
    if without:
        devices = config.devices.model_copy(update=dict.fromkeys(without))
        config = config.model_copy(update={"devices": devices})
    if models_rest_s is not None:
        face = config.face.model_copy(update={"release_models_after_s": models_rest_s})
        config = config.model_copy(update={"face": face})
    thread = CoreThread()
    thread.start()
    core = KioskCore(config)
    thread.submit(core.start()).result(30)
    app = QGuiApplication(sys.argv[:1])
    shell = build_shell(config, core, fullscreen=False, thread=thread)
    shell.load_visits(core, thread)
    try:
        yield KioskProcess(app, shell, core, thread)
    finally:
        shell.dispose()
        thread.submit(core.stop()).result(15)
        thread.stop()
        shutil.rmtree(data, ignore_errors=True)  # its keys and outbox: nothing left behind
