"""One clock: with the kiosk's clock at 20:58 in Beijing on 7 December 2026, the decisions and
the paper are the same whether the machine runs in UTC−12, UTC or UTC+14 — who is of age,
which card is still valid, the certificate's date and footer, its signed QR's date, the
receipt's time, the case number's day, the statistics' day and the home screen's clock."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.admin.statistics import VisitStatistics
from kiosk.devices.printers.escpos_stream import Cut, EscposStreamParser
from kiosk.documents.issuer import CertificateIssuer, issuer_for
from kiosk.domain.clock import KioskClock
from kiosk.domain.errors import CredentialExpired
from kiosk.domain.identity import identity_from_idcard
from kiosk.flows.engine import FlowEngine
from kiosk.flows.identify import Identification, IdentitySources
from kiosk.flows.ports import FlowPorts
from kiosk.scenarios.schema import InlineCard
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import inline_card
from tests.headless_ports import headless_ports
from tests.integration.test_flow_engine import Citizen
from tests.receipt_lines import drawn, rasters

# 20:58 in Beijing = 12:58 UTC = 00:58 the next day in UTC+14 = 00:58 the same day in UTC−12
EVENING = datetime(2026, 12, 7, 12, 58, tzinfo=UTC)
ZONES = ["Etc/GMT+12", "UTC", "Etc/GMT-14"]  # POSIX names: the sign is inverted


@pytest.fixture
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BackendServer,
                                                                    CertificateIssuer]]:
    """The simulated backend on Beijing's clock at that evening, and the kiosk's signing keys."""
    backend = BackendServer(clock=KioskClock.at(EVENING, running=False))
    backend.start()
    yield backend, issuer_for(tmp_path_factory.mktemp("keys"), "T", bytes(range(32)))
    backend.stop()


@pytest.fixture
def world(shared, tmp_path: Path) -> Iterator[FlowPorts]:
    backend, issuer = shared
    ports = headless_ports(backend, tmp_path, issuer=issuer,
                           clock=KioskClock.at(EVENING, running=False))
    yield ports
    ports.outbox.close()


def _session(birth: str, valid_to: str = "2036-01-01") -> Session:
    card = InlineCard.model_validate({"name": "测试", "birth": birth, "valid_to": valid_to})
    s = Session()
    s.identity = identity_from_idcard(inline_card(card.model_dump(mode="json")).record, None)
    return s


@pytest.mark.parametrize("machine_zone", ZONES, indirect=True)
async def test_the_same_answers_and_paper_in_every_machine_zone(world, machine_zone: str,
                                                                tmp_path: Path) -> None:
    ports = world
    clock = ports.clock
    engine = FlowEngine(ports)
    # 18 only tomorrow in Beijing: refused in every zone (UTC+14 is already "tomorrow")
    minor = await engine.run("criminal-record-certificate", _session("2008-12-08"), Citizen())
    assert (minor.outcome, "年满18周岁" in minor.reason) == ("rejected", True), minor.reason
    # 18 today in Beijing: approved in every zone (UTC−12 is still "yesterday")
    adult = await engine.run("criminal-record-certificate", _session("2008-12-07"), Citizen())
    assert adult.outcome == "approved", adult.reason
    case = adult.case_numbers[0]
    assert case.startswith("20261207")  # the backend's case number carries Beijing's day

    cert = adult.certificates[0]
    assert ".20261207." in cert.qr_payload  # the signed date
    text = subprocess.run(["pdftotext", "-", "-"], input=cert.pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "2026年12月7日" in text  # the issue date beside the seal
    assert "2026-12-07 20:58:00" in text  # the footer: Beijing time, no zone needed
    parser = EscposStreamParser()
    receipt = next(e.receipt for e in parser.feed(ports.reprints.get(case, "receipt"))
                   if isinstance(e, Cut))
    assert drawn("时间：2026-12-07 20:58", align="left") in rasters(receipt)

    # a card whose last valid day is today in Beijing opens the visit; yesterday's does not
    ident = Identification(IdentitySources(clock=clock), ports.gateway)
    ident._ensure_valid(_session("1980-01-01", "2026-12-07").identity)
    with pytest.raises(CredentialExpired):
        ident._ensure_valid(_session("1980-01-01", "2026-12-06").identity)

    stats = VisitStatistics(tmp_path / "stats" / "statistics.jsonl", clock)
    stats.record("criminal-record-certificate", "approved", 60.0, [5])
    assert stats.summary()["per_day"] == [{"day": "2026-12-07", "visits": 1}]
    assert clock.today() == date(2026, 12, 7)


@pytest.mark.parametrize("machine_zone", ZONES[::2], indirect=True)
def test_the_home_screen_clock_shows_beijing_time(world, machine_zone: str, sim_config) -> None:
    from kiosk.ui.bridge import DeviceStatusModel, KioskBridge

    ports = world
    bridge = KioskBridge(sim_config, DeviceStatusModel(), clock=ports.clock)
    assert bridge.clockFace() == {"time": "20:58", "date": "2026-12-07", "weekday": 1}
