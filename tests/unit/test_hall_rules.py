"""The hall's rules as pure functions (issue 31): which policies the simulated platform finds a
person entitled to (政策找人) and which of them a kiosk shows; how the simulated hall takes a
booking checked in (预约签到)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kiosk.admin.statistics import OffersCount, VisitStatistics
from kiosk.config import RatingsConfig
from kiosk.domain.offers import Offer, most_valuable
from kiosk.domain.rate_limit import RateLimit
from kiosk.flows.card_rating import WINDOW_S
from kiosk.scenarios.schema import ScenarioSpec, scenario_today
from kiosk.sim.appointments import AppointmentBook, Refused, arrival
from kiosk.sim.hall_queue import HallQueue, sample_groups
from kiosk.sim.policies import Registered, entitled, offers_for
from kiosk.sim.routes.card_ratings import CARD_WINDOW_S, PLATFORM_LIMIT

TODAY = date(2026, 3, 2)


def ids(person: Registered, today: date = TODAY) -> list[str]:
    return [o["id"] for o in offers_for(person, today)]


def resident(birth: date, **kw: object) -> Registered:
    return Registered(birth, mainland_resident=True, insured=True, **kw)  # type: ignore[arg-type]


def test_the_old_age_allowance_starts_on_the_70th_birthday_and_grows_with_age() -> None:
    assert ids(resident(date(1956, 3, 3))) == []  # 70 tomorrow
    allowance = offers_for(resident(date(1956, 3, 2)), TODAY)
    assert [o["id"] for o in allowance] == ["old-age-allowance"]
    assert allowance[0]["value_yuan_per_year"] == 600
    assert "每月可领 50 元" in allowance[0]["gives"]
    assert allowance[0]["apply_here"]
    assert allowance[0]["commitment"]
    by_age = {age: offers_for(resident(date(2026 - age, 1, 1)), TODAY)[0]["value_yuan_per_year"]
              for age in (79, 80, 90, 100, 104)}
    assert by_age == {79: 600, 80: 1200, 90: 3600, 100: 7200, 104: 7200}
    # a leap-day birth is 70 on 28 February of a common year (the civil code, domain/age.py)
    assert ids(resident(date(1956, 2, 29)), date(2026, 2, 28)) == ["old-age-allowance"]
    # not a mainland resident (a permit or a foreigner's number): not this city's allowance
    assert ids(Registered(date(1940, 1, 1), mainland_resident=False, insured=True)) == []


def test_the_childcare_subsidy_counts_each_child_under_three() -> None:
    parent = date(1995, 5, 5)
    assert ids(resident(parent, children_births=(date(2023, 3, 2),))) == []  # three today
    two = offers_for(resident(parent, children_births=(date(2023, 3, 3), date(2025, 12, 1),
                                                       date(2015, 1, 1))), TODAY)
    assert [o["id"] for o in two] == ["childcare-subsidy"]
    assert two[0]["value_yuan_per_year"] == 7200
    assert "有 2 名" in two[0]["gives"]
    # a birth registered ahead of the day (not born yet) does not count
    assert ids(resident(parent, children_births=(date(2026, 4, 1),))) == []


def test_the_uninsured_get_medical_insurance_and_severe_disability_its_subsidy() -> None:
    assert ids(Registered(date(1990, 1, 1), mainland_resident=True, insured=False)) == \
        ["resident-medical-insurance"]
    assert ids(resident(date(1990, 1, 1), disability_grade=3)) == []
    care = offers_for(resident(date(1990, 1, 1), disability_grade=2), TODAY)
    assert [o["id"] for o in care] == ["disability-subsidies"]
    assert care[0]["apply_here"] is False
    assert "残联" in care[0]["where"]
    assert entitled(resident(date(1990, 1, 1), disability_grade=1), TODAY, "disability-subsidies")
    assert not entitled(resident(date(1990, 1, 1)), TODAY, "disability-subsidies")


def offer(oid: str, value: int, here: bool = True) -> Offer:
    return Offer(oid, oid, "gives", (), here, "", "X-001", value)


def test_a_kiosk_shows_a_few_the_most_valuable_first() -> None:
    found = [offer("a", 600), offer("b", 7200), offer("c", 670), offer("d", 1200, here=False),
             offer("e", 1200), offer("b", 7200)]
    assert [o.id for o in most_valuable(found)] == ["b", "e", "d"]  # here first at one value
    assert [o.id for o in most_valuable(found, 5)] == ["b", "e", "d", "c", "a"]  # b once
    assert most_valuable([], 3) == []
    assert most_valuable(found, 0) == []


# --- 预约签到: the simulated hall's rules (kiosk/sim/appointments.py) -----------------------
BEIJING = timezone(timedelta(hours=8))
TEN = datetime(2026, 3, 2, 10, 0, tzinfo=BEIJING)


def test_on_time_is_from_half_an_hour_before_to_a_quarter_after_the_booked_time() -> None:
    assert arrival(TEN, TEN - timedelta(minutes=31)) == "early"
    assert arrival(TEN, TEN - timedelta(minutes=30)) == "on_time"
    assert arrival(TEN, TEN + timedelta(minutes=15)) == "on_time"
    assert arrival(TEN, TEN + timedelta(minutes=16)) == "late"
    # the same instant in another zone is the same arrival
    assert arrival(TEN, (TEN - timedelta(minutes=5)).astimezone(UTC)) == "on_time"


def refusal(book: AppointmentBook, holder: str, code: str, now: datetime) -> tuple[str, Any]:
    with pytest.raises(Refused) as refused:
        book.check_in(holder, code, now, f"k-{now.isoformat()}-{code}")
    return refused.value.code, refused.value.booked_on


def test_the_hall_checks_a_booking_in_once_by_its_own_person() -> None:
    queue = HallQueue(groups=sample_groups())
    book = AppointmentBook(queue)
    walk_in, _ = queue.take("SBJF-001", "walk-in")  # someone already waits at the counters
    mine = book.add("A", "SBJF-001", "社保", TEN)
    late = book.add("B", "SBJF-001", "社保", TEN - timedelta(hours=1))
    book.add("C", "SBJF-001", "社保", TEN + timedelta(days=1))
    book.add("D", "SBJF-001", "社保", TEN, status="cancelled")
    now = TEN - timedelta(minutes=10)
    assert refusal(book, "B", mine.code, now) == ("booking_other_person", None)
    assert refusal(book, "C", "", now) == ("booking_other_day", date(2026, 3, 3))
    assert refusal(book, "D", "", now) == ("booking_cancelled", None)
    assert refusal(book, "E", "", now) == ("booking_not_found", None)
    assert refusal(book, "A", "00000000", now)[0] == "booking_not_found"
    on_time, new = book.check_in("A", mine.code, now, "k1")
    assert new
    assert (on_time["arrival"], on_time["priority"]) == ("on_time", True)
    assert on_time["ticket"]["number"] == "BY001"
    assert on_time["ticket"]["waiting"] == 0  # ahead of the walk-in
    assert on_time["booking"]["starts_at"] == "2026-03-02T10:00:00+08:00"
    # checked in once: again (another key, the paper lost) is the same number, never a second
    again, _ = book.check_in("A", "", now + timedelta(minutes=5), "k2")
    assert again["ticket"] == on_time["ticket"]
    assert book.check_in("A", mine.code, now, "k1") == (on_time, False)
    came_late, _ = book.check_in("B", late.code, now, "k3")
    assert (came_late["arrival"], came_late["priority"]) == ("late", False)
    assert came_late["ticket"]["number"] == "B002"  # a walk-in's, behind BY001 and B001
    assert came_late["ticket"]["waiting"] == 2
    assert [queue.call_next("B", "5号窗口")["number"] for _ in range(3)] == \
        ["BY001", walk_in["number"], "B002"]


# --- 卡片评: the anonymous rating's limit (kiosk/domain/rate_limit.py) ----------------------
def test_a_rate_limit_keeps_a_gap_and_a_ceiling_per_window() -> None:
    limit = RateLimit(per_window=3, window_s=600, min_gap_s=20)
    assert limit.take(0) == 0
    assert limit.take(5) == 15  # too soon after the last: nothing counted
    assert limit.take(20) == 0
    assert limit.take(40) == 0
    assert limit.take(60) == 540  # three in ten minutes: until the first leaves the window
    assert limit.take(599.5) == 0.5
    assert limit.take(600) == 0  # the first has left the window
    assert limit.wait_s(610) == 10  # the gap after the last
    assert RateLimit(per_window=0, window_s=60).take(0) == math.inf  # nothing allowed


def test_the_platforms_limit_per_kiosk_allows_what_a_kiosks_own_limit_lets_through() -> None:
    defaults = RatingsConfig()
    kiosk = RateLimit(per_window=defaults.card_per_10_minutes, window_s=WINDOW_S,
                      min_gap_s=defaults.card_gap_s)
    platform = RateLimit(per_window=PLATFORM_LIMIT, window_s=CARD_WINDOW_S)
    t = 0.0
    for _ in range(200):  # a citizen tapping as fast as the kiosk allows, for a long while
        t += kiosk.wait_s(t)
        assert kiosk.take(t) == 0
        assert platform.take(t) == 0, f"refused at {t:.0f} s"


# --- the statistics staff see (kiosk/admin/statistics.py) ------------------------------------
def test_statistics_count_offers_check_ins_and_ratings_by_channel(tmp_path: Path) -> None:
    stats = VisitStatistics(tmp_path / "statistics.jsonl")
    stats.record("criminal-record-certificate", "approved", 60.0, [5],
                 offers=OffersCount(True, shown=2, taken=1), rating_code=True)
    stats.record("social-insurance-certificate", "approved", 50.0, [],
                 offers=OffersCount(False), rating_code=True, rated_later=True)
    stats.record("newborn", "rejected", 30.0, [])  # refused before offers: not asked
    stats.record_check_in("on_time")
    stats.record_check_in("booking_other_day")
    stats.record_card_rating(2)
    summary = stats.summary()
    assert summary["visits"] == 3  # check-ins and cards are not visits
    assert summary["offers"] == {"asked": 2, "consented": 1, "shown": 2, "taken": 1}
    assert summary["check_ins"] == {"on_time": 1, "booking_other_day": 1}
    assert summary["ratings_by_channel"] == {"self_service_terminal": 1, "mobile_later": 1,
                                             "rating_codes": 2, "anonymous_card": 1}
    assert summary["card_ratings"] == {"5": 0, "4": 0, "3": 0, "2": 1, "1": 0}
    # which policies, which bookings, who: none of it is on disk
    text = (tmp_path / "statistics.jsonl").read_text(encoding="utf-8")
    assert "old-age" not in text
    assert "offer_id" not in text


# --- scenarios of the hall (kiosk/scenarios/schema.py) ---------------------------------------
def test_a_check_in_scenarios_booking_counts_its_day_from_the_scenarios_moment() -> None:
    data = {"service": "social-insurance-certificate", "at": "2026-03-02T09:50:00+08:00",
            "citizen": {"card": "zhang-wei"},
            "check_in": {"booking": {"day": "today+1", "time": "10:00"}}}
    spec = ScenarioSpec.model_validate(data, context={"today": scenario_today(data["at"])})
    assert spec.check_in is not None
    assert spec.check_in.booking.day == date(2026, 3, 3)
    unset = ScenarioSpec.model_validate({**data, "check_in": {"booking": {"time": "10:00"}}},
                                        context={"today": scenario_today(data["at"])})
    assert unset.check_in is not None
    assert unset.check_in.booking.day == date(2026, 3, 2)
    with pytest.raises(ValidationError, match="check_in: runs headless"):
        ScenarioSpec.model_validate({**data, "drive": "keys"},
                                    context={"today": scenario_today(data["at"])})
    with pytest.raises(ValidationError, match="time"):
        ScenarioSpec.model_validate({**data, "check_in": {"booking": {"time": "25:00"}}})
