"""Headless scenarios (`kiosk scenario run FILE...`): a scripted citizen goes through a service
on the real visit path — the kiosk's composition root (`KioskCore`) with its simulators, and
`VisitRunner`, exactly as the touch UI runs it. Only the citizen is scripted: cards are laid on
the simulated reader through its control channel, the camera shows the scripted scene, and the
answers come from the file.

Scenario format (YAML; docs/scenarios.md has the full description):
    service: criminal-record-certificate      # id, or the exact zh-Hans title
    citizen:
      credential: idcard                      # idcard | passport | social_security | qr
      card: zhang-wei                         # a sample card id, or inline card fields
      face: genuine                           # genuine | impostor | no_face | decline
      pull_card_at: form                      # the citizen walks off with the card
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
import contextlib
import hashlib
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from kiosk.app import KioskCore
from kiosk.config import KioskSettings, load_config, packaged_config
from kiosk.devices.camera.sim import Scene, SimulatedCamera
from kiosk.devices.printers.escpos_status import Paper
from kiosk.devices.printers.escpos_stream import Receipt
from kiosk.devices.printers.sim import render_receipt
from kiosk.devices.smartcard.icao.mrz import BacKey
from kiosk.devices.smartcard.sim.passport_card import EXPIRED_PASSPORT, SAMPLE_PASSPORT
from kiosk.documents.issuer import IssuedCertificate, keys_for
from kiosk.documents.keys import export_trusted
from kiosk.domain.clock import KioskClock
from kiosk.domain.id_number import make_id_number
from kiosk.domain.offers import Offer
from kiosk.face.guidance import Guidance
from kiosk.face.liveness import Turn
from kiosk.flows.catalog import load_catalog
from kiosk.flows.check_in import CheckInOutcome
from kiosk.flows.interaction import (
    ELDER_PATIENCE,
    FilledField,
    PaymentAccepted,
    PaymentConfirmed,
    PaymentOffer,
    PaymentShown,
    RateLater,
    RatingAnswer,
    SignedCommitment,
)
from kiosk.flows.outcome import EndReason, FlowResult, Outcome, Step, ticket_reason
from kiosk.flows.passport_entry import MrzEntry
from kiosk.flows.schema import FormField
from kiosk.flows.visit import VisitRunner
from kiosk.flows.yaml_source import YamlRefused, describe_invalid, load_yaml
from kiosk.scenarios.printed_lines import receipt_shows
from kiosk.scenarios.schema import BackendFaults, InlineCard, ScenarioSpec, scenario_today
from kiosk.sim.citizens import DECK, card, eid_code, inline_card
from kiosk.sim.hub import SimulatorProcess
from kiosk.sim.phone import ScriptedPhone

T = TypeVar("T")

QUEUE = "kiosk-scenario-pdf"
# someone else, for a booking made for another person (预约签到)
OTHER_PERSON = make_id_number("110105", date(1970, 1, 1), 99)


class ScenarioError(ValueError):
    pass


@dataclass
class Prepared:
    """What `ScenarioRig.prepare` set up for one scenario."""

    present: Callable[[], Awaitable[None]]  # the citizen presents the credential
    face: Scene                             # what the camera shows once the face is asked for
    receipts_before: int                    # receipts printed before this scenario


def not_identified(service: str, problem: str) -> FlowResult:
    """The end of a visit whose citizen was refused at identification and walked away."""
    return FlowResult(service, Outcome.REJECTED, f"identify: {problem}",
                      EndReason.NOT_IDENTIFIED, Step.IDENTIFY)


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
            spec = ScenarioSpec.model_validate(
                doc.data, context={"today": scenario_today(doc.data.get("at"))})
        except ValidationError as exc:
            raise ScenarioError(describe_invalid(doc, exc)) from None
        sample = spec.citizen.card
        if isinstance(sample, str) and sample not in {c.card_id for c in DECK}:
            raise ScenarioError(f"{path}:{doc.line_of(('citizen', 'card'))}: citizen.card: no "
                                f"sample card {sample!r} (known: "
                                f"{', '.join(c.card_id for c in DECK)})")
        return cls(path, spec.model_dump(exclude_unset=True), spec)


class ScriptedCitizen:
    """The scripted person at the kiosk: the `VisitInteraction` the scenario's answers drive."""

    def __init__(self, scenario: Scenario, camera: SimulatedCamera, face_scene: Scene,
                 pull_card: Callable[[], Awaitable[None]],
                 phone: ScriptedPhone | None = None) -> None:
        self.s = scenario.data
        self.spec = scenario.spec
        self.camera = camera
        self.face_scene = face_scene
        self._pull_card = pull_card
        self.phone = phone
        self.steps: list[str] = []
        self.problem: str | None = None
        self.gave_up = asyncio.Event()
        self.payment_problems: list[str] = []
        self._payment_problem = asyncio.Event()
        self.paid: PaymentConfirmed | None = None
        self.offer_tries = 0
        self.typed_code = ""
        self.rating_code = False

    def step(self, name: str) -> None:
        self.steps.append(name)
        if name != "identify" and self.camera.scene is not self.face_scene:
            self.camera.set_scene(self.face_scene)  # the QR is put away; the face comes

    def progress(self, message: str) -> None:
        pass

    def deadline(self, seconds: float) -> None:
        pass

    def identify_problem(self, text: str, next_step: str) -> None:
        # the kiosk said why the credential cannot be used: a scripted citizen gives up
        self.problem = text
        self.gave_up.set()

    async def passport_mrz(self, problem: str) -> MrzEntry | None:
        """The MRZ data of the passport on the reader, as the citizen would type them (the
        same again if the kiosk found a problem: a scripted citizen does not guess)."""
        return MrzEntry.of(passport_access_key(self.s["citizen"]))

    def finished(self, outcome: str, case_numbers: list[str], printed: list[str],
                 problems: list[str], *, uploading: bool = False,
                 rating_code: bool = False) -> None:
        self.rating_code = rating_code

    async def still_there(self, grace_s: float) -> bool:
        # a scripted citizen answers at once, but one who has not been identified by the end of
        # the wait has walked away (the engine's tests cover walking away mid-visit)
        return not self.steps or self.steps[-1] != "identify"

    async def ask_face_consent(self) -> bool:
        return bool(self.s["citizen"].get("face", "genuine") != "decline")

    def guide(self, guidance: Guidance) -> None:
        pass

    def challenge(self, turn: Turn) -> None:
        self.camera.hear(turn.value)

    async def _maybe_pull(self, where: str) -> None:
        if self.s["citizen"].get("pull_card_at") == where:
            await self._pull_card()
            await asyncio.Event().wait()  # the kiosk notices and ends the visit

    async def ask_field(self, f: FormField, error: str | None) -> str | None:
        await self._maybe_pull("form")
        # a scripted citizen gives the same answer again after an error, as people do
        value = (self.s.get("answers") or {}).get(f.id, f.example)
        return None if value is None else str(value)

    async def confirm_form(self, form: list[FilledField]) -> bool:
        await self._maybe_pull("confirm")
        return True

    async def sign_commitment(self, text: str) -> SignedCommitment | None:
        if not self.s.get("sign_commitment", False):
            return None
        return SignedCommitment(hashlib.sha256(text.encode()).hexdigest(),
                                [[(10, 10), (60, 40), (120, 20)]])

    async def report_not_done(self, reason: str) -> str | None:
        text = self.s.get("report_not_done")
        return str(text) if text else None

    # --- 缴费: the scripted citizen and their phone (`pay:` in the file) ----------------------
    async def offer_payment(self, offer: PaymentOffer) -> PaymentAccepted | None:
        pay = self.spec.pay
        if not pay.accepts:
            return None
        relations = {"本人": "self", "配偶": "spouse", "子女": "child", "父母": "parent",
                     "家庭成员": "other", "self": "self", "spouse": "spouse", "child": "child",
                     "parent": "parent", "family": "other"}
        chosen = []
        for line in offer.lines:
            relation = relations.get(line.label.rsplit("（", 1)[-1].rstrip("）"), "")
            if line.due and (pay.members is None or relation in pay.members):
                chosen.append(line.ref)
        return PaymentAccepted(chosen)

    async def wait_at_payment(self, shown: PaymentShown) -> None:
        """The phone does what the file says; the citizen gives up only if it says so (after
        the kiosk said why the payment did not go through, when it tried)."""
        pay = self.spec.pay
        if self.phone is None:
            raise ScenarioError("the scenario's kiosk has no simulated payment platform")
        if pay.phone != "never":
            if pay.by == "qr":
                await self.phone.pay(shown.qr_text,
                                     "declines" if pay.phone == "declines" else "pays")
            else:
                code = await self.phone.payment_code(
                    pay.wallet, "needs_pin" if pay.phone == "needs_pin" else
                    "declines" if pay.phone == "declines" else "pays")
                self.camera.set_scene(Scene.QR, qr_text=code)
            if pay.gives_up and pay.phone == "declines" and pay.by == "code":
                await self._payment_problem.wait()  # the kiosk said it did not go through
        if pay.gives_up:
            return
        await asyncio.Event().wait()

    def payment_problem(self, text: str) -> None:
        self.payment_problems.append(text)
        self._payment_problem.set()

    async def payment_confirmed(self, paid: PaymentConfirmed) -> None:
        self.paid = paid
        self.camera.set_scene(self.face_scene)  # the phone is put away

    def booking_code(self) -> str:
        """预约签到: the booking code, typed before the credential when the file says so."""
        return self.typed_code

    async def ask_offers_consent(self) -> bool:
        return bool((self.s.get("offers") or {}).get("consent", False))

    async def choose_offer(self, offers: list[Offer], applied: dict[str, str],
                           note: str) -> str | None:
        """The first offer the file applies for that is shown, can be applied for here and is
        not applied for yet; then done."""
        wanted = (self.s.get("offers") or {}).get("apply", [])
        self.offer_tries += 1
        if self.offer_tries > len(wanted) + 1:  # a refused application is not tried for ever
            return None
        return next((o.id for o in offers if o.id in wanted and o.apply_here
                     and o.id not in applied), None)

    async def rate(self, item_code: str, case_number: str) -> RatingAnswer | RateLater | None:
        if self.s.get("rate_later") and self.rating_code:  # 扫码评: the receipt's code
            return RateLater()
        r = self.s.get("rating")
        if not r:
            return None
        return RatingAnswer(int(r["level"]), list(r.get("reasons", [])), str(r.get("comment", "")))


# The sample world has two faces: photo 1 (the deck's 张伟, and everyone without a card photo)
# and photo 2 (刘䶮). The simulated camera shows the one or the other.
_OWNER = {1: Scene.GENUINE, 2: Scene.IMPOSTOR}
_OTHER = {1: Scene.IMPOSTOR, 2: Scene.GENUINE}
PHOTOS = {"person-1": 1, "person-2": 2}


def passport_access_key(citizen: dict[str, Any]) -> BacKey:
    """The access data of the scenario's passport (`citizen.passport`)."""
    which = citizen.get("passport", "sample")
    return (EXPIRED_PASSPORT if which == "expired" else SAMPLE_PASSPORT).access_key


def face_scene(face: str, photo: int) -> Scene:
    if face == "no_face":
        return Scene.NO_FACE
    if face == "impostor":
        return _OTHER.get(photo, Scene.IMPOSTOR)
    return _OWNER.get(photo, Scene.GENUINE)


def scenario_config(data_dir: Path, config_file: Path | None = None) -> KioskSettings:
    """The kiosk a batch runs on: the given (or the packaged simulated) configuration, with a
    private data folder, a free port for the simulated backend and a print queue of its own."""
    config = load_config(config_file or packaged_config("simulated"), data_dir=data_dir,
                         backend_url="https://127.0.0.1:0", metrics_port=None, simulate=True)
    devices = config.devices
    if devices.document_printer is not None and devices.document_printer.adapter == "simulated":
        devices = devices.model_copy(update={"document_printer": devices.document_printer
                                             .model_copy(update={"queue": QUEUE})})
    return config.model_copy(update={"devices": devices})


class ScenarioWall:
    """The wall time the rig's kiosk clock reads: the real time, or — for a scenario with
    `at:` — that moment, running on from when it was set."""

    def __init__(self) -> None:
        self._from: tuple[float, float] | None = None  # (moment, monotonic when set)

    def set(self, moment: datetime | None) -> None:
        self._from = None if moment is None else (moment.timestamp(), time.monotonic())

    def __call__(self) -> float:
        if self._from is None:
            return time.time()
        moment, began = self._from
        return moment + (time.monotonic() - began)


class ScenarioRig:
    """The kiosk a batch of scenarios runs on: one `KioskCore` (simulators, devices, backend,
    outbox, uploader) and its `VisitRunner`, started once for the batch."""

    def __init__(self, out_dir: Path, config_file: Path | None = None) -> None:
        self.out_dir = out_dir
        self.data_dir = Path(tempfile.mkdtemp(prefix="kiosk-scenario-"))
        self.config = scenario_config(self.data_dir, config_file)
        self.wall = ScenarioWall()
        self.core = KioskCore(self.config, KioskClock(self.config.time_zone, self.wall))
        self._runner: VisitRunner | None = None

    @property
    def runner(self) -> VisitRunner:
        assert self._runner is not None, "start() first"
        return self._runner

    async def start(self) -> None:
        try:
            await self.core.start(monitor=True, wait_first_poll=True)
            self._runner = self.core.visit_runner()
            self.camera = self._device(SimulatedCamera, "camera")
            assert self.core.hub is not None
            self.hub = self.core.hub
            self.gateway = self.core.gateway
            assert self.gateway is not None
            self.trusted_dir = export_trusted(keys_for(
                self.data_dir, self.config.kiosk_id,
                self.core.credentials.secret("documents.key")),
                                              self.out_dir / "trusted")
        except BaseException:
            await self.stop()
            raise

    def _device(self, kind: type[T], name: str) -> T:
        for d in self.core.devices:
            if isinstance(d, kind):
                return d
        raise ScenarioError(f"the scenario configuration has no simulated {name}")

    async def stop(self) -> None:
        """Stop the kiosk, and delete the data folder: it holds the run's signing, outbox and
        reprint keys next to the data they protect."""
        try:
            await self.core.stop()
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    async def _backend(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        assert self.gateway is not None
        _status, answer = await self.gateway.request("POST", path, json=body)
        return answer if isinstance(answer, dict) else {}

    async def prepare(self, scenario: Scenario) -> Prepared:
        """The world the scenario asks for, before the citizen arrives: the backend's faults
        and licences, the printers, and how the citizen will present the credential."""
        s = scenario.data
        citizen = s["citizen"]
        self.wall.set(scenario.spec.at)
        await self._backend("/sim/faults", {
            **BackendFaults().model_dump(), **(s.get("faults") or {}).get("backend", {})})
        if s.get("licenses"):
            await self._backend("/sim/licenses", {"licenses": s["licenses"]})
        present, photo = await self._credential(citizen, s, scenario.spec.records.model_dump(
            mode="json", exclude_unset=True) if scenario.spec.records else {},
            scenario.spec.citizen.card)
        faults = s.get("faults") or {}
        assert self.hub.receipt is not None
        self.hub.receipt.set_paper(Paper.OUT if faults.get("receipt_printer") == "paper_out"
                                   else Paper.OK)
        if faults.get("document_printer") == "stopped":
            subprocess.run(["cupsdisable", self.hub.document_printer_queue()], capture_output=True,
                           check=False)
        scene = face_scene(str(citizen.get("face", "genuine")), photo)
        self.camera.set_scene(scene if citizen.get("credential", "idcard") != "qr"
                              else Scene.NO_FACE)
        return Prepared(present, scene, self.hub.receipt.printed)

    async def tidy(self, scenario: Scenario) -> None:
        """After the visit: the citizen takes the credential back, the printers are as before."""
        s = scenario.data
        self.wall.set(None)
        await self._take_back(s["citizen"])
        self.camera.set_scene(Scene.NO_FACE)
        if (s.get("faults") or {}).get("document_printer") == "stopped":
            subprocess.run(["cupsenable", self.hub.document_printer_queue()],
                           capture_output=True, check=False)

    async def run(self, scenario: Scenario) -> dict[str, Any]:
        """One scenario, headless: the scripted citizen answers the visit directly."""
        if scenario.spec.check_in is not None:
            return await self.run_check_in(scenario)
        started = time.perf_counter()
        s = scenario.data
        citizen = s["citizen"]
        prepared = await self.prepare(scenario)
        assert self.gateway is not None
        who = ScriptedCitizen(scenario, self.camera, prepared.face, self.lift_card,
                              ScriptedPhone(self.gateway))
        visit_started = time.perf_counter()
        visit = asyncio.ensure_future(self.runner.run(
            str(s["service"]), who, patience=ELDER_PATIENCE if s.get("elder") else 1.0))
        try:
            await prepared.present()
            gave_up = asyncio.ensure_future(who.gave_up.wait())
            await asyncio.wait({visit, gave_up}, return_when=asyncio.FIRST_COMPLETED)
            gave_up.cancel()
            if not visit.done():  # refused at identification: the citizen walks away
                visit.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await visit
                result = not_identified(str(s["service"]), who.problem or "")
            else:
                result = visit.result()
        finally:
            if not visit.done():
                visit.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await visit
            await self.tidy(scenario)
        visit_s = time.perf_counter() - visit_started
        ticket = None
        if citizen.get("takes_ticket") and ticket_reason(result) is not None:
            taken = await self.runner.take_ticket(result, "zh-Hans", uuid.uuid4().hex)
            ticket = {"number": taken.number, "printed": taken.printed, "words": taken.words}
        return await self.conclude(scenario, result, prepared, ticket=ticket,
                                   visit_s=visit_s, started=started)

    async def run_check_in(self, scenario: Scenario) -> dict[str, Any]:
        """预约签到: the booking laid in the hall, then the citizen checks in from the home
        screen — typing its code first if the file says so — and takes the ticket."""
        started = time.perf_counter()
        spec = scenario.spec
        assert spec.check_in is not None
        prepared = await self.prepare(scenario)
        code = await self._book(scenario)
        who = ScriptedCitizen(scenario, self.camera, prepared.face, self.lift_card)
        who.typed_code = code if spec.check_in.types_code else ""
        visit = asyncio.ensure_future(self.runner.check_in(
            who, patience=ELDER_PATIENCE if spec.elder else 1.0))
        try:
            await prepared.present()
            gave_up = asyncio.ensure_future(who.gave_up.wait())
            await asyncio.wait({visit, gave_up}, return_when=asyncio.FIRST_COMPLETED)
            gave_up.cancel()
            outcome = visit.result() if visit.done() else \
                CheckInOutcome(False, f"identify: {who.problem or ''}", "not_identified")
        finally:
            if not visit.done():
                visit.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await visit
            await self.tidy(scenario)
        out: dict[str, Any] = {
            "scenario": str(scenario.path), "service": str(spec.service),
            "outcome": "checked_in" if outcome.checked_in else "refused",
            "reason": outcome.words, "case_numbers": [], "linked_cases": 0, "form": {},
            "printed": ["ticket"] if outcome.printed else [], "print_problems": [],
            "artifacts": self._artifacts(scenario, [], prepared.receipts_before),
            "timings": {}, "waited": {}, "visit_seconds": round(time.perf_counter() - started, 3),
            "seconds": round(time.perf_counter() - started, 3),
            "session_wiped": self.runner.last_session_empty is not False,
            "ticket": {"number": outcome.number, "printed": outcome.printed,
                       "words": outcome.words} if outcome.number else None,
            "offers": {"consent": None, "shown": [], "applied": []}, "payment": None,
            "check_in": {"checked_in": outcome.checked_in, "why": outcome.why,
                         "priority": outcome.priority, "booked": outcome.booked},
        }
        receipts = self.hub.receipt.since(prepared.receipts_before) \
            if self.hub.receipt is not None else []
        out["failed"] = check_expectations(scenario.data.get("expect") or {}, out,
                                           receipts=receipts)
        return out

    async def _book(self, scenario: Scenario) -> str:
        """The scenario's booking in the simulated hall (for its citizen, or someone else);
        its code."""
        spec = scenario.spec
        assert spec.check_in is not None
        b = spec.check_in.booking
        holder = self._holder(scenario) if b.holder == "self" else OTHER_PERSON
        hour, minute = map(int, b.time.split(":"))
        starts = datetime.combine(b.day, dtime(hour, minute), self.core.clock.zone)
        catalog = self.runner.ports.catalog
        service = catalog.find(str(spec.service))
        answer = await self._backend("/sim/bookings", {"bookings": [{
            "holder": holder, "item_code": catalog.items_of(service.id)[0].item_code,
            "service_title": service.titles["zh-Hans"], "starts": starts.isoformat(),
            "minutes": b.minutes, "status": b.status}]})
        return str(answer["codes"][0])

    @staticmethod
    def _holder(scenario: Scenario) -> str:
        """The number the hall knows the scenario's citizen by."""
        citizen = scenario.spec.citizen
        if citizen.credential == "passport":
            return "E12345678"
        written = citizen.card
        if isinstance(written, InlineCard):
            return inline_card(written.model_dump(mode="json", exclude={"photo"}), 0) \
                .record.id_number
        return card(written).record.id_number

    async def conclude(self, scenario: Scenario, result: FlowResult, prepared: Prepared, *,
                       ticket: dict[str, Any] | None, visit_s: float,
                       started: float) -> dict[str, Any]:
        """What the run reports for one scenario, its artefacts written and its
        expectations checked."""
        artifacts = self._artifacts(scenario, result.certificates, prepared.receipts_before)
        linked = await self._linked_cases(result)
        out = {
            "scenario": str(scenario.path), "service": result.service,
            "outcome": result.outcome, "reason": result.reason,
            "case_numbers": result.case_numbers, "linked_cases": linked, "form": result.form,
            "printed": result.printed, "print_problems": result.print_problems,
            "artifacts": artifacts,
            "timings": {k: round(v, 3) for k, v in result.timings.items()},
            "waited": {k: round(v, 3) for k, v in result.waited.items()},
            "visit_seconds": round(visit_s, 3),
            "seconds": round(time.perf_counter() - started, 3),
            "session_wiped": self.runner.last_session_empty is not False,
            "ticket": ticket,
            "payment": await self._payment(result),
            "offers": {"consent": result.offers_consent, "shown": result.offers_shown,
                       "applied": result.offers_applied},
            "rating": {"code_printed": result.rating_code, "later": result.rated_later},
        }
        receipts = self.hub.receipt.since(prepared.receipts_before) \
            if self.hub.receipt is not None else []
        out["failed"] = check_expectations(scenario.data.get("expect") or {}, out,
                                           certificate_text(result.certificates), receipts)
        return out

    async def _payment(self, result: FlowResult) -> dict[str, Any] | None:
        """The visit's order as the kiosk keeps it and as the platform sees it (what the
        citizen was charged: paid less refunded)."""
        if result.payment is None:
            return None
        assert self.core.orders is not None
        order = self.core.orders.get(result.payment.order_no)
        platform = await self._backend_get("/sim/payments")
        seen = next((o for o in platform.get("orders", [])
                     if o["order_no"] == order.order_no), None)
        charged = 0 if seen is None or seen["status"] not in ("paid", "refunded") else \
            int(seen["amount_fen"]) - int(seen["refunded_fen"])
        return {"order_no": order.order_no, "state": order.state,
                "amount_fen": order.amount_fen, "charged_fen": charged,
                "platform_status": seen["status"] if seen else None,
                "method": result.payment.method, "e_receipt": bool(order.e_receipt),
                "refund_no": order.refund_no, "confirm_ms": result.payment.confirm_ms}

    async def _backend_get(self, path: str) -> dict[str, Any]:
        assert self.gateway is not None
        _status, answer = await self.gateway.request("GET", path)
        return answer if isinstance(answer, dict) else {}

    async def _linked_cases(self, result: FlowResult) -> int:
        """How many of the visit's cases the backend links to another of them (联办)."""
        if result.uploading or len(result.case_numbers) < 2:
            return 0
        assert self.gateway is not None
        linked = 0
        for number in result.case_numbers:
            status = await self.gateway.case_status(number)
            if status.depends_on in result.case_numbers:
                linked += 1
        return linked

    async def _credential(self, citizen: dict[str, Any], s: dict[str, Any],
                          scenario_records: dict[str, Any], written: InlineCard | str
                          ) -> tuple[Callable[[], Awaitable[None]], int]:
        """How the citizen presents their credential, and the registry photo of their face."""
        credential = citizen.get("credential", "idcard")
        if credential in ("passport", "social_security"):
            # the virtual card to insert (kiosk sim smartcard --insert)
            kind = ("passport-expired" if citizen.get("passport") == "expired" else "passport") \
                if credential == "passport" else "ssc"

            async def insert() -> None:
                await self._control(self.hub.smartcard, credential, insert=kind)
            return insert, 1
        if isinstance(written, InlineCard):
            photo = PHOTOS[written.photo] if written.photo else 0
            # every field, the schema's defaults filled in: the card as the simulator lays it
            fields = written.model_dump(mode="json", exclude={"photo"})
            sample = inline_card(fields, photo)
            registries = dict(scenario_records)
            household = registries.pop("household", None) or {}
            disability = registries.pop("disability_grade", None)
            added = await self._backend("/sim/people", {"people": [{
                "id_number": sample.record.id_number, "name": sample.record.name,
                "sex": sample.record.sex.value, "birth": sample.record.birth.isoformat(),
                "valid_to": sample.record.valid_to.isoformat() if sample.record.valid_to
                else None, "photo": photo, "records": registries,
                "children": household.get("children", []), "disability_grade": disability}]})
            eid = str(added["eid_codes"][sample.record.id_number])
            place: dict[str, Any] = {"place_card": fields, "photo": photo}
        else:
            sample = card(written)
            photo = sample.photo_index or 1
            eid = eid_code(sample.card_id)
            place = {"place": sample.card_id}
            if s.get("records"):
                raise ScenarioError("records: are seeded for an inline citizen (card: {...})")
        if credential == "qr":
            code = str(citizen.get("qr") or eid)

            async def show() -> None:
                self.camera.set_scene(Scene.QR, qr_text=code)
            return show, photo

        async def lay() -> None:
            await self._control(self.hub.idcard, "ID card", **place)
        return lay, photo

    async def _control(self, sim: SimulatorProcess | None, what: str, **command: Any) -> None:
        if sim is None:
            raise ScenarioError(f"the scenario configuration has no simulated {what} reader")
        try:
            reply = await sim.control(**command)
        except TimeoutError:
            reply = {"ok": False, "error": "no answer"}
        if not reply.get("ok"):
            raise ScenarioError(f"the simulated {what} reader refused: {reply.get('error')}"
                                + (" (pcscd with vsmartcard-vpcd must be running; "
                                   "scripts/setup.sh installs them)"
                                   if "insert" in command else ""))

    async def lift_card(self) -> None:
        if self.hub.idcard is not None:
            await self.hub.idcard.control(remove=True)

    async def _take_back(self, citizen: dict[str, Any]) -> None:
        """The citizen takes their card back at the end (an e-ID leaves with its phone)."""
        credential = citizen.get("credential", "idcard")
        if credential in ("passport", "social_security") and self.hub.smartcard is not None:
            await self.hub.smartcard.control(remove=True)
        elif credential == "idcard":
            await self.lift_card()

    def _artifacts(self, scenario: Scenario, certificates: list[IssuedCertificate],
                   before: int) -> list[str]:
        out: list[str] = []
        stem = scenario.path.stem
        self.out_dir.mkdir(parents=True, exist_ok=True)
        assert self.hub.receipt is not None
        for i, receipt in enumerate(self.hub.receipt.since(before)):
            path = self.out_dir / f"{stem}-receipt-{i + 1}.png"
            render_receipt(receipt).save(path)
            out.append(str(path))
        for cert in certificates:
            path = self.out_dir / f"{stem}-certificate.pdf"
            path.write_bytes(cert.pdf)
            out.append(str(path))
        return out


def certificate_text(certificates: list[IssuedCertificate]) -> str:
    """The text printed on the certificates (poppler's pdftotext, in drawing order: the
    watermark running across the page does not break lines up), for `certificate_contains`;
    never part of the run's output, which carries no personal data."""
    texts = []
    for cert in certificates:
        try:
            done = subprocess.run(["pdftotext", "-raw", "-", "-"], input=cert.pdf,
                                  capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        texts.append(done.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


def check_expectations(expect: dict[str, Any], out: dict[str, Any],
                       printed_text: str = "", receipts: list[Receipt] | None = None
                       ) -> list[str]:
    failed = []
    for text in expect.get("receipt_contains") or []:
        if not any(receipt_shows(r, text) for r in receipts or []):
            failed.append(f"receipt: {text!r} is not printed on it")
    if "rated_later" in expect and (out.get("rating") or {}).get("later") != \
            expect["rated_later"]:
        failed.append(f"rated_later: expected {expect['rated_later']}, got "
                      f"{(out.get('rating') or {}).get('later')}")
    done = out.get("check_in") or {}
    for what, value in (expect.get("check_in") or {}).items():
        got = {"checked_in": done.get("checked_in"), "priority": done.get("priority"),
               "arrival": done.get("why") if done.get("checked_in") else None,
               "refused": None if done.get("checked_in") else done.get("why")}[what]
        if got != value:
            failed.append(f"check_in.{what}: expected {value!r}, got {got!r} "
                          f"({out.get('reason', '')})")
    for what in ("shown", "applied"):
        wanted = (expect.get("offers") or {}).get(what)
        if wanted is not None and out["offers"][what] != wanted:
            failed.append(f"offers.{what}: expected {wanted}, got {out['offers'][what]}")
    for text in expect.get("certificate_contains") or []:
        if text not in printed_text:
            failed.append(f"certificate: {text!r} is not printed on it"
                          + ("" if printed_text else " (no certificate text: is poppler-utils' "
                             "pdftotext installed?)"))
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
    if "linked_cases" in expect and out.get("linked_cases") != expect["linked_cases"]:
        failed.append(f"linked_cases: expected {expect['linked_cases']}, got "
                      f"{out.get('linked_cases')}")
    if "cases" in expect and len(out["case_numbers"]) != int(expect["cases"]):
        failed.append(f"cases: expected {expect['cases']}, got {len(out['case_numbers'])}")
    if "ticket" in expect:
        ticket = out.get("ticket")
        if ticket is None:
            failed.append("ticket: none was offered (or the citizen did not take one)")
        elif expect["ticket"] == "printed" and not (ticket["number"] and ticket["printed"]):
            failed.append(f"ticket: expected a printed number, got {ticket['words']!r}")
        elif expect["ticket"] == "none" and ticket["number"]:
            failed.append(f"ticket: expected none, got {ticket['number']}")
    for key, want in (expect.get("payment") or {}).items():
        got = (out.get("payment") or {}).get(key)
        if got != want:
            failed.append(f"payment.{key}: expected {want!r}, got {got!r}"
                          + ("" if out.get("payment") else " (no order was made)"))
    if not out["session_wiped"]:
        failed.append("session: personal data left after the scenario")
    return failed


def load_scenarios(paths: list[Path]) -> list[Scenario]:
    """Read and check every file before any kiosk starts: a wrong name is the file's fault."""
    scenarios = [Scenario.load(p) for p in paths]
    catalog = load_catalog()
    for scenario in scenarios:
        try:
            catalog.find(str(scenario.data["service"]))
        except KeyError:
            raise ScenarioError(f"{scenario.path}: service: no service item or bundle named "
                                f"{scenario.data['service']!r}") from None
    return scenarios


async def run_headless(scenarios: list[Scenario], out_dir: Path,
                       config_file: Path | None = None) -> list[dict[str, Any]]:
    rig = ScenarioRig(out_dir, config_file)
    await rig.start()
    try:
        return [await rig.run(s) for s in scenarios]
    finally:
        await rig.stop()


def run_scenarios(paths: list[Path], out_dir: Path,
                  config_file: Path | None = None) -> list[dict[str, Any]]:
    """Every scenario file, in order: the headless ones on one kiosk, then those driven on the
    screens (`drive: keys`) on another, with its window offscreen."""
    scenarios = load_scenarios(paths)
    done: dict[int, dict[str, Any]] = {}
    headless = [s for s in scenarios if s.spec.drive == "headless"]
    on_keys = [s for s in scenarios if s.spec.drive == "keys"]
    if headless:
        for s, r in zip(headless, asyncio.run(run_headless(headless, out_dir, config_file)),
                        strict=True):
            done[id(s)] = r
    if on_keys:
        from kiosk.scenarios.on_screens import run_on_screens

        for s, r in zip(on_keys, run_on_screens(on_keys, ScenarioRig(out_dir, config_file)),
                        strict=True):
            done[id(s)] = r
    return [done[id(s)] for s in scenarios]
