"""The whole kiosk in a benchmark process: the core on simulated devices, the offscreen window,
visits loading beside the first frame; and its orderly end (its data folder deleted). Shared by
the UI benchmark processes (_ui_probe, _ui_soak)."""

from __future__ import annotations

import contextlib
import os
import shutil
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
def running_kiosk(prefix: str, without: Sequence[str] = ()) -> Iterator[KioskProcess]:
    """The simulated kiosk; `without` names device kinds it runs without (the test suite's
    soak leaves the smart card reader to the tests that run beside it: vpcd has two slots)."""
    tune_malloc()  # as every `kiosk` command does, before any thread starts
    data = Path(tempfile.mkdtemp(prefix=prefix))
    config = load_config(packaged_config("simulated"), simulate=True, data_dir=data)
    if without:
        devices = config.devices.model_copy(update=dict.fromkeys(without))
        config = config.model_copy(update={"devices": devices})
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
