from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")  # before pytest-qt makes the app

from kiosk.app import CoreThread, KioskCore
from kiosk.config import KioskSettings
from kiosk.ui.shell import Shell, build_shell


@pytest.fixture
def core(sim_config: KioskSettings):
    thread = CoreThread()
    thread.start()
    kiosk_core = KioskCore(sim_config)
    thread.submit(kiosk_core.start()).result(15)
    yield kiosk_core, thread
    thread.submit(kiosk_core.stop()).result(15)
    thread.stop()


@pytest.fixture
def shell(qapp, qtbot, core, sim_config: KioskSettings):
    kiosk_core, thread = core
    s: Shell = build_shell(sim_config, kiosk_core, fullscreen=False, thread=thread)
    s.load_visits(kiosk_core, thread)
    qtbot.waitUntil(lambda: s.visit.ready, timeout=30000)  # visits load beside the first frame
    yield s
    s.dispose()
