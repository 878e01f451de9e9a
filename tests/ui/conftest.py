from __future__ import annotations

import pytest

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
def shell(qapp, core, sim_config: KioskSettings):
    kiosk_core, _thread = core
    s: Shell = build_shell(sim_config, kiosk_core, fullscreen=False)
    yield s
    s.dispose()
