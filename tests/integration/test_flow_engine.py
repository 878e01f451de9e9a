"""The flow engine's exits: a citizen who stops answering, a card pulled mid-flow, and the
办不成事 report after a refusal. The session must be empty after each."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.identity import identity_from_idcard
from kiosk.flows.catalog import load_catalog
from kiosk.flows.engine import FlowEngine, FlowPorts
from kiosk.flows.interaction import RatingAnswer
from kiosk.flows.schema import TimeBudget
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card


class Citizen:
    def __init__(self, *, stall: float = 0.0, report: str | None = None) -> None:
        self.stall = stall
        self.report = report
        self.asked = asyncio.Event()

    def step(self, name): pass
    def progress(self, message): pass
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
    gateway = GatewayClient(backend.url, "T")
    ports = FlowPorts(catalog=catalog, gateway=gateway, outbox=outbox,
                      uploader=Uploader(outbox, gateway, backoff_initial_s=0),
                      reprints=ReprintStore(tmp_path / "r"), kiosk_id="T")
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
    assert result.outcome == "abandoned"
    assert result.reason == "timed out at form"
    assert session.empty


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
