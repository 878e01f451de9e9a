"""The simulated government backend's data: the population (every valid ID number is a person,
the sample deck's citizens with records and registry photos), their e-licences, the cases and
acknowledgements in SQLite, the hall's queue, help desk and staff directory, and the scripted
faults. The routes (kiosk/sim/routes/) read and change it; kiosk/sim/backend.py serves them."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.domain.clock import KioskClock
from kiosk.domain.elicense import make_identifier
from kiosk.domain.id_number import IdNumber, InvalidIdNumber, PermanentResidence2017Number
from kiosk.sim.appointments import AppointmentBook, sample_start
from kiosk.sim.citizens import DECK, eid_code
from kiosk.sim.hall_queue import HallQueue
from kiosk.sim.help_desk import HelpDesk
from kiosk.sim.payment_platform import PaymentFaults, PaymentPlatform
from kiosk.sim.policies import Registered
from kiosk.sim.rating_codes import RatingCodes
from kiosk.sim.staff_directory import StaffDirectory

TYPES = {
    "business_licence": ("11100000000013127D001", "营业执照", "91440106MA5BUSI001"),
    "household_register": ("11100000000013338W002", "居民户口簿", "11440106MA5HOUSE02"),
    "marriage_certificate": ("11100000000013345W003", "结婚证", "11440106MA5MARRY03"),
    "birth_medical_certificate": ("11100000000013610W004", "出生医学证明", "12440100MA5BIRTH4"),
    "health_certificate": ("11100000000013610W005", "健康证明", "12440100MA5HEALT5"),
    "food_business_licence": ("11100000000013355W006", "食品经营许可证", "11440100MA5FOODB6"),
}


def _issuer_code(raw: str) -> str:
    return raw[:18].ljust(18, "0")


@dataclass
class Faults(PaymentFaults):
    down: bool = False
    slow_s: float = 0.0
    slow_submit_s: float = 0.0
    errors: int = 0
    drop_after_commit: int = 0
    expired_licenses: bool = False
    # that many applications standing on a paid order are refused although paid (409
    # service_not_possible): the service cannot be done, the kiosk must refund
    service_refused: int = 0


def _seed_licenses() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, c in enumerate(DECK):
        r = c.record
        kinds = ["household_register"]
        if i % 3 == 0:
            kinds.append("business_licence")
        if i % 4 == 1:
            kinds.append("marriage_certificate")
        if i % 5 == 2:
            kinds.append("health_certificate")
        if c.card_id == "wang-zhe":
            kinds.append("birth_medical_certificate")
        for k in kinds:
            type_code, name, issuer_code = TYPES[k]
            ident = make_identifier(type_code, _issuer_code(issuer_code), f"{i:04d}{len(out):04d}")
            issued = date(2020, 1, 1) + timedelta(days=37 * i)
            out.append({
                "identifier": str(ident), "name": name, "type_code": type_code,
                "number": f"{k[:2].upper()}{i:06d}", "issuer": "易办市数据局（模拟）",
                "issuer_code": _issuer_code(issuer_code), "issue_date": issued.isoformat(),
                "valid_from": issued.isoformat(),
                "valid_to": (issued + timedelta(days=3650)).isoformat(),
                "holder": r.name, "holder_code": r.id_number, "holder_code_type": "111",
                "status": "valid", "fields": {"kind": k},
            })
    return out


def _deck_records(holder: str) -> dict[str, dict[str, Any]]:
    """A sample citizen's records: insured for a few years, no criminal record."""
    months = 36 + (sum(map(ord, holder)) % 60)
    return {
        "social_insurance": {"insured_months": months, "status": "参保缴费中",
                             "insurer": "易办市社会保险事业管理局（模拟）",
                             "types": ["养老保险", "医疗保险", "失业保险"]},
        "criminal_record": {"has_record": False, "checked_from": "2008-01-01"},
    }


def _record_defaults() -> dict[str, dict[str, Any]]:
    """The fields of each record kind, where a seeded record leaves them out."""
    return {
        "social_insurance": {"insured_months": 0, "status": "未参保",
                             "insurer": "易办市社会保险事业管理局（模拟）", "types": []},
        "criminal_record": {"has_record": False, "checked_from": "2008-01-01"},
    }


RECORD_KINDS = ("social_insurance", "criminal_record")


@dataclass
class Person:
    """One person in the simulated registries."""

    id_number: str
    name: str
    sex: str  # "male" | "female"
    birth: date
    photo: int = 0  # registry photo: kiosk/sim/photos/photo-N.png; 0 = none on file
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind → record
    eid: str = ""  # the e-ID code the identity service issued them
    valid_to: date | None = None  # their identity document's last valid day (None: long-term)
    # the household register's children (their births) and a disability on record (grade 1,
    # the most severe, to 4): what 政策找人 matches besides age and insurance
    children: tuple[date, ...] = ()
    disability_grade: int | None = None

    def as_registered(self) -> Registered:
        """What the platform's policy matching knows of this person (kiosk/sim/policies.py)."""
        insurance = self.records.get("social_insurance") or {}
        return Registered(self.birth, _mainland_resident(self.id_number),
                          int(insurance.get("insured_months", 0) or 0) > 0,
                          self.children, self.disability_grade)


# 政策找人 in the demo: 王喆 has a child under three in her household register (born some ten
# months before the backend starts), 扎西顿珠 a grade 2 disability on record; 李秀英 (born 1948)
# is old enough for the old-age allowance by her birth alone
_DECK_CHILD_AGE_DAYS = {"wang-zhe": 300}
_DECK_DISABILITY = {"tashi": 2}


def _deck_people(today: date) -> dict[str, Person]:
    people = {}
    for c in DECK:
        r = c.record
        child_days = _DECK_CHILD_AGE_DAYS.get(c.card_id)
        people[r.id_number] = Person(r.id_number, r.name, r.sex.value, r.birth,
                                     photo=c.photo_index or 1,
                                     records=_deck_records(r.id_number),
                                     eid=eid_code(c.card_id), valid_to=r.valid_to,
                                     children=(today - timedelta(days=child_days),)
                                     if child_days else (),
                                     disability_grade=_DECK_DISABILITY.get(c.card_id))
    # the sample e-passport's holder: records keyed by passport number
    people["E12345678"] = Person("E12345678", "ZHANG WEI", "male", date(1985, 3, 12), photo=1,
                                 records=_deck_records("E12345678"))
    return people


def _disability_grade(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise ValueError(f"disability_grade is 1 to 4, not {value!r}")
    return value


def _seed_bookings(book: AppointmentBook, clock: KioskClock) -> None:
    """预约签到 in the demo: 张伟 booked 社会保险参保缴费证明 for the next half hour (on time
    now), 王喆 for tomorrow, 刘䶮 booked today and cancelled."""
    now = clock.now()
    soon = sample_start(now)
    title = "社会保险参保缴费证明"
    by_card = {c.card_id: c.record.id_number for c in DECK}
    book.add(by_card["zhang-wei"], "SBJF-001", title, soon)
    book.add(by_card["wang-zhe"], "SBJF-001", title, soon + timedelta(days=1))
    book.add(by_card["liu-yan"], "SBJF-001", title, soon, status="cancelled")


def person_eid(id_number: str) -> str:
    """The e-ID code the simulated identity service issues to a registered person."""
    token = base64.urlsafe_b64encode(hashlib.sha256(f"yiban-sim-person:{id_number}".encode())
                                     .digest()[:18]).decode().rstrip("=")
    return f"EID1.{token}"


def registry_number(text: str, today: date) -> tuple[str, date]:
    """A number the registries know people by, and the birth it holds: a citizen ID number
    (18, GB 11643: residents, permits, the 2023 permanent residence card) or the 15-character
    number of the 2017 permanent residence card (its two-digit year: the latest not in the
    future). InvalidIdNumber (a ValueError) for anything else."""
    try:
        number = IdNumber.parse(text)
        return number.value, number.birth
    except InvalidIdNumber:
        if len(text.strip()) != 15:
            raise
    permanent = PermanentResidence2017Number.parse(text)
    digits = permanent.birth_digits
    yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    century = 2000 if (2000 + yy, mm, dd) <= (today.year, today.month, today.day) else 1900
    return permanent.value, date(century + yy, mm, dd)


def _mainland_resident(number: str) -> bool:
    """A mainland resident's citizen ID number (not a HK/Macao/Taiwan or foreigner's one)."""
    return number[:1] in "123456" and len(number) == 18


def _household_register(person: Person) -> dict[str, Any]:
    """Every registered mainland resident has a household register (居民户口簿), and so its
    e-license: the population's default, for citizens who are not in the sample deck."""
    type_code, name, issuer_code = TYPES["household_register"]
    serial = hashlib.sha256(person.id_number.encode()).hexdigest()[:8].upper()
    ident = make_identifier(type_code, _issuer_code(issuer_code), serial)
    return {
        "identifier": str(ident), "name": name, "type_code": type_code,
        "number": f"HO{serial}", "issuer": "易办市公安局（模拟）",
        "issuer_code": _issuer_code(issuer_code), "issue_date": "2010-01-01",
        "valid_from": "2010-01-01", "valid_to": "2099-12-31",
        "holder": person.name or "（登记人）", "holder_code": person.id_number,
        "holder_code_type": "111", "status": "valid", "fields": {"kind": "household_register"},
    }


class BackendState:
    def __init__(self, db_path: Path | None = None,
                 staff: StaffDirectory | None = None, clock: KioskClock | None = None) -> None:
        # the registries' day is Beijing's: a case number carries the date it was made there
        self.clock = clock or KioskClock()
        self.faults = Faults()
        self.lock = threading.Lock()
        self.db = sqlite3.connect(str(db_path) if db_path else ":memory:",
                                  check_same_thread=False, isolation_level=None)
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS cases (case_number TEXT PRIMARY KEY, idem_key TEXT,
                service_code TEXT, item_code TEXT, status TEXT, created_at TEXT, body TEXT);
            CREATE INDEX IF NOT EXISTS cases_key ON cases(idem_key);
            CREATE TABLE IF NOT EXISTS acks (idem_key TEXT PRIMARY KEY, kind TEXT, id TEXT,
                body TEXT);
            CREATE TABLE IF NOT EXISTS licenses (identifier TEXT PRIMARY KEY, holder_code TEXT,
                body TEXT);
        """)
        self.people = _deck_people(self.clock.today())
        self.queue = HallQueue(self.clock)
        self.payments = PaymentPlatform(self.clock, self.faults)
        self.appointments = AppointmentBook(self.queue)
        _seed_bookings(self.appointments, self.clock)
        self.help_desk = HelpDesk()
        self.staff = staff or StaffDirectory()
        if not self.db.execute("SELECT 1 FROM licenses LIMIT 1").fetchone():
            self.add_licenses(_seed_licenses())
        self.counter = self.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        self.offers_asked = 0  # 政策找人 queries answered (tests: none without consent)
        self.rating_codes = RatingCodes()  # 扫码评: codes printed on receipts

    def add_licenses(self, licenses: list[dict[str, Any]]) -> None:
        with self.lock:
            for lic in licenses:
                self.db.execute("INSERT OR REPLACE INTO licenses VALUES (?, ?, ?)",
                                (lic["identifier"], lic["holder_code"],
                                 json.dumps(lic, ensure_ascii=False)))

    def add_person(self, entry: dict[str, Any]) -> Person:
        """Register (or replace) one person: POST /sim/people, with the records given (a
        kind left out: nothing on record), the children of their household register
        (`children`: their births) and a disability on record (`disability_grade`, 1-4)."""
        number, _birth = registry_number(str(entry["id_number"]), self.clock.today())
        records: dict[str, dict[str, Any]] = {}
        defaults = _record_defaults()
        for kind, data in (entry.get("records") or {}).items():
            if kind not in RECORD_KINDS:
                raise ValueError(f"unknown record kind {kind!r}")
            records[kind] = {**defaults[kind], **data}
        person = Person(number, str(entry["name"]), str(entry.get("sex", "male")),
                        date.fromisoformat(str(entry["birth"])), int(entry.get("photo", 0)),
                        records, person_eid(number),
                        date.fromisoformat(str(entry["valid_to"])) if entry.get("valid_to")
                        else None,
                        tuple(date.fromisoformat(str(b)) for b in entry.get("children") or ()),
                        _disability_grade(entry.get("disability_grade")))
        with self.lock:
            self.people[number] = person
        return person

    def person(self, holder: str) -> Person | None:
        """The registered person, or — for any other valid ID number — a person the
        registries know nothing particular about; None for a number that is not valid."""
        found = self.people.get(holder)
        if found is not None:
            return found
        try:
            number, birth = registry_number(holder, self.clock.today())
        except InvalidIdNumber:
            return None
        return Person(number, "", "", birth)

    def licenses_of(self, holder: str) -> list[dict[str, Any]]:
        """The e-licences the registries hold for `holder`: the seeded ones, and the household
        register every mainland resident has."""
        rows = self.db.execute("SELECT body FROM licenses WHERE holder_code = ?",
                               (holder,)).fetchall()
        out = [json.loads(r[0]) for r in rows]
        if not any(lic["type_code"] == TYPES["household_register"][0] for lic in out):
            person = self.person(holder)
            if person is not None and _mainland_resident(holder):
                out.append(_household_register(person))
        if self.faults.expired_licenses:
            for lic in out:
                lic["status"] = "expired"
                lic["valid_to"] = (self.clock.today() - timedelta(days=1)).isoformat()
        return out

    def cases_of(self, idempotency_key: str) -> list[str]:
        rows = self.db.execute("SELECT case_number FROM cases WHERE idem_key = ? ORDER BY "
                               "case_number", (idempotency_key,)).fetchall()
        return [r[0] for r in rows]
