from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import psutil
import pytest

from kiosk.config import KioskSettings, load_config, packaged_config
from kiosk.logging import configure_logging
from tests import background_soak, daemons

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


@pytest.fixture(scope="session", autouse=True)
def _soak_beside_the_tests(request: pytest.FixtureRequest):
    """When the session holds the 30-visit soak, it starts first and runs beside the rest
    (tests/background_soak.py)."""
    items = request.session.items
    if any(item.nodeid == background_soak.SOAK_TEST for item in items) and len(items) > 1:
        request.getfixturevalue("cupsd_running")
        background_soak.start()
    yield
    background_soak.stop_unclaimed()


@pytest.fixture
def sim_config(tmp_path: Path) -> KioskSettings:
    """The packaged simulated configuration, with data in a fresh temporary folder. Without
    政策找人 (offers): the visits these tests drive predate its question; the tests of offers
    turn it on (tests/ui/test_hall.py, the shipped scenarios)."""
    config = load_config(packaged_config("simulated"), simulate=True, data_dir=tmp_path / "data")
    return config.model_copy(update={"offers": config.offers.model_copy(
        update={"enabled": False})})


# --- nothing left behind --------------------------------------------------------------------
# After the session: no /tmp/kiosk-* folder, no CUPS queue and no child process that was not
# there before it. Leftovers fail the run. (Two test sessions at once on one machine share
# /tmp and cupsd: each may then report the other's folders, and the cupsd fixture removes at
# its end the queues added since its start — run one session at a time.)
_BEFORE: dict[str, set[str]] = {}


def _kiosk_tmp() -> set[str]:
    return {str(p) for p in Path(tempfile.gettempdir()).glob("kiosk-*")}


def pytest_sessionstart(session: pytest.Session) -> None:
    _BEFORE["tmp"] = _kiosk_tmp()
    _BEFORE["queues"] = daemons.cups_queues()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _BEFORE or getattr(session.config, "workerinput", None) is not None:
        return
    problems = []
    left = sorted(_kiosk_tmp() - _BEFORE["tmp"])
    if left:  # reported, not deleted: it may be a live folder of another run on this machine
        problems.append(f"{len(left)} temporary folder(s): {', '.join(left[:5])}")
    queues = sorted(daemons.cups_queues() - _BEFORE["queues"])
    if queues:
        problems.append(f"CUPS queue(s): {', '.join(queues)}")
    children = [c for c in psutil.Process().children(recursive=True) if c.is_running()
                and c.status() != psutil.STATUS_ZOMBIE]
    if children:
        problems.append("child process(es): " + ", ".join(
            f"{c.pid} {' '.join(c.cmdline()[:3])}" for c in children[:5]))
        for c in children:
            with contextlib.suppress(psutil.Error):
                c.kill()
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        text = "the tests left behind: " + "; ".join(problems)
        if reporter is not None:
            reporter.write_line(text, red=True)
        else:
            print(text, file=sys.stderr)
        if session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
