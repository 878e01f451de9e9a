"""The hall's rules as pure functions (issue 31): which policies the simulated platform finds a
person entitled to (政策找人), and which of them a kiosk shows."""

from __future__ import annotations

from datetime import date

from kiosk.domain.offers import Offer, most_valuable
from kiosk.sim.policies import Registered, entitled, offers_for

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
