"""The flow engine's exits: a citizen who stops answering, a card pulled mid-flow, and the
办不成事 report after a refusal. The session must be empty after each."""

from __future__ import annotations

import asyncio
import hashlib
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.identity import identity_from_idcard
from kiosk.flows.catalog import load_catalog
from kiosk.flows.engine import FlowEngine
from kiosk.flows.interaction import RatingAnswer, SignedCommitment
from kiosk.flows.outcome import EndReason, Outcome, Step
from kiosk.flows.ports import FlowPorts
from kiosk.flows.schema import TimeBudget
from kiosk.services.outbox import Outbox, Uploader
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card


class Citizen:
    def __init__(self, *, stall: float = 0.0, report: str | None = None,
                 still_there: list[bool | None] | None = None) -> None:
        self.stall = stall
        self.report = report
        self.asked = asyncio.Event()
        self.still_there_answers = list(still_there or [False])
        self.still_there_asked = 0
        self.deadlines: list[float] = []

    def step(self, name): pass
    def progress(self, message): pass
    def deadline(self, seconds): self.deadlines.append(seconds)
    def finished(self, *args, **kwargs): pass

    async def still_there(self, grace_s):
        self.still_there_asked += 1
        answer = self.still_there_answers.pop(0) if self.still_there_answers else False
        if answer is None:  # walked away: the dialog is never touched
            await asyncio.sleep(3600)
        if answer:
            self.stall = 0  # came back and answers now
        return answer
    async def ask_face_consent(self): return True
    def guide(self, g): pass
    def challenge(self, t): pass

    async def ask_field(self, f, error):
        self.asked.set()
        await asyncio.sleep(self.stall)
        return f.example

    async def confirm_form(self, form): return True
    async def sign_commitment(self, text): return None
    async def rate(self, item, case): return RatingAnswer(5, [])

    async def report_not_done(self, reason):
        return self.report


@pytest.fixture
def rig(tmp_path: Path):
    backend = BackendServer()
    backend.start()
    catalog = load_catalog()
    svc = catalog.services["criminal-record-certificate"]
    catalog.services[svc.id] = svc.model_copy(update={"face_check": "none",
                                                      "time_budget_s": TimeBudget(form=1)})
    outbox = Outbox.open(tmp_path)
    gateway = backend.gateway("T")
    ports = FlowPorts(catalog=catalog, gateway=gateway, outbox=outbox,
                      uploader=Uploader(outbox, gateway, backoff_initial_s=0),
                      reprints=ReprintStore(tmp_path / "r", key=os.urandom(32)), kiosk_id="T")
    yield ports, tmp_path
    outbox.close()
    backend.stop()


def session_for(card_id: str) -> Session:
    s = Session()
    s.identity = identity_from_idcard(card(card_id).record, None)
    return s


async def test_a_citizen_who_stops_answering_times_out(rig) -> None:
    ports, _tmp = rig
    session = session_for("zhang-wei")
    result = await FlowEngine(ports).run("criminal-record-certificate", session,
                                         Citizen(stall=5))
    assert result.outcome is Outcome.ABANDONED
    assert (result.end, result.at) == (EndReason.TIMED_OUT, Step.FILL_FORM)
    assert result.reason == "timed out at form"
    assert session.empty


async def test_still_there_yes_gives_more_time_and_the_visit_goes_on(rig) -> None:
    ports, _tmp = rig
    ports = replace(ports, still_there_grace_s=0.5)
    citizen = Citizen(stall=1.4, still_there=[True])
    result = await FlowEngine(ports).run("criminal-record-certificate", session_for("zhang-wei"),
                                         citizen)
    assert citizen.still_there_asked == 1
    assert citizen.deadlines[0] == 1.0  # the UI was told the countdown of the form step
    assert result.outcome == "approved", result.reason


async def test_no_answer_to_still_there_ends_the_visit_after_the_grace_period(rig) -> None:
    ports, _tmp = rig
    ports = replace(ports, still_there_grace_s=0.3)
    citizen = Citizen(stall=30, still_there=[None])
    session = session_for("zhang-wei")
    t = asyncio.get_running_loop().time()
    result = await FlowEngine(ports).run("criminal-record-certificate", session, citizen)
    assert (result.outcome, result.reason) == ("abandoned", "timed out at form")
    assert 1.2 < asyncio.get_running_loop().time() - t < 5
    assert session.empty


async def test_extensions_are_limited(rig) -> None:
    ports, _tmp = rig
    ports = replace(ports, still_there_grace_s=0.2, max_extensions=2)
    citizen = Citizen(stall=30)

    async def keeps_saying_yes(grace_s):  # but never answers the question itself
        citizen.still_there_asked += 1
        return True
    citizen.still_there = keeps_saying_yes  # type: ignore[method-assign]
    result = await FlowEngine(ports).run("criminal-record-certificate", session_for("zhang-wei"),
                                         citizen)
    assert result.reason == "timed out at form"
    assert citizen.still_there_asked == 2


def test_the_default_grace_period_meets_wcag() -> None:
    from kiosk.flows.ports import FlowPorts as P
    assert P.__dataclass_fields__["still_there_grace_s"].default >= 20


async def test_card_pulled_mid_flow_wipes_the_session(rig) -> None:
    ports, _tmp = rig
    session = session_for("zhang-wei")
    citizen = Citizen(stall=30)
    task = asyncio.create_task(FlowEngine(ports).run("criminal-record-certificate", session,
                                                     citizen))
    await asyncio.wait_for(citizen.asked.wait(), 10)
    assert not session.empty  # the visit knows who this is...
    task.cancel()  # ...until the card is lifted
    with pytest.raises(asyncio.CancelledError):
        await task
    assert session.empty


async def test_a_refusal_offers_the_could_not_get_it_done_report(rig) -> None:
    ports, tmp = rig
    session = session_for("zhao-shen")  # a child: the adult rule refuses
    result = await FlowEngine(ports).run("criminal-record-certificate", session,
                                         Citizen(report="孩子需要证明却办不了"))
    assert result.outcome == "rejected"
    rows = sqlite3.connect(tmp / "outbox.sqlite3").execute(
        "SELECT kind, state FROM outbox").fetchall()
    assert ("feedback", "sent") in rows
    assert session.empty


async def test_elder_patience_gives_longer_for_every_answer(rig) -> None:
    ports, _tmp = rig
    citizen = Citizen(stall=1.6)
    result = await FlowEngine(ports).run("criminal-record-certificate", session_for("zhang-wei"),
                                         citizen, patience=3.0)  # the form's 1 s becomes 3 s
    assert result.outcome == "approved", result.reason
    assert citizen.still_there_asked == 0
    assert citizen.deadlines[0] == 3.0


async def test_a_commitment_signed_on_the_keys_is_recorded_as_such(rig) -> None:
    """Without touch the citizen signs by confirming twice on the keypad: the application says
    so (signed_with: keys, no strokes), and the case goes ahead like a handwritten one."""
    ports, _tmp = rig
    svc = ports.catalog.services["public-place-health-permit"]
    ports.catalog.services[svc.id] = svc.model_copy(update={"face_check": "none"})
    sent: list[dict] = []
    real = ports.gateway.submit_application

    async def spy(application, idempotency_key):
        sent.append(application)
        return await real(application, idempotency_key)
    ports.gateway.submit_application = spy

    class KeysCitizen(Citizen):
        async def sign_commitment(self, text):
            return SignedCommitment(hashlib.sha256(text.encode()).hexdigest(), [], "keys")

    result = await FlowEngine(ports).run("public-place-health-permit",
                                         session_for("zhang-wei"), KeysCitizen())
    assert result.outcome in (Outcome.APPROVED, Outcome.SUBMITTED), result.reason
    commitment = sent[0]["commitment"]
    assert commitment["signed_with"] == "keys"
    assert commitment["signature_strokes"] == []


async def test_a_name_no_font_can_print_refers_the_citizen_and_prints_nothing(rig) -> None:
    """王𰻝 (biáng, CJK Extension G) is in none of the kiosk's fonts: the certificate would
    carry a blank box in the name. Found before anything is drawn: an error event for staff
    (no text in it), nothing printed or kept, the citizen sent to a counter with the case."""
    import io
    import json

    from kiosk.documents.issuer import issuer_for
    from kiosk.documents.reprint_store import ReprintNotFound
    from kiosk.events import EventId
    from kiosk.logging import configure_logging
    from kiosk.scenarios.schema import InlineCard
    from kiosk.sim.citizens import inline_card

    ports, tmp = rig
    ports = replace(ports, issuer=issuer_for(tmp, "T", bytes(range(32))))  # documents.key
    written = InlineCard.model_validate({"name": "王𰻝", "birth": "1980-01-01"})
    session = Session()
    session.identity = identity_from_idcard(inline_card(written.model_dump(mode="json")).record,
                                            None)
    logs = io.StringIO()
    configure_logging("DEBUG", stream=logs)
    try:
        result = await FlowEngine(ports).run("criminal-record-certificate", session, Citizen())
    finally:
        configure_logging("DEBUG")
    assert result.outcome is Outcome.REFERRED
    case = result.case_numbers[0]
    assert f"受理编号 {case}" in result.reason
    assert "无法打印" in result.reason
    assert (result.printed, result.certificates) == ([], [])
    with pytest.raises(ReprintNotFound):
        ports.reprints.get(case, "certificate")
    events = [json.loads(line) for line in logs.getvalue().splitlines()]
    missing = [e for e in events if e.get("event_id") == EventId.PRINT_GLYPH_MISSING]
    assert len(missing) == 1
    assert (missing[0]["documents"], missing[0]["characters"], missing[0]["planes"]) == \
        (["certificate"], 1, [3])
    assert "𰻝" not in logs.getvalue()
    assert session.empty
