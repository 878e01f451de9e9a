"""扫码评 end to end: a visit's receipt carries a short-lived rating code (the kiosk asks the
platform for it as it prints), the citizen chooses "稍后手机扫码评价" on the screen, and later
opens the receipt's QR code in a phone's browser — Debian's Chromium, headless, through
Playwright, with a phone-sized touch viewport. The platform's page (plain HTML) asks again for
a reason when 不满意 comes without one, then records the rating against the visit's case with
the channel `mobile_scan`; the code works once."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.devices.printers.escpos_stream import QrCode
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import TcpTransport
from kiosk.devices.printers.sim import ReceiptPrinterSimulator
from kiosk.domain.identity import identity_from_idcard
from kiosk.flows.engine import FlowEngine
from kiosk.flows.interaction import RateLater
from kiosk.flows.ports import FlowPorts
from kiosk.session import Session
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card
from tests.headless_ports import headless_ports

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None,
                                reason="Debian's chromium is not installed (scripts/setup.sh)")

# a phone: 390 × 844 CSS pixels at 3 device pixels each, touch, a mobile browser
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
         "is_mobile": True, "has_touch": True, "ignore_https_errors": True,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                       "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"}


class LeavesRatingForLater:
    """Answers the visit at once and rates later, on the phone."""

    def __init__(self) -> None:
        self.rating_code = False

    def step(self, name: str) -> None: pass
    def progress(self, message: str) -> None: pass
    def deadline(self, seconds: float) -> None: pass
    async def still_there(self, grace_s: float) -> bool: return True
    async def ask_field(self, f: Any, error: str | None) -> str: return str(f.example)
    async def confirm_form(self, form: Any) -> bool: return True
    async def report_not_done(self, reason: str) -> None: return None

    def finished(self, *args: Any, rating_code: bool = False, **kwargs: Any) -> None:
        self.rating_code = rating_code

    async def rate(self, item: str, case: str) -> RateLater | None:
        return RateLater() if self.rating_code else None


@pytest.fixture
async def kiosk(tmp_path: Path) -> AsyncIterator[tuple[FlowPorts, BackendServer,
                                                       ReceiptPrinterSimulator]]:
    backend = BackendServer()
    backend.start()
    paper = ReceiptPrinterSimulator()
    await paper.start()
    printer = EscposReceiptPrinter("receipt_printer", TcpTransport("127.0.0.1", paper.port, 2),
                                   adapter="escpos-network", timeout_s=2)
    await printer.open()
    ports = headless_ports(backend, tmp_path, receipt_printer=printer, rating_later=True)
    yield ports, backend, paper
    await printer.close()
    await paper.stop()
    await ports.gateway.aclose()
    ports.outbox.close()
    backend.stop()


async def test_a_rating_by_phone_lands_on_the_visits_case(kiosk, artifacts: Path) -> None:
    from playwright.async_api import async_playwright

    ports, backend, paper = kiosk
    session = Session()
    session.identity = identity_from_idcard(card("zhang-wei").record, None)
    result = await FlowEngine(ports).run("criminal-record-certificate", session,
                                         LeavesRatingForLater())
    assert result.outcome == "approved", result.reason
    assert (result.rating_code, result.rated_later, result.ratings) == (True, True, [])
    codes = [q.data.decode() for q in paper.receipts[-1].items if isinstance(q, QrCode)]
    rating_url = next(u for u in codes if "/m/rate/" in u)  # beside the progress link

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=shutil.which("chromium"),
                                           args=["--no-sandbox", "--disable-gpu"],
                                           headless=True)
        try:
            phone = await browser.new_context(**PHONE)
            page = await phone.new_page()
            await page.goto(rating_url)
            shown = await page.content()
            assert case_shown(shown, result.case_numbers[0])
            assert "无犯罪记录证明" in shown
            assert "张伟" not in shown  # the code names cases, never the person
            # the form fits the phone: nothing wider than the screen
            assert await page.evaluate("document.documentElement.scrollWidth") <= 390
            await page.tap("input[name=level][value='2']")  # 不满意, and no reason yet
            await page.tap("#submit")
            assert "请至少选一个原因" in await page.inner_text("#problem")
            assert await page.is_checked("input[name=level][value='2']")  # kept
            await page.tap("input[name=reasons][value='办理时间长']")
            await page.screenshot(path=str(artifacts / "phone-rating-form.png"), full_page=True)
            await page.tap("#submit")
            assert await page.inner_text("#result") == "谢谢您的评价"
            await page.goto(rating_url)  # once only
            assert await page.inner_text("#result") == "已经评价过了"
        finally:
            await browser.close()

    with backend.client() as c:
        ratings = c.get("/sim/ratings").json()["ratings"]
    assert ratings == [{"case_number": result.case_numbers[0], "item_code": "WFZZM-001",
                        "level": 2, "channel": "mobile_scan", "reasons": ["办理时间长"],
                        "comment": ""}]


def case_shown(html: str, case: str) -> bool:
    return f"办件编号：{case}" in html
