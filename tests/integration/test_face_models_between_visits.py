"""The face models (about 95 MB once used) are held no longer than they are needed: by
default they go as a visit's face check ends (and the QR decoder's worker as identification
ends), so the form, signing and printing run without
them, and the next citizen's face check still passes; a kiosk that keeps them between visits
lets them go when it rests. They are never let go while a visit needs them. The real visit
path, headless (KioskCore, VisitRunner, the simulated ID card reader and camera, the real
models), as the scenario rig runs it."""

from __future__ import annotations

import asyncio
import gc
import linecache
import subprocess
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from kiosk.app import KioskCore
from kiosk.config import FaceConfig
from kiosk.domain.clock import KioskClock
from kiosk.face.engine import FaceEngine, forget_shared_face_engines
from kiosk.flows.outcome import Outcome
from kiosk.flows.schema import FormField
from kiosk.scenarios.rig import Scenario, ScenarioRig, ScriptedCitizen

pytestmark = pytest.mark.daemon
APPROVED = Path(__file__).resolve().parents[2] / "kiosk" / "scenarios" / "shipped" / \
    "criminal-record-approved.yaml"


class CitizenWhoAsks(ScriptedCitizen):
    """Asked the first form field (the face check is behind them), runs `meanwhile`; asked
    for consent to the face check, runs `at_consent`."""

    meanwhile: Callable[[], None] = staticmethod(lambda: None)
    at_consent: Callable[[], None] = staticmethod(lambda: None)

    async def ask_face_consent(self) -> bool:
        self.at_consent()
        return await super().ask_face_consent()

    async def ask_field(self, f: FormField, error: str | None) -> str | None:
        self.meanwhile()
        return await super().ask_field(f, error)


def _rig(tmp_path: Path, **face: object) -> ScenarioRig:
    """A headless kiosk without a smart card reader (it needs no pcscd)."""
    rig = ScenarioRig(tmp_path / "out")
    rig.config = rig.config.model_copy(update={
        "devices": rig.config.devices.model_copy(update={"smartcard": None}),
        "face": rig.config.face.model_copy(update=face)})
    rig.core = KioskCore(rig.config, KioskClock(rig.config.time_zone, rig.wall))
    return rig


async def test_the_models_go_as_the_face_check_ends_and_come_back_for_the_next_citizen(
        cupsd_running, tmp_path: Path) -> None:
    assert FaceConfig().hold_models == "face_check"  # the shipped default
    rig = _rig(tmp_path)
    forget_shared_face_engines()  # models of this kiosk's own, not one an earlier test holds
    await rig.start()
    try:
        runner = rig.runner
        scenario = Scenario.load(APPROVED)
        used: list[weakref.ref[FaceEngine]] = []
        held: list[bool] = []
        # the QR decoder's worker, which looks for codes while the citizen identifies
        decoder = rig.core._qr_credentials().decoder
        started: list[int] = []
        start = decoder._running

        def running() -> subprocess.Popen[bytes]:
            if decoder._proc is None:
                started.append(1)
            return start()
        decoder._running = running  # type: ignore[method-assign]

        def models_held() -> None:
            gc.collect()
            held.append(used[-1]() is not None)

        for _ in range(2):
            prepared = await rig.prepare(scenario)
            who = CitizenWhoAsks(scenario, rig.camera, prepared.face, rig.lift_card)
            # asked to consent to the face check: the models are loaded for it
            who.at_consent = lambda: used.append(weakref.ref(_loaded(runner.face_engine)))
            # asked the form, the face check behind them: are the models still held?
            who.meanwhile = models_held
            visit = asyncio.ensure_future(runner.run("criminal-record-certificate", who))
            await prepared.present()
            result = await asyncio.wait_for(visit, 60)
            await rig.tidy(scenario)
            assert result.outcome is Outcome.APPROVED, result.reason  # its face check passed
            assert runner.face_engine is None
            await _until(lambda: not _qr_workers(), "the QR worker outlived identification")
        assert len(started) == 2, "each identification had a QR worker of its own"
        assert len(used) == 2  # both face checks had models ...
        gc.collect()
        assert used[0]() is None  # ... the second its own: the first visit's were gone
        assert len(held) >= 2
        assert not any(held), "the models were held past the face check"
    finally:
        await rig.stop()


async def test_a_service_without_a_face_check_loads_no_models(cupsd_running,
                                                             tmp_path: Path) -> None:
    """A contribution paid by code (face_check: none) runs without the models: none load."""
    rig = _rig(tmp_path)
    forget_shared_face_engines()
    await rig.start()
    try:
        loads: list[int] = []
        make = rig.runner._make_face_engine

        def counted() -> FaceEngine:
            loads.append(1)
            return make()
        rig.runner._make_face_engine = counted
        scenario = Scenario.load(APPROVED.with_name("pension-payment-declined.yaml"))
        result = await rig.run(scenario)
        assert result["outcome"] == scenario.data["expect"]["outcome"]  # it ran its course
        assert loads == [], "the face models were loaded for a service without a face check"
    finally:
        await rig.stop()


async def test_kept_between_visits_the_models_go_while_the_kiosk_rests(
        cupsd_running, tmp_path: Path) -> None:
    # a rest of a second, not two minutes
    rig = _rig(tmp_path, hold_models="between_visits", release_models_after_s=1.0)
    forget_shared_face_engines()  # models of this kiosk's own, not one an earlier test holds
    await rig.start()
    try:
        scenario = Scenario.load(APPROVED)
        first = await rig.run(scenario)
        assert first["outcome"] == Outcome.APPROVED
        runner = rig.runner
        assert runner.face_engine is not None
        models = weakref.ref(runner.face_engine)

        linecache.getlines(__file__)  # a module's source, as PySide's import hook reads them
        await _until(lambda: runner.face_engine is None, "the kiosk kept the models at rest")
        await _until(lambda: __file__ not in linecache.cache,
                     "module sources stayed in the line cache after the visit")
        gc.collect()
        assert models() is None, "something still holds the face models"

        refused: list[bool] = []
        prepared = await rig.prepare(scenario)
        who = CitizenWhoAsks(scenario, rig.camera, prepared.face, rig.lift_card)
        who.meanwhile = lambda: refused.append(runner.release_face_models())
        visit = asyncio.ensure_future(runner.run("criminal-record-certificate", who))
        await prepared.present()
        second = await asyncio.wait_for(visit, 60)
        await rig.tidy(scenario)
        assert second.outcome is Outcome.APPROVED, second.reason  # its face check passed
        assert refused
        assert not any(refused), "the models were let go during a visit"
    finally:
        await rig.stop()


def _qr_workers() -> list[psutil.Process]:
    workers = []
    for child in psutil.Process().children():
        try:
            if "qr_decoder_process" in " ".join(child.cmdline()):
                workers.append(child)
        except psutil.Error:  # ended (and reaped) while being looked at
            pass
    return workers


def _loaded(engine: FaceEngine | None) -> FaceEngine:
    assert engine is not None, "no face models at the face check"
    return engine


async def _until(condition: Callable[[], bool], message: str, timeout_s: float = 15.0) -> None:
    until = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < until, message
        await asyncio.sleep(0.05)


async def test_models_that_failed_to_load_are_loaded_again_by_the_next_visit() -> None:
    """A load that fails (a model file unreadable for a moment) is logged and forgotten as it
    fails, even when that visit never reached its face check: the next visit loads again."""
    from types import SimpleNamespace

    from kiosk.flows.identify import IdentitySources
    from kiosk.flows.visit import VisitRunner

    attempts: list[int] = []

    def flaky_models() -> FaceEngine:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("the model file could not be read")
        return FaceEngine()

    ports = SimpleNamespace(gateway=None)
    runner = VisitRunner(ports, IdentitySources(), flaky_models,  # type: ignore[arg-type]
                         match_threshold=0.363, photo_detect_score=0.5)
    runner._load_face_models_beside()  # a visit starts; it ends before its face check
    await _until(lambda: runner._face_models is None, "a failed load was kept")
    check = await runner._ensure_face_check()  # the next visit's face check
    assert len(attempts) == 2
    assert check.engine is runner.face_engine is not None
