"""对账: `kiosk payments reconcile --day` compares the kiosk's orders of a day with the payment
platform's statement (the simulated one, over mutual TLS) and lists every difference — the
lines the statement was seeded to leave out or to add, and an order the kiosk closed that the
platform has as paid — and nothing else; once the late payment is refunded and the statement
is whole, there is none (exit 0)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from kiosk.domain.order_number import new_order_number
from kiosk.domain.reconciliation import KioskOrder, StatementOrder, compare
from kiosk.services.outbox import Outbox
from kiosk.services.payment_orders import OrderBook
from kiosk.services.payment_platform import PaymentPlatformClient
from kiosk.services.payment_settlement import OrderSettler
from kiosk.sim.backend import BackendServer
from kiosk.sim.phone import ScriptedPhone

KIOSK = "RECON-0001"


def test_compare_lists_each_kind_of_difference() -> None:
    kiosk = [KioskOrder("A1234567", "printed", 1000, 0), KioskOrder("B1234567", "served", 500, 0),
             KioskOrder("C1234567", "refunded", 700, 700), KioskOrder("D1234567", "closed", 300, 0),
             KioskOrder("E1234567", "closed", 900, 0), KioskOrder("F1234567", "refunding", 200, 0)]
    statement = [StatementOrder("A1234567", "paid", 1000, 0, 4),
                 StatementOrder("C1234567", "refunded", 700, 700),
                 StatementOrder("D1234567", "paid", 300, 0),
                 StatementOrder("F1234567", "paid", 200, 0),
                 StatementOrder("G1234567", "paid", 800, 0),
                 StatementOrder("H1234567", "paid", 900, 0)]
    r = compare("2026-12-07", [*kiosk, KioskOrder("H1234567", "printed", 990, 0)], statement)
    assert [(d.order_no, d.kind) for d in r.differences] == [
        ("B1234567", "missing_from_statement"), ("D1234567", "status_differs"),
        ("F1234567", "status_differs"), ("G1234567", "not_at_kiosk"),
        ("H1234567", "amount_differs")]
    assert (r.kiosk.orders, r.kiosk.paid_fen, r.statement.orders, r.fee_fen) == (
        5, 1000 + 500 + 700 + 200 + 990, 6, 4)


def kiosk_config(backend: BackendServer, tmp: Path) -> Path:
    files = backend.kiosk_files(tmp / "tls", KIOSK)
    config = tmp / "kiosk.toml"
    config.write_text(f'kiosk_id = "{KIOSK}"\ndata_dir = "{tmp / "data"}"\n'
                      f'backend_url = "{backend.url}"\nbackend_ca_bundle = "{files.ca}"\n'
                      f'backend_client_cert = "{files.cert}"\n'
                      f'backend_client_key = "{files.key}"\ncredentials_dir = "{tmp / "none"}"\n')
    return config


def reconcile_cli(config: Path, day: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "payments", "reconcile", "--day", day,
                           "--config", str(config), *extra], capture_output=True, text=True,
                          timeout=60)


async def test_reconcile_finds_every_seeded_difference(backend: BackendServer,
                                                       tmp_path: Path) -> None:
    config = kiosk_config(backend, tmp_path)
    (tmp_path / "data").mkdir(mode=0o700)
    gateway = backend.gateway(KIOSK, timeout_s=5)
    platform = PaymentPlatformClient(gateway)
    outbox = Outbox.open(tmp_path / "data")
    book = OrderBook(outbox)
    clock = backend.state.clock
    settler = OrderSettler(book, platform, outbox, day_of=clock.day_of)
    phone = ScriptedPhone(gateway)
    today = clock.today()

    async def order(fen: int) -> tuple[str, str]:
        number = new_order_number(clock.now())
        book.open(number, service="resident-pension-contribution", item_code="YLJF-001",
                  amount_fen=fen, day=today, application={"kiosk_id": KIOSK})
        made = await platform.create_order({
            "order_no": number, "item_code": "YLJF-001", "description": "城乡居民基本养老保险费",
            "amount_fen": fen, "payee": "易办市社会保险事业管理局",
            "payer": {"name": "张伟", "id_number": "110105198503120311"}})
        book.advance(number, "shown")
        return number, made.pay_url

    paid = []
    for fen in (20000, 50000, 100000):  # paid at the kiosk and on the platform
        number, url = await order(fen)
        await phone.pay(url)
        settler.mark_paid(book.get(number), await platform.query_order(number))
        paid.append(number)
    refunded, url = await order(30000)  # paid, then returned
    await phone.pay(url)
    settler.mark_paid(book.get(refunded), await platform.query_order(refunded))
    assert await settler.refund(refunded, "service_not_done") == "refunded"
    late, _url = await order(40000)  # closed at the kiosk, paid on the platform after all
    backend.state.faults.paid_after_close = 1
    await platform.close_order(late)
    book.advance(late, "closed")
    assert (await platform.query_order(late, wait_s=2)).status == "paid"
    outbox.close()
    backend.state.faults.statement_missing = 1  # the first line (by order number) left out
    backend.state.faults.statement_extra = 2  # two orders this kiosk never made

    r = reconcile_cli(config, today.isoformat(), "--json")
    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)
    dropped = min([*paid, refunded, late])  # the statement's first line, left out
    expected = [("not_at_kiosk", "extra"), ("not_at_kiosk", "extra")]
    if dropped != late:  # (left out, the late one would agree with the kiosk's "closed")
        expected += [("missing_from_statement", dropped), ("status_differs", late)]
    kinds = sorted((d["kind"], d["order_no"] if not d["order_no"].startswith("YBX") else "extra")
                   for d in found["differences"])
    assert kinds == sorted(expected)
    assert found["kiosk"]["paid_fen"] == 20000 + 50000 + 100000 + 30000
    assert found["kiosk"]["refunded_fen"] == 30000
    assert "张伟" not in r.stdout

    # the late payment returned, the statement whole: nothing left to explain
    outbox = Outbox.open(tmp_path / "data")
    book = OrderBook(outbox)
    settler = OrderSettler(book, platform, outbox, day_of=clock.day_of)
    report = await settler.settle_all()
    assert report.late_refunded == 1
    outbox.close()
    backend.state.faults.statement_missing = backend.state.faults.statement_extra = 0
    r = reconcile_cli(config, today.isoformat())
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 difference(s)" in r.stdout
    assert reconcile_cli(config, "2026-13-01").returncode == 2
    await gateway.aclose()
    assert date.fromisoformat(found["day"]) == today
