"""The kill drill's kiosk: the core's payment machinery alone — the flow engine running a
payment item with the real pay step, the encrypted outbox and its order book, the uploader,
the settler, the gateway client over mutual TLS and a receipt printer simulator — without Qt,
devices or simulators other than the printer. The simulated backend runs in the test's own
process, so it outlives every kill.

    python -m tests.payment_drill BACKEND_URL CA CERT KEY

It is a zygote: it imports everything and warms the receipt fonts once, then reads JSON lines
on stdin and forks a child per command, so a killed kiosk costs a fork, not an interpreter:

    {"visit": PLAN, "data": DIR, "stop": POINT}      a citizen pays (or not)
    {"resume": true, "data": DIR, "stop": POINT, "late_listen_s": S}   the kiosk starts again

Children write one JSON line per kill point they pass ({"pid", "point", "order"}): each state
an order reaches (`state:paid`), and the moments between the kiosk's and the platform's
knowledge (`after:create_order` — the platform has the order, the kiosk has not written
`shown`; `after:phone` — the citizen paid, the kiosk has not heard; `after:deliver` — the
backend recorded the service, the kiosk has not; `after:refund`, `after:close_order`). At
`stop` the child stops itself (SIGSTOP) for the test to SIGKILL; without it, it runs on and
the test's SIGKILL lands wherever the code has got to by then. A resume ends with
{"pid", "resumed": {...}, "orders": {order_no: state}}. The zygote writes {"child": pid}
when it forks and {"ended": pid, "signal": n} when the child is gone.

Plans: `qr` (the phone pays the QR), `gives_up` (the citizen cancels at the QR),
`refused` (paid, then the backend refuses the service: refunded), `late` (cancelled, closed,
and the payment lands after the close: refunded by the settler).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import TcpTransport
from kiosk.devices.printers.sim import ReceiptPrinterSimulator
from kiosk.documents.receipt import case_receipt, to_escpos
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.clock import KioskClock
from kiosk.domain.identity import identity_from_idcard
from kiosk.flows.catalog import load_catalog
from kiosk.flows.engine import FlowEngine
from kiosk.flows.interaction import (
    FilledField,
    PaymentAccepted,
    PaymentConfirmed,
    PaymentOffer,
    PaymentShown,
    RatingAnswer,
    SignedCommitment,
)
from kiosk.flows.ports import FlowPorts
from kiosk.flows.schema import FormField
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.services.payment_orders import OrderBook
from kiosk.services.payment_platform import PaymentPlatformClient
from kiosk.services.payment_settlement import OrderSettler
from kiosk.session import Session
from kiosk.sim.citizens import card
from kiosk.sim.phone import ScriptedPhone

SERVICE = "resident-pension-contribution"
KIOSK = "DRILL-0001"


class Stop:
    """Where this child stops itself for the kill (a named point); without one it runs on
    until the kill lands, wherever the code has got to."""

    def __init__(self, point: str | None) -> None:
        self.point = point

    def passed(self, point: str, order: str = "") -> None:
        print(json.dumps({"pid": os.getpid(), "point": point, "order": order}), flush=True)
        if point == self.point:
            os.kill(os.getpid(), signal.SIGSTOP)  # the test kills it here


class DrillCitizen:
    """The person at the drill's kiosk: answers with the examples, confirms, and pays (or
    not) as the plan says."""

    def __init__(self, plan: str, phone: ScriptedPhone, stop: Stop) -> None:
        self.plan, self.phone, self.stop = plan, phone, stop

    def step(self, name: str) -> None: ...
    def progress(self, message: str) -> None: ...
    def deadline(self, seconds: float) -> None: ...
    async def still_there(self, grace_s: float) -> bool:
        return True
    async def ask_face_consent(self) -> bool:
        return True
    def guide(self, guidance: object) -> None: ...
    def challenge(self, turn: object) -> None: ...
    async def ask_field(self, field: FormField, error: str | None) -> str | None:
        return field.example
    async def confirm_form(self, form: list[FilledField]) -> bool:
        return True
    async def sign_commitment(self, text: str) -> SignedCommitment | None:
        return None
    def finished(self, outcome: str, case_numbers: list[str], printed: list[str],
                 problems: list[str], *, uploading: bool = False) -> None: ...
    async def rate(self, item_code: str, case_number: str) -> RatingAnswer | None:
        return None
    async def report_not_done(self, reason: str) -> str | None:
        return None
    async def offer_payment(self, offer: PaymentOffer) -> PaymentAccepted | None:
        return PaymentAccepted([line.ref for line in offer.lines])
    def payment_problem(self, text: str) -> None: ...
    async def payment_confirmed(self, paid: PaymentConfirmed) -> None: ...

    async def wait_at_payment(self, shown: PaymentShown) -> None:
        if self.plan in ("qr", "refused"):
            await self.phone.pay(shown.qr_text)
            self.stop.passed("after:phone", shown.order_no)
            await asyncio.Event().wait()
        # gives_up, late: the citizen cancels at the QR code


def instrument(platform: PaymentPlatformClient, gateway: GatewayClient, stop: Stop) -> None:
    """Kill points between the platform's knowledge and the kiosk's."""
    for name in ("create_order", "close_order", "refund"):
        call = getattr(platform, name)

        def wrapped(*args: Any, _call: Any = call, _name: str = name, **kw: Any) -> Any:
            async def run() -> Any:
                answer = await _call(*args, **kw)
                stop.passed(f"after:{_name}", str(args[0]) if args and isinstance(
                    args[0], str) else "")
                return answer
            return run()
        setattr(platform, name, wrapped)
    deliver = gateway.deliver

    async def delivered(kind: str, body: dict[str, Any], key: str) -> list[str]:
        cases = await deliver(kind, body, key)
        stop.passed("after:deliver", str((body.get("payment") or {}).get("order_no", "")))
        return cases
    gateway.deliver = delivered  # type: ignore[method-assign]


class Kiosk:
    def __init__(self, tls: list[str], data: Path, stop: Stop, late_listen_s: int = 0) -> None:
        url, ca, cert, key = tls
        self.gateway = GatewayClient(url, KIOSK, timeout_s=5, ca_bundle=Path(ca),
                                     client_cert=Path(cert), client_key=Path(key))
        self.outbox = Outbox.open(data)
        self.book = OrderBook(self.outbox)
        self.book.listeners.append(lambda order, state: stop.passed(f"state:{state}", order))
        self.platform = PaymentPlatformClient(self.gateway)
        instrument(self.platform, self.gateway, stop)
        self.uploader = Uploader(self.outbox, self.gateway)
        self.clock = KioskClock()
        # after closing, a moment's listening for a payment on its way (the simulated
        # platform's late payment lands 0.2 s after the close: 1 s; 0 where none is sent)
        self.settler = OrderSettler(self.book, self.platform, self.outbox,
                                    day_of=self.clock.day_of, late_listen_s=late_listen_s)



async def visit(tls: list[str], data: Path, plan: str, stop: Stop) -> None:
    kiosk = Kiosk(tls, data, stop)
    printer_sim = ReceiptPrinterSimulator()
    await printer_sim.start()
    printer = EscposReceiptPrinter("receipt_printer", TcpTransport(printer_sim.host,
                                                                   printer_sim.port, 5.0),
                                   adapter="simulated", simulated=True)
    await printer.open()
    ports = FlowPorts(catalog=CATALOG, gateway=kiosk.gateway, outbox=kiosk.outbox,
                      uploader=kiosk.uploader, reprints=ReprintStore(data / "reprints",
                                                                     key=os.urandom(32)),
                      kiosk_id=KIOSK, receipt_printer=printer, clock=kiosk.clock,
                      orders=kiosk.book, payments=kiosk.platform, settler=kiosk.settler,
                      payment_poll_s=5, payment_late_s=0, submit_wait_s=5)
    session = Session()
    session.identity = identity_from_idcard(card("zhang-wei").record, None)
    result = await FlowEngine(ports).run(SERVICE, session,
                                         DrillCitizen(plan, ScriptedPhone(kiosk.gateway), stop))
    print(json.dumps({"pid": os.getpid(), "visit": result.outcome.value,
                      "order": result.payment.order_no if result.payment else None,
                      "state": result.payment.state if result.payment else None}), flush=True)
    os._exit(0)  # the process ends here, nothing closed: what is committed is on disk


async def resume(tls: list[str], data: Path, stop: Stop, late_listen_s: int) -> None:
    """The kiosk starts again: settle what is unfinished; send what the outbox holds."""
    kiosk = Kiosk(tls, data, stop, late_listen_s)
    report = await kiosk.settler.resume()
    for _round in range(10):
        if not kiosk.book.unfinished():
            break
        await kiosk.uploader.drain_once()
        await kiosk.settler.settle_all(late=False)
    orders = {o.order_no: o.state for o in kiosk.book.of_day(kiosk.clock.today())}
    print(json.dumps({"pid": os.getpid(), "resumed": report.__dict__, "orders": orders}),
          flush=True)
    os._exit(0)


def child(command: dict[str, Any], tls: list[str]) -> None:
    stop = Stop(command.get("stop"))
    data = Path(command["data"])
    if "visit" in command:
        asyncio.run(visit(tls, data, str(command["visit"]), stop))
    else:
        asyncio.run(resume(tls, data, stop, int(command.get("late_listen_s", 0))))


def warm() -> None:
    """What every child would otherwise pay for again: the catalog, the fonts."""
    global CATALOG
    CATALOG = load_catalog()
    to_escpos(case_receipt(service="城乡居民养老保险缴费", case_numbers=["1"],
                           when=KioskClock().now(), kiosk_id=KIOSK, holder_masked="张*",
                           outcome="缴费成功", next_steps=["缴费已记入您的个人账户。"],
                           progress_url=""))


CATALOG = None  # type: ignore[var-annotated]


def main() -> None:
    tls = sys.argv[1:5]
    warm()
    # what the zygote holds is never collected in a child: its pages stay shared, not copied
    # by the collector walking them (a fork costs milliseconds, not a copy of the heap)
    gc.freeze()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                child(command, tls)
            finally:
                sys.stdout.flush()
                os._exit(0)
        print(json.dumps({"child": pid}), flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(json.dumps({"ended": pid, "signal": os.WTERMSIG(status)
                          if os.WIFSIGNALED(status) else 0,
                          "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}),
              flush=True)


if __name__ == "__main__":
    main()
