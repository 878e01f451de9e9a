"""免申即享 / 政策找人 in the simulated city (易办市): the policies its platform matches against the
population model (kiosk/sim/backend_state.py) — a person's age, whether they are insured, the
children under three in their household register, a disability on record — and what each
gives. `offers_for` is a pure function of the person and the day, so the rules are tested
alone; the route (kiosk/sim/routes/offers.py) serves it as POST /v1/offers/search.

The amounts and thresholds are the simulated city's, modelled on common practice: an
allowance for the very old paid in tiers by age (this city starts at 70, as several do), the
national childcare subsidy (3 600 yuan a year for each child under three), the government's
share of an uninsured resident's medical insurance, and the care subsidy for people with a
severe disability, which needs an assessment at the disabled persons' federation's counter
(so it cannot be applied for at a kiosk).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.domain.age import age_on

# 高龄津贴: the monthly allowance from each age on (the highest tier reached counts)
OLD_AGE_TIERS = ((100, 600), (90, 300), (80, 100), (70, 50))
CHILD_SUBSIDY_YUAN = 3600  # 育儿补贴, each child under three, a year
MEDICAL_SUBSIDY_YUAN = 670  # the government's share of a resident's medical insurance, a year
CARE_SUBSIDY_MONTHLY = 100  # 重度残疾人护理补贴 (grades 1 and 2), a month


@dataclass(frozen=True)
class Registered:
    """What the platform knows of a person, as its matching needs it."""

    birth: date
    mainland_resident: bool
    insured: bool  # social insurance: contributing now, or ever for some months
    children_births: tuple[date, ...] = ()  # the household register's children
    disability_grade: int | None = None  # 1 (most severe) .. 4; None: none on record


def _old_age(person: Registered, today: date) -> dict[str, Any] | None:
    age = age_on(person.birth, today)
    monthly = next((yuan for from_age, yuan in OLD_AGE_TIERS if age >= from_age), 0)
    if not monthly or not person.mainland_resident:
        return None
    return {
        "id": "old-age-allowance", "title": "高龄津贴", "item_code": "GLJT-001",
        "gives": f"年满{min(a for a, _ in OLD_AGE_TIERS)}周岁的本市户籍老人按月领取津贴，"
                 f"您每月可领 {monthly} 元",
        "needs": ["本人身份证件", "本人社会保障卡（津贴发到卡上的金融账户）"],
        "apply_here": True, "value_yuan_per_year": monthly * 12,
        "commitment": "本人承诺：户籍在易办市，未在其他地方领取高龄津贴；户籍迁出或情况变化时"
                      "及时告知。如有不实，愿退回所领津贴并承担相应责任。",
    }


def _childcare(person: Registered, today: date) -> dict[str, Any] | None:
    under_three = [b for b in person.children_births if 0 <= age_on(b, today) < 3]
    if not under_three or not person.mainland_resident:
        return None
    n = len(under_three)
    return {
        "id": "childcare-subsidy", "title": "育儿补贴", "item_code": "YEBT-001",
        "gives": f"3周岁以下婴幼儿每人每年 {CHILD_SUBSIDY_YUAN} 元；您户口簿上有 {n} 名",
        "needs": ["户口簿（电子证照，自动调取）", "监护人本人的银行账户"],
        "apply_here": True, "value_yuan_per_year": CHILD_SUBSIDY_YUAN * n,
        "commitment": "本人承诺：本人是上述婴幼儿的监护人，所报信息真实；情况变化时及时告知。"
                      "如有不实，愿退回所领补贴并承担相应责任。",
    }


def _medical_insurance(person: Registered, today: date) -> dict[str, Any] | None:
    if person.insured or not person.mainland_resident:
        return None
    return {
        "id": "resident-medical-insurance", "title": "城乡居民医保参保", "item_code": "JMYB-001",
        "gives": f"参保后门诊和住院费用按规定报销，政府每年补助个人缴费 {MEDICAL_SUBSIDY_YUAN} 元",
        "needs": ["本人身份证件"],
        "apply_here": True, "value_yuan_per_year": MEDICAL_SUBSIDY_YUAN, "commitment": None,
    }


def _disability_care(person: Registered, today: date) -> dict[str, Any] | None:
    if person.disability_grade not in (1, 2):
        return None
    return {
        "id": "disability-subsidies", "title": "残疾人两项补贴", "item_code": "CJBT-001",
        "gives": f"重度残疾人护理补贴每月 {CARE_SUBSIDY_MONTHLY} 元；"
                 "家庭困难的还可申请困难残疾人生活补贴",
        "needs": ["第二代残疾人证", "本人身份证件"],
        "apply_here": False, "where": "区残联窗口（10号窗口），需要现场评估",
        "value_yuan_per_year": CARE_SUBSIDY_MONTHLY * 12, "commitment": None,
    }


POLICIES = (_old_age, _childcare, _medical_insurance, _disability_care)


def offers_for(person: Registered, today: date) -> list[dict[str, Any]]:
    """Every policy `person` is entitled to on `today`, as the contract's `Offer` objects."""
    return [offer for policy in POLICIES if (offer := policy(person, today)) is not None]


def entitled(person: Registered, today: date, offer_id: str) -> bool:
    """Whether `person` is entitled to the policy `offer_id` on `today`."""
    return any(o["id"] == offer_id for o in offers_for(person, today))
