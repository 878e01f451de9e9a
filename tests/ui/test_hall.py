"""The hall's doors on the home screen (issue 31), by touch on the real QML with the simulated
devices and hall: 预约签到 — the booking code typed on the pad, the ID card placed, the hall's
priority number shown and printed with the booked time, nothing of the citizen left — then
卡片评 — a counter rated anonymously with a reason, recorded by the hall, and a second rating
straight after refused by the kiosk's own limit, in words — and staff find both counted on the
maintenance menu's statistics page. And 政策找人 in a visit: agreed to, a policy applied for with
a signed commitment, and nothing of it left when the citizen has gone."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.sim.citizens import card
from tests.ui.driving import drag, exists, find, tap, texts, wait_screen
from tests.ui.test_admin import PIN, corner_taps, staff, type_pin
from tests.ui.test_screens import audit, shared_picture_audit
from tests.ui.test_visits import (
    PHONE,
    assert_nothing_left,
    backend_cases,
    identified,
    place_card,
    type_digits,
)

pytestmark = pytest.mark.usefixtures("cupsd_running")


@pytest.fixture
def sim_config(sim_config):
    """The simulated kiosk as shipped — 政策找人 on (the shared fixture turns it off for the
    visits that predate it) — without its PC/SC reader: these citizens use their ID cards, and
    vpcd's virtual reader is the machine's, where another test session may be inserting its
    passport while this one types a booking code."""
    return sim_config.model_copy(update={
        "offers": sim_config.offers.model_copy(update={"enabled": True}),
        "devices": sim_config.devices.model_copy(update={"smartcard": None})})


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


def test_policies_found_applied_for_and_gone_with_the_citizen(shell, core, qtbot,
                                                               artifacts: Path) -> None:
    """李秀英 (born 1948) gets her certificate, agrees to the policy lookup, applies for the
    old-age allowance with a finger-signed commitment, rates later on her phone — and when she
    has gone, nothing of her or of what she was offered is left on the screen or in the view
    models."""
    kiosk_core, _thread = core
    identified(shell, qtbot, "tilePersonal", "criminal-record-certificate", "li-xiuying")
    tap(shell, qtbot, "choice_1")
    wait_screen(shell, qtbot, "field")
    qtbot.waitUntil(lambda: exists(shell, "key_1"))
    type_digits(shell, qtbot, PHONE)
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "offers_consent", timeout=60000)
    tap(shell, qtbot, "offersConsentYes")
    wait_screen(shell, qtbot, "offers")
    assert find(shell, "offerTitle_0").property("text") == "高龄津贴"
    assert not exists(shell, "offerTitle_1")  # insured: nothing else for her
    tap(shell, qtbot, "offerApply_0")
    wait_screen(shell, qtbot, "sign")
    assert "高龄津贴" in find(shell, "commitmentText").property("text")
    drag(shell, [(0.2, 0.5), (0.3, 0.3), (0.4, 0.7), (0.5, 0.4)], find(shell, "signaturePad"))
    qtbot.waitUntil(lambda: find(shell, "signSubmit").property("enabled"))
    tap(shell, qtbot, "signSubmit")
    wait_screen(shell, qtbot, "offers")
    qtbot.waitUntil(lambda: exists(shell, "offerApplied_0") and
                    find(shell, "offerApplied_0").isVisible())
    case = find(shell, "offerApplied_0").property("text").rsplit(" ", 1)[-1]
    shell.window.grabWindow().save(str(artifacts / "screens" / "hall-offer-applied.png"))
    tap(shell, qtbot, "offersDone")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    tap(shell, qtbot, "rateLater")  # the receipt carries a code
    wait_screen(shell, qtbot, "goodbye")
    assert [c["offer_id"] for c in backend_cases(kiosk_core) if c["case_number"] == case] == \
        ["old-age-allowance"]
    assert_nothing_left(shell, "li-xiuying")
    shown = "\n".join(texts(shell)) + json.dumps(shell.visit.view, ensure_ascii=False)
    assert "高龄津贴" not in shown
    assert "old-age-allowance" not in shown
    tap(shell, qtbot, "goodbyeHome")
    wait_screen(shell, qtbot, "home")
    assert kiosk_core.stats.summary()["offers"] == {"asked": 1, "consented": 1, "shown": 1,
                                                    "taken": 1}
