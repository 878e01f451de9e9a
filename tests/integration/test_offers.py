"""政策找人 in a visit (kiosk/flows/steps/offers.py) against the simulated platform: nothing is
asked without the citizen's consent, a policy whose commitment is not signed is not applied
for, and a platform that cannot answer costs the citizen nothing of their own application.
(The whole visit, shown and applied for, is the shipped scenario offers-old-age-allowance.)"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.identity import identity_from_idcard
from kiosk.domain.offers import Offer
from kiosk.flows.engine import FlowEngine
from kiosk.flows.ports import FlowPorts
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card
from tests.headless_ports import headless_ports


class Citizen:
    """Answers the visit at once; agrees to the offers question or not, applies for `apply`,
    and never signs a commitment."""

    def __init__(self, consent: bool, apply: str = "", on_consent: Any = None) -> None:
        self.consent, self.apply, self.on_consent = consent, apply, on_consent
        self.shown: list[list[Offer]] = []
        self.notes: list[str] = []
        self.signing_asked: list[str] = []

    def step(self, name: str) -> None: pass
    def progress(self, message: str) -> None: pass
    def deadline(self, seconds: float) -> None: pass
    def finished(self, *args: Any, **kwargs: Any) -> None: pass
    async def still_there(self, grace_s: float) -> bool: return True
    async def ask_face_consent(self) -> bool: return True
    async def ask_field(self, f: Any, error: str | None) -> str: return str(f.example)
    async def confirm_form(self, form: Any) -> bool: return True
    async def rate(self, item: str, case: str) -> None: return None
    async def report_not_done(self, reason: str) -> None: return None

    async def sign_commitment(self, text: str) -> None:
        self.signing_asked.append(text)
        return None

    async def ask_offers_consent(self) -> bool:
        if self.on_consent is not None:
            self.on_consent()
        return self.consent

    async def choose_offer(self, offers: list[Offer], applied: dict[str, str],
                           note: str) -> str | None:
        self.shown.append(offers)
        self.notes.append(note)
        return self.apply if len(self.shown) == 1 and self.apply else None


@pytest.fixture(scope="module")
def platform() -> Iterator[BackendServer]:
    """One simulated platform for the module (stopping one takes a second)."""
    backend = BackendServer()
    backend.start()
    yield backend
    backend.stop()


def cases_of(backend: BackendServer) -> list[dict[str, Any]]:
    with backend.client() as c:
        return list(c.get("/sim/cases").json()["cases"])


@pytest.fixture
async def rig(platform: BackendServer,
              tmp_path: Path) -> AsyncIterator[tuple[FlowPorts, BackendServer]]:
    backend = platform
    backend.state.faults.errors = 0
    ports = headless_ports(backend, tmp_path, offers_limit=3, submit_wait_s=2)
    yield ports, backend
    await ports.gateway.aclose()  # no connection left open: the platform stops at once
    ports.outbox.close()
    backend.state.faults.errors = 0


def elder() -> Session:
    """李秀英, born in 1948: old enough for the old-age allowance by her birth alone."""
    s = Session()
    s.identity = identity_from_idcard(card("li-xiuying").record, None)
    return s


async def test_declining_asks_the_platform_nothing(rig) -> None:
    ports, backend = rig
    session, citizen = elder(), Citizen(consent=False)
    asked = backend.state.offers_asked
    result = await FlowEngine(ports).run("criminal-record-certificate", session, citizen)
    assert result.outcome == "approved", result.reason
    assert (result.offers_consent, result.offers_shown) == (False, [])
    assert citizen.shown == []
    assert backend.state.offers_asked == asked
    assert session.empty


async def test_an_unsigned_commitment_applies_for_nothing(rig) -> None:
    ports, backend = rig
    session, citizen = elder(), Citizen(consent=True, apply="old-age-allowance")
    before = len(cases_of(backend))
    result = await FlowEngine(ports).run("criminal-record-certificate", session, citizen)
    assert result.outcome == "approved", result.reason
    assert [o.id for o in citizen.shown[0]] == ["old-age-allowance"]
    assert citizen.signing_asked
    assert "高龄津贴" in citizen.notes[1]
    assert "没有签署" in citizen.notes[1]
    assert result.offers_applied == []
    made = cases_of(backend)[before:]
    assert [x["offer_id"] for x in made] == [None]  # the certificate's case only
    assert session.empty


async def test_a_platform_that_cannot_answer_costs_the_citizen_nothing(rig) -> None:
    ports, backend = rig

    def platform_fails() -> None:
        backend.state.faults.errors = 100
    citizen = Citizen(consent=True, on_consent=platform_fails)
    result = await FlowEngine(replace(ports, submit_wait_s=0.2)).run(
        "criminal-record-certificate", elder(), citizen)
    assert result.outcome == "approved"
    assert result.offers_shown == []
    assert citizen.shown == [[]]
    assert "暂时无法查询" in citizen.notes[0]
