"""A province publishes a changed rule while a citizen is in the middle of a visit: the kiosk
(polling its repository every second) takes the new catalog up, but the visit under way
finishes on the catalog it started with; the next visit runs on the new one. The real visit
path (KioskCore, VisitRunner, the simulated ID card reader, camera and face models, backend and
printers), headless, as the scenario rig runs it; the repository is published by `kiosk catalog
publish`'s code and served by a plain HTTP server on loopback."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from kiosk.app import KioskCore
from kiosk.bench.static_server import static_server
from kiosk.config import packaged_config
from kiosk.domain.clock import KioskClock
from kiosk.flows.outcome import Outcome
from kiosk.flows.schema import FormField
from kiosk.scenarios.rig import Scenario, ScenarioRig, ScriptedCitizen
from kiosk.signed_catalog.publisher import publish
from tests.catalog_repos import catalog_copy

pytestmark = pytest.mark.daemon
NO_VISAS = "用于出国签证的无犯罪记录证明须人工审核，请到窗口办理"


def visas_to_the_counter(src: Path) -> None:
    """The province's change: certificates for a visa are no longer issued on the spot."""
    item = src / "criminal-record-certificate.yaml"
    text = item.read_text(encoding="utf-8")
    rule = ("  - id: not_for_visa\n"
            "    expr: form.purpose != \"办理出国签证\"\n"
            f"    message: {{zh-Hans: {NO_VISAS}, zh-Hant: 用於出國簽證的無犯罪記錄證明須人工審核，"
            "請到窗口辦理, en: Certificates for a visa are checked by staff at a counter}\n")
    item.write_text(text.replace("approval: instant", rule + "approval: instant"),
                    encoding="utf-8")


class PausingCitizen(ScriptedCitizen):
    """A scripted citizen who, asked the certificate's purpose, waits for `meanwhile`."""

    meanwhile: asyncio.Future[None] | None = None

    async def ask_field(self, f: FormField, error: str | None) -> str | None:
        if f.id == "purpose" and self.meanwhile is not None:
            await self.meanwhile
        return await super().ask_field(f, error)


async def test_a_rule_published_during_a_visit_applies_from_the_next_visit(
        cupsd_running, tmp_path: Path) -> None:
    keys, repo = tmp_path / "keys", tmp_path / "served" / "repo"
    publish(catalog_copy(tmp_path / "v1"), repo, keys)
    changed = catalog_copy(tmp_path / "v2")
    visas_to_the_counter(changed)
    scenario_file = tmp_path / "visa.yaml"
    scenario_file.write_text("service: criminal-record-certificate\n"
                             "citizen: {credential: idcard, card: zhang-wei, face: genuine}\n"
                             "answers: {purpose: 办理出国签证}\n", encoding="utf-8")
    scenario = Scenario.load(scenario_file)
    with static_server(tmp_path / "served") as server:
        config_file = tmp_path / "kiosk.toml"
        config_file.write_text(packaged_config("simulated").read_text(encoding="utf-8") + f"""
[catalog]
repository = "{server.url}/repo"
root = "{repo / 'metadata' / '1.root.json'}"
check_every_s = 1
""", encoding="utf-8")
        rig = ScenarioRig(tmp_path / "out", config_file)
        # no smart card reader: this kiosk needs no pcscd
        rig.config = rig.config.model_copy(update={"devices": rig.config.devices.model_copy(
            update={"smartcard": None})})
        rig.core = KioskCore(rig.config, KioskClock(rig.config.time_zone, rig.wall))
        await rig.start()
        try:
            updates = rig.core.catalog_updates
            await _until(lambda: updates.serving == 1)  # the repository's first version

            async def province_publishes() -> None:
                await asyncio.to_thread(publish, changed, repo, keys)
                await _until(lambda: updates.serving == 2)
                # visits that start now get the new rule; this one has already started
                assert "not_for_visa" in [r.rule_id for r in
                                          rig.runner.catalog.rules["criminal-record-certificate"]]

            prepared = await rig.prepare(scenario)
            who = PausingCitizen(scenario, rig.camera, prepared.face, rig.lift_card)
            who.meanwhile = asyncio.ensure_future(province_publishes())
            visit = asyncio.ensure_future(rig.runner.run("criminal-record-certificate", who))
            await prepared.present()
            first = await asyncio.wait_for(visit, 60)
            await rig.tidy(scenario)
            assert who.meanwhile.done()
            assert who.meanwhile.exception() is None
            assert first.outcome is Outcome.APPROVED, first.reason  # on the catalog it began on

            second = await rig.run(scenario)  # the next citizen, the same wish
            assert second["outcome"] == Outcome.REJECTED
            assert NO_VISAS in second["reason"]
        finally:
            await rig.stop()


async def _until(condition, timeout_s: float = 20.0) -> None:
    until = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < until, "the kiosk did not take the catalog up in time"
        await asyncio.sleep(0.05)
