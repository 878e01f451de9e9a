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

# pytest-xdist: this process is a worker ("gw0", "gw1", ...) or not. The machine has one pcscd
# with two virtual readers: each worker's simulated kiosks take their own, so two kiosks never
# put cards into one reader (the tests that need both, or that restart pcscd, are marked
# `serial` and run after the others, alone: scripts/test).
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if WORKER is not None and WORKER.removeprefix("gw").isdigit() and int(WORKER[2:]) % 2:
    os.environ.setdefault("KIOSK_DEVICES__SMARTCARD__READER", "Virtual PCD 00 01")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def pcscd_running():
    if WORKER is not None:  # the controller started it for the run (pytest_sessionstart)
        daemon = daemons.Pcscd()
        daemon.start()  # (reuses the running one)
        yield daemon
        return
    with daemons.pcscd() as daemon:
        yield daemon


@pytest.fixture(scope="session")
def cupsd_running():
    if WORKER is not None:  # the controller's, and so is the queues' cleanup at the end
        daemons.wait_cupsd()
        yield
        return
    with daemons.cupsd():
        yield


@pytest.fixture(scope="session", autouse=True)
def _soak_beside_the_tests(request: pytest.FixtureRequest):
    """When the session (without xdist) holds the 30-visit soak, it starts first and runs
    beside the rest (tests/background_soak.py); with xdist the controller starts it."""
    items = request.session.items
    if WORKER is None and len(items) > 1 and \
            any(item.nodeid == background_soak.SOAK_TEST for item in items):
        request.getfixturevalue("cupsd_running")
        background_soak.start(background_soak.run_id(request.config))
    yield
    if WORKER is None:
        background_soak.stop_started()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    """The controller: a worker has collected; if the soak is among several tests, it starts
    now, beside them (once; the worker that draws the test collects its result)."""
    if background_soak.SOAK_TEST in ids and len(ids) > 1:
        background_soak.start(str(node.workerinput["testrunuid"]))  # type: ignore[attr-defined]


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
# its end the queues added since its start — run one session at a time. The workers of one
# xdist run are one session: the controller holds the daemons and makes this check.)
_BEFORE: dict[str, set[str]] = {}
_DAEMONS = contextlib.ExitStack()  # the xdist controller's pcscd and cupsd, for its workers


def _kiosk_tmp() -> set[str]:
    return {str(p) for p in Path(tempfile.gettempdir()).glob("kiosk-*")}


def _xdist_controller(config: pytest.Config) -> bool:
    return WORKER is None and bool(getattr(config.option, "numprocesses", None))


def pytest_sessionstart(session: pytest.Session) -> None:
    _BEFORE["tmp"] = _kiosk_tmp()
    _BEFORE["queues"] = daemons.cups_queues()
    if _xdist_controller(session.config):
        # started once, before the workers: none of them starts or stops one under another
        _DAEMONS.enter_context(daemons.pcscd())
        _DAEMONS.enter_context(daemons.cupsd())


@pytest.hookimpl(trylast=True)  # after xdist has ended its workers
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _BEFORE or WORKER is not None:
        return
    background_soak.stop_started()  # (the xdist controller's; a plain session's is stopped)
    try:
        _check_nothing_left(session)
    finally:
        _DAEMONS.close()


def _check_nothing_left(session: pytest.Session) -> None:
    ours = {p.pid for p in daemons.started_here()}
    problems = []
    left = sorted(_kiosk_tmp() - _BEFORE["tmp"])
    if left:  # reported, not deleted: it may be a live folder of another run on this machine
        problems.append(f"{len(left)} temporary folder(s): {', '.join(left[:5])}")
    queues = sorted(daemons.cups_queues() - _BEFORE["queues"])
    if queues:
        problems.append(f"CUPS queue(s): {', '.join(queues)}")
    children = [c for c in psutil.Process().children(recursive=True) if c.is_running()
                and c.status() != psutil.STATUS_ZOMBIE and c.pid not in ours]
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
