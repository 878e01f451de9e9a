"""The kiosk's one clock: the day and time where the kiosk stands, whatever the machine's
zone; a 29 February birthday per the civil code; printed times that say their zone when it
is not Beijing's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.admin.statistics import VisitStatistics
from kiosk.domain.age import age_on
from kiosk.domain.clock import KioskClock, printed_time

# 16:30 UTC on 1 March is 00:30 on 2 March in Beijing
LATE = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)


def test_today_is_the_kiosks_day_not_utcs() -> None:
    assert KioskClock.at(LATE, "Asia/Shanghai").today() == date(2026, 3, 2)
    assert KioskClock.at(LATE, "UTC").today() == date(2026, 3, 1)
    beijing = KioskClock.at(LATE, running=False)
    assert f"{beijing.now():%Y-%m-%d %H:%M}" == "2026-03-02 00:30"
    assert beijing.day_of(LATE.timestamp() - 3600) == date(2026, 3, 1)  # 23:30 the day before


@pytest.mark.parametrize(("birth", "today", "age"), [
    (date(2008, 2, 29), date(2026, 2, 27), 17),
    (date(2008, 2, 29), date(2026, 2, 28), 18),  # Art. 202: no 29th, so the month's last day
    (date(2008, 2, 29), date(2026, 3, 1), 18),
    (date(2008, 2, 29), date(2028, 2, 28), 19),  # a leap year has its own 29th
    (date(2008, 2, 29), date(2028, 2, 29), 20),
    (date(2008, 12, 8), date(2026, 12, 7), 17),  # 18 only tomorrow
    (date(2008, 12, 7), date(2026, 12, 7), 18),  # 18 today
    (date(2026, 12, 8), date(2026, 12, 7), -1),  # a birth after today: never of age
])
def test_age_counts_the_anniversary_as_the_civil_code_does(birth: date, today: date,
                                                           age: int) -> None:
    assert age_on(birth, today) == age


def test_printed_times_say_their_zone_only_when_not_beijings() -> None:
    at = datetime(2026, 12, 7, 12, 59, 30, tzinfo=UTC)
    assert printed_time(KioskClock.at(at, running=False).now()) == "2026-12-07 20:59"
    assert printed_time(KioskClock.at(at, running=False).now(), seconds=True) == \
        "2026-12-07 20:59:30"
    urumqi = KioskClock.at(at, "Asia/Urumqi", running=False).now()
    assert printed_time(urumqi) == "2026-12-07 18:59 UTC+06:00"
    west = at.astimezone(timezone(-timedelta(hours=3, minutes=30)))
    assert printed_time(west) == "2026-12-07 09:29 UTC-03:30"


def test_a_running_clock_moves_on_from_its_moment() -> None:
    clock = KioskClock.at(LATE)
    assert 0 <= clock.timestamp() - LATE.timestamp() < 5
    with pytest.raises(ValueError, match="zone"):
        KioskClock.at(datetime(2026, 3, 1, 12, 0))


def test_statistics_count_a_visit_on_the_kiosks_day(tmp_path: Path) -> None:
    # 02:30 in Beijing is still the day before in UTC: the visit belongs to Beijing's day
    clock = KioskClock.at(datetime(2026, 12, 7, 18, 30, tzinfo=UTC), running=False)
    stats = VisitStatistics(tmp_path / "statistics.jsonl", clock)
    stats.record("criminal-record-certificate", "approved", 60.0, [5])
    assert stats.summary()["per_day"] == [{"day": "2026-12-08", "visits": 1}]
