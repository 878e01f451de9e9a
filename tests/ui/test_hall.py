"""The hall's doors on the home screen (issue 31), by touch on the real QML with the simulated
devices and hall: 预约签到 — the booking code typed on the pad, the ID card placed, the hall's
priority number shown and printed with the booked time, nothing of the citizen left — then
卡片评 — a counter rated anonymously with a reason, recorded by the hall, and a second rating
straight after refused by the kiosk's own limit, in words — and staff find both counted on the
maintenance menu's statistics page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.sim.citizens import card
from tests.ui.driving import exists, find, tap, wait_screen
from tests.ui.test_admin import PIN, corner_taps, staff, type_pin
from tests.ui.test_screens import audit, shared_picture_audit
from tests.ui.test_visits import assert_nothing_left, place_card, type_digits

pytestmark = pytest.mark.usefixtures("cupsd_running")


def ratings(kiosk_core) -> list[dict]:
    with kiosk_core.hub.backend.client(timeout=5) as c:
        return list(c.get("/sim/ratings").json()["ratings"])


def test_check_in_then_an_anonymous_rating(shell, core, qtbot, staff, artifacts: Path) -> None:
    kiosk_core, _thread = core
    backend = kiosk_core.hub.backend
    starts = backend.state.clock.now().replace(second=0, microsecond=0) + timedelta(minutes=5)
    with backend.client(timeout=5) as c:
        code = c.post("/sim/bookings", json={"bookings": [{
            "holder": card("zhang-wei").record.id_number, "item_code": "SBJF-001",
            "service_title": "社会保险参保缴费证明", "starts": starts.isoformat()}]}).json()[
                "codes"][0]
    printed = kiosk_core.hub.receipt.printed

    # 预约签到: the code first (he has another booking today: the demo's), then the card
    tap(shell, qtbot, "openCheckIn")
    wait_screen(shell, qtbot, "checkin")
    type_digits(shell, qtbot, code)
    assert find(shell, "bookingCode").property("text") == code
    place_card(shell, "zhang-wei")
    wait_screen(shell, qtbot, "checked_in", timeout=20000)
    shell.window.grabWindow().save(str(artifacts / "screens" / "hall-checked-in.png"))
    assert find(shell, "checkedInNumber").property("text").startswith("BY")  # called first
    assert f"{starts:%H:%M}–" in find(shell, "checkedInBooked").property("text")
    assert shell.visit.view["why"] == "on_time"
    qtbot.waitUntil(lambda: kiosk_core.hub.receipt.printed == printed + 1, timeout=5000)
    shell.bridge.sim.liftCard()
    tap(shell, qtbot, "checkedInHome")
    wait_screen(shell, qtbot, "home")
    assert_nothing_left(shell, "zhang-wei")

    # 卡片评: a counter, 不满意 with a reason
    before = len(ratings(kiosk_core))
    tap(shell, qtbot, "openCardRating")
    wait_screen(shell, qtbot, "card_rating")
    tap(shell, qtbot, "cardSubject_counter")
    tap(shell, qtbot, "cardCounter_0")
    tap(shell, qtbot, "cardLevel_2")
    assert find(shell, "cardRateSubmit").property("enabled") is False  # a reason first
    tap(shell, qtbot, "cardReason_0")
    qtbot.wait(60)
    shell.window.grabWindow().save(str(artifacts / "screens" / "hall-card-rating.png"))
    assert audit(shell, elder=False) == []
    assert shared_picture_audit(shell) == []
    tap(shell, qtbot, "cardRateSubmit")
    wait_screen(shell, qtbot, "card_rated")
    assert shell.visit.view["recorded"] is True
    qtbot.waitUntil(lambda: len(ratings(kiosk_core)) == before + 1, timeout=5000)
    assert ratings(kiosk_core)[-1] == {"kiosk_id": kiosk_core.config.kiosk_id,
                                       "subject": "counter", "counter": "1号窗口", "level": 2,
                                       "reasons": ["等待时间长"], "channel": "anonymous_card"}
    tap(shell, qtbot, "cardRatedHome")
    wait_screen(shell, qtbot, "home")

    # straight after: this kiosk's limit (one every 20 s) says so, and sends nothing
    tap(shell, qtbot, "openCardRating")
    wait_screen(shell, qtbot, "card_rating")
    tap(shell, qtbot, "cardSubject_hall")
    tap(shell, qtbot, "cardLevel_5")
    tap(shell, qtbot, "cardRateSubmit")
    wait_screen(shell, qtbot, "card_rated")
    assert shell.visit.view["recorded"] is False
    assert "秒后再评价" in find(shell, "cardRatedWords").property("text")
    assert len(ratings(kiosk_core)) == before + 1
    assert not exists(shell, "cardRateSubmit")
    summary = kiosk_core.stats.summary()
    assert summary["check_ins"] == {"on_time": 1}
    assert summary["ratings_by_channel"]["anonymous_card"] == 1
    assert summary["card_ratings"]["2"] == 1

    # staff: the statistics page counts them, never anyone
    tap(shell, qtbot, "cardRatedHome")
    wait_screen(shell, qtbot, "home")
    corner_taps(shell, qtbot)
    qtbot.waitUntil(lambda: exists(shell, "adminOverlay"), timeout=3000)
    type_pin(shell, qtbot, PIN)
    qtbot.waitUntil(lambda: exists(shell, "adminStats"), timeout=15000)  # scrypt, under load
    tap(shell, qtbot, "adminStats")
    qtbot.waitUntil(lambda: exists(shell, "adminCheckIn_on_time"))
    assert find(shell, "adminCheckIn_on_time").property("text") == "按时：1"
    assert find(shell, "adminRatingsCard").property("text") == "卡片评（不记名）：1"
    assert "询问 0 次" in find(shell, "adminStatsOffers").property("text")
    shell.window.grabWindow().save(str(artifacts / "screens" / "hall-admin-stats.png"))
    tap(shell, qtbot, "adminClose")


__all__ = ["staff"]  # the staff member's PIN, a fixture of the maintenance menu's tests
