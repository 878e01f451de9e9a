"""A referral comes with a queue ticket (取号): drawn from the hall's queue through the gateway,
printed on the receipt printer (ESC/POS simulator on TCP), never made up when the queue cannot
be reached; counters call numbers and the waiting counts go down."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import TcpTransport
from kiosk.devices.printers.sim import ReceiptPrinterSimulator, render_receipt
from kiosk.documents.reprint_store import ReprintStore
from kiosk.flows.catalog import load_catalog
from kiosk.flows.outcome import EndReason, FlowResult, Outcome, Step, ticket_reason
from kiosk.flows.ports import FlowPorts
from kiosk.flows.queue_ticket import take_ticket
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import bearer
from tests.receipt_lines import drawn, rasters

REFERRED = FlowResult("social-insurance-certificate", Outcome.REFERRED, "staff must check",
                      EndReason.REFUSED, Step.DECIDE)


@pytest.fixture
async def printer() -> AsyncIterator[tuple[ReceiptPrinterSimulator, EscposReceiptPrinter]]:
    sim = ReceiptPrinterSimulator()
    await sim.start()
    device = EscposReceiptPrinter("receipt_printer", TcpTransport(sim.host, sim.port, 5.0),
                                  adapter="simulated", simulated=True)
    await device.open()
    yield sim, device
    await device.close()
    await sim.stop()


def ports_for(backend: BackendServer | str, kiosk_id: str, tmp: Path,
              receipt: EscposReceiptPrinter | None) -> FlowPorts:
    gateway = backend.gateway(kiosk_id, timeout_s=3) if isinstance(backend, BackendServer) \
        else GatewayClient(backend, kiosk_id, timeout_s=3)
    outbox = Outbox.open(tmp / kiosk_id)
    return FlowPorts(catalog=load_catalog(), gateway=gateway, outbox=outbox,
                     uploader=Uploader(outbox, gateway),
                     reprints=ReprintStore(tmp / "r", key=os.urandom(32)),
                     kiosk_id=kiosk_id, receipt_printer=receipt)


def test_who_is_offered_a_ticket() -> None:
    assert ticket_reason(REFERRED) == "referred"
    declined = FlowResult("criminal-record-certificate", Outcome.ABANDONED, "declined",
                          EndReason.DECLINED, Step.FACE_CHECK)
    assert ticket_reason(declined) == "face_declined"
    done = FlowResult("criminal-record-certificate", Outcome.APPROVED)
    pulled = FlowResult("criminal-record-certificate", Outcome.ABANDONED, "card",
                        EndReason.CARD_PULLED, Step.FILL_FORM)
    assert ticket_reason(done) is None
    assert ticket_reason(pulled) is None


async def test_a_referred_citizen_gets_a_printed_number_and_where_to_wait(
        backend: BackendServer, printer, tmp_path: Path, artifacts: Path) -> None:
    sim, device = printer
    ports = ports_for(backend, "K1", tmp_path, device)
    ticket = await take_ticket(ports, REFERRED, "zh-Hans", idempotency_key="visit-0000000001")
    assert ticket.number == "B001"            # 社保 items go to group B, its first number
    assert ticket.printed
    assert ticket.counters == ("5号窗口", "6号窗口")
    assert "B001" in ticket.words
    assert "5号窗口" in ticket.words
    printed = sim.receipts[-1]
    assert "B001" in printed.text                  # the number, in the printer's own font
    # the Chinese lines are drawn as rasters: the ticket carries these lines, pixel for pixel
    lines = rasters(printed)
    for line in ("易办政务服务 排队取号", "请到：5号窗口、6号窗口（社保医保业务）",
                 "您前面还有 0 人"):
        assert drawn(line, bold=line.startswith("易办")) in lines, line
    render_receipt(printed).save(artifacts / "queue-ticket.png")
    # the same key again: the same number, not a second one (a double tap, a retry)
    again = await take_ticket(ports, REFERRED, "zh-Hans", idempotency_key="visit-0000000001")
    assert again.number == "B001"
    await ports.gateway.aclose()
    ports.outbox.close()


async def test_two_kiosks_draw_consecutive_numbers_and_calls_shorten_the_wait(
        backend: BackendServer, tmp_path: Path) -> None:
    one = ports_for(backend, "K1", tmp_path, None)
    two = ports_for(backend, "K2", tmp_path, None)
    first = await take_ticket(one, REFERRED, "en", idempotency_key="ticket-a-00000001")
    second = await take_ticket(two, REFERRED, "en", idempotency_key="ticket-b-00000001")
    assert (first.number, second.number) == ("B001", "B002")
    assert second.waiting == 1
    assert "note your number" in first.words     # no printer here: the screen says so
    with backend.client() as staff:
        called = staff.post("/v1/queue/call-next", json={"group": "B", "counter": "5号窗口"},
                            headers=bearer(backend.staff_token("liqiang"))).json()
    assert called == {"group": "B", "number": "B001", "counter": "5号窗口", "waiting": 1}
    third = await take_ticket(one, REFERRED, "en", idempotency_key="ticket-c-00000001")
    assert (third.number, third.waiting) == ("B003", 1)
    with backend.client() as staff:
        refused = staff.post("/v1/queue/call-next", json={"group": "B", "counter": "5号窗口"},
                             headers=bearer("guess"))
    assert refused.status_code == 401
    # a ticket belongs to the kiosk that drew it: another kiosk with the same key draws its own
    replayed = await take_ticket(two, REFERRED, "en", idempotency_key="ticket-a-00000001")
    assert replayed.number == "B004"
    for p in (one, two):
        await p.gateway.aclose()
        p.outbox.close()


async def test_no_queue_no_number_and_nothing_printed(printer, tmp_path: Path) -> None:
    sim, device = printer
    ports = ports_for("https://127.0.0.1:9", "K1", tmp_path, device)   # nothing listens
    before = sim.printed
    ticket = await take_ticket(ports, REFERRED, "zh-Hans", idempotency_key="visit-0000000002")
    assert ticket.number == ""
    assert ticket.words == "暂时无法取号，请到服务台咨询"
    assert sim.printed == before
    await ports.gateway.aclose()
    ports.outbox.close()
