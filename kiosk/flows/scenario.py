"""Headless scenarios (`kiosk scenario run FILE...`): a scripted citizen goes through a service
on the simulators, through the same devices, engine and backend client as the touch UI.

Scenario format (YAML; docs/scenarios.md has the full description):
    service: criminal-record-certificate      # id, or the exact zh-Hans title
    citizen:
      credential: idcard                      # idcard | passport | ssc (qr: later)
      card: zhang-wei                         # a sample card id, or inline card fields
      face: genuine                           # genuine | impostor | no_face | decline
    licenses: []                              # extra e-licenses seeded for this run
    answers: {purpose: 求职就业}               # field id → value (else the field's example)
    sign_commitment: true
    rating: {level: 5}                        # or {level: 1, reasons: [...]}, or omitted
    faults: {backend: {down: true}, receipt_printer: paper_out, document_printer: stopped}
    expect: {outcome: approved, printed: [certificate, receipt], form: {purpose: 求职就业},
             reason_contains: 年满18周岁}
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.config import FaceConfig, QrConfig
from kiosk.devices.camera.qr import QrCredentialReader, QrRejected
from kiosk.devices.camera.simulated import Scene, SimulatedCamera
from kiosk.devices.idcard.photo import SimulatedPhotoDecoder
from kiosk.devices.idcard.reader import SamReader
from kiosk.devices.idcard.simulator import SamReaderSimulator
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.escpos_status import Paper
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_simulator import ReceiptPrinterSimulator, render_receipt
from kiosk.devices.printers.receipt_transport import TcpTransport
from kiosk.documents.issuer import issuer_for
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.id_number import make_id_number
from kiosk.domain.identity import CardType, IdCardRecord, Identity, Sex
from kiosk.domain.nations import nation_name
from kiosk.face.check import FaceCheck
from kiosk.face.engine import FaceEngine
from kiosk.face.guidance import Guidance
from kiosk.face.liveness import Turn
from kiosk.face.verifier import FaceVerifier, LocalFaceVerifier, RemoteFaceVerifier
from kiosk.flows.catalog import Catalog, load_catalog
from kiosk.flows.engine import FlowEngine, FlowPorts, FlowResult
from kiosk.flows.interaction import FilledField, RatingAnswer, SignedCommitment
from kiosk.flows.qr_identity import QrIdentifyFailed, identify_by_qr
from kiosk.flows.scenario_schema import ScenarioSpec
from kiosk.flows.schema import FormField
from kiosk.flows.yaml_source import YamlRefused, describe_invalid, load_yaml
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import DECK, SampleCard, card, eid_code
from kiosk.sim.hub import ensure_cups_pdf_queue

QUEUE = "kiosk-scenario-pdf"


class ScenarioError(ValueError):
    pass


class _Refused(Exception):
    """The kiosk refused the credential before any service step (e.g. an unknown e-ID code)."""


@dataclass
class Scenario:
    path: Path
    data: dict[str, Any]  # the spec as plain data, only the keys the file set
    spec: ScenarioSpec

    @classmethod
    def load(cls, path: Path) -> Scenario:
        """Read and check one scenario file; ScenarioError (`file:line: field: problem`)."""
        try:
            doc = load_yaml(path)
        except YamlRefused as exc:
            raise ScenarioError(str(exc)) from None
        if not isinstance(doc.data, dict):
            raise ScenarioError(f"{path}:1: a scenario is a YAML mapping")
        try:
            spec = ScenarioSpec.model_validate(doc.data)
        except ValidationError as exc:
            raise ScenarioError(describe_invalid(doc, exc)) from None
        return cls(path, spec.model_dump(exclude_unset=True), spec)


class ScriptedCitizen:
    def __init__(self, scenario: Scenario, camera: SimulatedCamera) -> None:
        self.s = scenario.data
        self.camera = camera
        self.steps: list[str] = []

    def step(self, name: str) -> None:
        self.steps.append(name)

    def progress(self, message: str) -> None:
        pass

    def deadline(self, seconds: float) -> None:
        pass

    def finished(self, outcome: str, case_numbers: list[str], printed: list[str],
                 problems: list[str], *, uploading: bool = False) -> None:
        pass

    async def still_there(self, grace_s: float) -> bool:
        return True  # a scripted citizen answers at once; the engine's tests cover walking away

    async def ask_face_consent(self) -> bool:
        return bool(self.s["citizen"].get("face", "genuine") != "decline")

    def guide(self, guidance: Guidance) -> None:
        pass

    def challenge(self, turn: Turn) -> None:
        self.camera.hear(turn.value)

    async def ask_field(self, f: FormField, error: str | None) -> str | None:
        # a scripted citizen gives the same answer again after an error, as people do
        value = (self.s.get("answers") or {}).get(f.id, f.example)
        return None if value is None else str(value)

    async def confirm_form(self, form: list[FilledField]) -> bool:
        return True

    async def sign_commitment(self, text: str) -> SignedCommitment | None:
        if not self.s.get("sign_commitment", False):
            return None
        return SignedCommitment(hashlib.sha256(text.encode()).hexdigest(),
                                [[(10, 10), (60, 40), (120, 20)]])

    async def report_not_done(self, reason: str) -> str | None:
        text = self.s.get("report_not_done")
        return str(text) if text else None

    async def rate(self, item_code: str, case_number: str) -> RatingAnswer | None:
        r = self.s.get("rating")
        if not r:
            return None
        return RatingAnswer(int(r["level"]), list(r.get("reasons", [])), str(r.get("comment", "")))


def _inline_card(fields: dict[str, Any]) -> SampleCard:
    birth = date.fromisoformat(str(fields["birth"]))
    sex = Sex(fields.get("sex", "male"))
    number = str(fields.get("id_number") or make_id_number(
        str(fields.get("region", "110105")), birth, 1 if sex is Sex.MALE else 2))
    to = fields.get("valid_to", "2036-01-01")
    return SampleCard("inline", IdCardRecord(
        card_type=CardType.RESIDENT, name=str(fields["name"]), sex=sex, birth=birth,
        id_number=number, authority=str(fields.get("authority", "易办市公安局")),
        valid_from=date.fromisoformat(str(fields.get("valid_from", "2016-01-01"))),
        valid_to=None if to in ("long-term", "长期") else date.fromisoformat(str(to)),
        nation_code=str(fields.get("nation", "01")),
        nation=nation_name(str(fields.get("nation", "01"))),
        address=str(fields.get("address", "易办市示范路1号"))))


class ScenarioRig:
    """Everything a scenario runs on, started once for a batch of scenarios."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.data_dir = Path(tempfile.mkdtemp(prefix="kiosk-scenario-"))
        self.catalog: Catalog = load_catalog()
        self.backend = BackendServer()
        self.face_engine = FaceEngine()
        self.receipt_sim = ReceiptPrinterSimulator()
        self.pdf_out = self.data_dir / "printed"
        self.cups_ok = False

    async def start(self) -> None:
        self.backend.start()
        await self.receipt_sim.start()
        self.cups_ok = await asyncio.to_thread(ensure_cups_pdf_queue, QUEUE, self.pdf_out)
        if self.cups_ok:
            subprocess.run(["cupsenable", QUEUE], capture_output=True, check=False)
            subprocess.run(["cupsaccept", QUEUE], capture_output=True, check=False)
        self.outbox = Outbox.open(self.data_dir)
        self.gateway = GatewayClient(self.backend.url, "SIM-SCENARIO")
        self.issuer = issuer_for(self.data_dir, "SIM-SCENARIO")
        self.reprints = ReprintStore(self.data_dir / "reprints")

    async def stop(self) -> None:
        """Stop everything, and delete the data folder: it holds the run's signing, outbox and
        reprint keys next to the data they protect."""
        try:
            await self.gateway.aclose()
            await self.receipt_sim.stop()
            self.outbox.close()
            self.backend.stop()
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    async def run(self, scenario: Scenario) -> dict[str, Any]:
        started = time.perf_counter()
        s = scenario.data
        await self.gateway.request("POST", "/sim/faults", json={
            "down": False, "slow_s": 0, "errors": 0, "drop_after_commit": 0,
            "expired_licenses": False, **(s.get("faults") or {}).get("backend", {})})
        if s.get("licenses"):
            await self.gateway.request("POST", "/sim/licenses", json={"licenses": s["licenses"]})
        try:
            identity, photo_index = await self._identify(s["citizen"])
        except _Refused as refused:
            out = {"scenario": str(scenario.path), "service": str(s["service"]),
                   "outcome": "rejected", "reason": f"identify: {refused}", "case_numbers": [],
                   "form": {}, "printed": [], "print_problems": [], "artifacts": [],
                   "timings": {}, "seconds": round(time.perf_counter() - started, 3),
                   "session_wiped": True}
            out["failed"] = check_expectations(s.get("expect") or {}, out)
            return out
        camera = SimulatedCamera(fps=30)
        camera.turn_seconds = 0.15
        camera.set_scene(self._scene(s["citizen"].get("face", "genuine"), photo_index))
        faults = s.get("faults") or {}
        self.receipt_sim.set_paper(Paper.OUT if faults.get("receipt_printer") == "paper_out"
                                   else Paper.OK)
        receipt_printer = EscposReceiptPrinter("receipt", TcpTransport(
            "127.0.0.1", self.receipt_sim.port, 2), adapter="simulated")
        document_printer = CupsDocumentPrinter("document", QUEUE, adapter="simulated") \
            if self.cups_ok else None
        if document_printer is not None and faults.get("document_printer") == "stopped":
            subprocess.run(["cupsdisable", QUEUE], capture_output=True, check=False)
        verifier: FaceVerifier
        if identity.photo is not None:
            verifier = LocalFaceVerifier(self.face_engine, identity.photo, 0.363, 0.5)
        else:  # no photo on the credential: the identity-verification service decides
            verifier = RemoteFaceVerifier(self.gateway, kiosk_id="SIM-SCENARIO",
                                          credential=identity.credential.value,
                                          id_number=identity.id_number or "",
                                          name=identity.name)
        ports = FlowPorts(
            catalog=self.catalog, gateway=self.gateway, outbox=self.outbox,
            uploader=Uploader(self.outbox, self.gateway, backoff_initial_s=0),
            reprints=self.reprints, kiosk_id="SIM-SCENARIO",
            face_check=FaceCheck(self.face_engine, FaceConfig(challenge_timeout_s=3),
                                 timeout_s=6),
            camera=camera, verifier=verifier, issuer=self.issuer,
            document_printer=document_printer, receipt_printer=receipt_printer)
        session = Session()
        session.identity = identity
        receipts_before = len(self.receipt_sim.receipts)
        await camera.open()
        await receipt_printer.open()
        if document_printer is not None:
            await document_printer.open()
        try:
            result = await FlowEngine(ports).run(str(s["service"]), session,
                                                 ScriptedCitizen(scenario, camera))
        finally:
            await camera.close()
            await receipt_printer.close()
            if document_printer is not None:
                await document_printer.close()
                subprocess.run(["cupsenable", QUEUE], capture_output=True, check=False)
        artifacts = self._artifacts(scenario, result, receipts_before)
        out = {
            "scenario": str(scenario.path), "service": result.service,
            "outcome": result.outcome, "reason": result.reason,
            "case_numbers": result.case_numbers, "form": result.form,
            "printed": result.printed, "print_problems": result.print_problems,
            "artifacts": artifacts,
            "timings": {k: round(v, 3) for k, v in result.timings.items()},
            "seconds": round(time.perf_counter() - started, 3),
            "session_wiped": session.empty,
        }
        out["failed"] = check_expectations(s.get("expect") or {}, out)
        return out

    async def _identify(self, citizen: dict[str, Any]) -> tuple[Identity, int]:
        credential = citizen.get("credential", "idcard")
        if credential in ("passport", "ssc"):
            return await self._identify_pcsc(credential)
        spec = citizen.get("card", "zhang-wei")
        if credential == "qr":
            return await self._identify_qr(citizen.get("qr") or eid_code(str(spec)),
                                           card(str(spec)).photo_index)
        if credential != "idcard":
            raise ScenarioError(f"credential {credential!r} is not one of idcard, passport, "
                                "ssc, qr")
        sample = card(spec) if isinstance(spec, str) else _inline_card(spec)
        sim = SamReaderSimulator(deck=(*DECK, sample) if sample.card_id == "inline" else DECK,
                                 pace=False)
        port = sim.start()
        try:
            sim.place(sample.card_id)
            reader = SamReader("idcard", port, 115200, adapter="simulated",
                               photo_decoder=SimulatedPhotoDecoder())
            await reader.open()
            try:
                read = await reader.read_card()
            finally:
                await reader.close()
        finally:
            sim.stop()
        if read is None:
            raise ScenarioError("the card was not read")
        return read.identity("simulated reader"), sample.photo_index

    async def _identify_qr(self, code: str, photo_index: int) -> tuple[Identity, int]:
        """Hold the citizen's e-ID code up to the simulated camera; OpenCV reads it."""
        camera = SimulatedCamera(fps=30)
        camera.set_scene(Scene.QR, qr_text=code)
        await camera.open()
        try:
            identity = await identify_by_qr(camera, QrCredentialReader(QrConfig().pattern),
                                            self.gateway, timeout_s=5)
        except (QrRejected, QrIdentifyFailed) as exc:
            raise _Refused(str(exc)) from None
        finally:
            await camera.close()
        return identity, photo_index

    async def _identify_pcsc(self, credential: str) -> tuple[Identity, int]:
        """Insert a virtual card into vpcd and read it through pcscd, as from a USB reader."""
        from kiosk.devices.errors import DeviceError
        from kiosk.devices.smartcard.card_reading import read_card
        from kiosk.devices.smartcard.pcsc_channel import wait_for_card
        from kiosk.devices.smartcard.virtual.passport_card import (
            SAMPLE_PASSPORT,
            VirtualPassport,
        )
        from kiosk.devices.smartcard.virtual.social_security_card import (
            VirtualSocialSecurityCard,
        )
        from kiosk.devices.smartcard.virtual.vpcd_link import VirtualCard, VpcdLink

        reader, port = ("Virtual PCD 00 00", 35963) if credential == "passport" else \
            ("Virtual PCD 00 01", 35964)
        virtual: VirtualCard = VirtualPassport() if credential == "passport" else \
            VirtualSocialSecurityCard()
        link = VpcdLink(virtual, port)
        try:
            await asyncio.to_thread(link.insert, 3.0)
        except OSError:
            raise ScenarioError(f"{credential} scenarios need pcscd with vsmartcard-vpcd "
                                "running (scripts/setup.sh installs them)") from None
        try:
            if not await asyncio.to_thread(wait_for_card, reader, 5.0):
                raise ScenarioError(f"pcscd did not see the virtual {credential}")
            key = SAMPLE_PASSPORT.access_key if credential == "passport" else None
            try:
                result = await read_card(reader, key)
            except DeviceError as exc:
                raise ScenarioError(f"the virtual {credential} was not read: {exc}") from None
        finally:
            link.remove()
            await asyncio.to_thread(wait_for_card, reader, 5.0, present=False)
        return result.identity, (1 if credential == "passport" else 0)

    @staticmethod
    def _scene(face: str, photo_index: int) -> Scene:
        owner = {1: Scene.GENUINE, 2: Scene.IMPOSTOR}
        other = {1: Scene.IMPOSTOR, 2: Scene.GENUINE}
        if face == "no_face":
            return Scene.NO_FACE
        if face == "impostor":
            return other.get(photo_index, Scene.IMPOSTOR)
        return owner.get(photo_index, Scene.GENUINE)

    def _artifacts(self, scenario: Scenario, result: FlowResult, before: int) -> list[str]:
        out: list[str] = []
        stem = scenario.path.stem
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for i, receipt in enumerate(self.receipt_sim.receipts[before:]):
            path = self.out_dir / f"{stem}-receipt-{i + 1}.png"
            render_receipt(receipt).save(path)
            out.append(str(path))
        for cert in result.certificates:
            path = self.out_dir / f"{stem}-certificate.pdf"
            path.write_bytes(cert.pdf)
            out.append(str(path))
        return out


def check_expectations(expect: dict[str, Any], out: dict[str, Any]) -> list[str]:
    failed = []
    if "outcome" in expect and out["outcome"] != expect["outcome"]:
        failed.append(f"outcome: expected {expect['outcome']}, got {out['outcome']} "
                      f"({out['reason']})")
    if "printed" in expect and sorted(out["printed"]) != sorted(expect["printed"]):
        failed.append(f"printed: expected {sorted(expect['printed'])}, got "
                      f"{sorted(out['printed'])} {out['print_problems']}")
    for k, v in (expect.get("form") or {}).items():
        if out["form"].get(k) != str(v):
            failed.append(f"form.{k}: expected {v!r}, got {out['form'].get(k)!r}")
    if "reason_contains" in expect and expect["reason_contains"] not in out["reason"]:
        failed.append(f"reason: expected to contain {expect['reason_contains']!r}, got "
                      f"{out['reason']!r}")
    if "cases" in expect and len(out["case_numbers"]) != int(expect["cases"]):
        failed.append(f"cases: expected {expect['cases']}, got {len(out['case_numbers'])}")
    if not out["session_wiped"]:
        failed.append("session: personal data left after the scenario")
    return failed


async def run_scenarios(paths: list[Path], out_dir: Path) -> list[dict[str, Any]]:
    scenarios = [Scenario.load(p) for p in paths]
    rig = ScenarioRig(out_dir)
    await rig.start()
    try:
        return [await rig.run(s) for s in scenarios]
    finally:
        await rig.stop()

