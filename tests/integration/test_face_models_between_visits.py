"""The face models (about 115 MB once used) are let go when the kiosk rests between visits and
come back for the next citizen, whose face check still passes; they are never let go while a
visit runs. The real visit path, headless (KioskCore, VisitRunner, the simulated ID card reader
and camera, the real models), as the scenario rig runs it."""

from __future__ import annotations

import asyncio
import gc
import linecache
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import KioskCore
from kiosk.domain.clock import KioskClock
from kiosk.face.engine import forget_shared_face_engines
from kiosk.flows.outcome import Outcome
from kiosk.flows.schema import FormField
from kiosk.scenarios.rig import Scenario, ScenarioRig, ScriptedCitizen

pytestmark = pytest.mark.daemon
APPROVED = Path(__file__).resolve().parents[2] / "kiosk" / "scenarios" / "shipped" / \
    "criminal-record-approved.yaml"


class CitizenWhoAsks(ScriptedCitizen):
    """Asked the first form field (the face check is behind them), runs `meanwhile`."""

    meanwhile: Callable[[], None] = staticmethod(lambda: None)

    async def ask_field(self, f: FormField, error: str | None) -> str | None:
        self.meanwhile()
        return await super().ask_field(f, error)


async def test_the_models_go_while_the_kiosk_rests_and_come_back_for_the_next_citizen(
        cupsd_running, tmp_path: Path) -> None:
    rig = ScenarioRig(tmp_path / "out")
    assert rig.config.face.release_models_after_s > 0  # the shipped default lets them go
    # a rest of a second, not two minutes; no smart card reader: this kiosk needs no pcscd
    rig.config = rig.config.model_copy(update={
        "devices": rig.config.devices.model_copy(update={"smartcard": None}),
        "face": rig.config.face.model_copy(update={"release_models_after_s": 1.0})})
    rig.core = KioskCore(rig.config, KioskClock(rig.config.time_zone, rig.wall))
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


async def _until(condition: Callable[[], bool], message: str, timeout_s: float = 15.0) -> None:
    until = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < until, message
        await asyncio.sleep(0.05)


async def test_models_that_failed_to_load_are_loaded_again_by_the_next_visit() -> None:
    """A load that fails (a model file unreadable for a moment) is logged and forgotten as it
    fails, even when that visit never reached its face check: the next visit loads again."""
    from types import SimpleNamespace

    from kiosk.face.engine import FaceEngine
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
