from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import KioskSettings, load_config, packaged_config
from kiosk.logging import configure_logging
from tests import daemons

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
configure_logging("DEBUG")  # tests log through the same redacting path as the kiosk

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def pcscd_running():
    with daemons.pcscd() as daemon:
        yield daemon


@pytest.fixture(scope="session")
def cupsd_running():
    with daemons.cupsd():
        yield


@pytest.fixture
def sim_config(tmp_path: Path) -> KioskSettings:
    """The packaged simulated configuration, with data in a fresh temporary folder."""
    return load_config(packaged_config("simulated"), simulate=True, data_dir=tmp_path / "data")
