"""The simulated government backend (`kiosk sim backend`): the gateway contract
(kiosk/services/gateway.yaml) over SQLite, seeded with the ID-card simulator's sample citizens,
their e-licenses and records. `kiosk run --simulate` starts it on loopback.

Faults, set with POST /sim/faults (JSON): {"down": true} answers 503 to everything but /sim;
{"slow_s": 2.5} delays every answer; {"slow_submit_s": 20} only the answers to application
submissions (a backend that hangs at the worst moment of a visit); {"errors": 3} answers the
next 3 requests with 500; {"drop_after_commit": 1} processes the next submission, commits it,
then drops the connection mid-answer; {"expired_licenses": true} serves every license as
expired. POST /sim/licenses seeds extra e-licenses for one run (scenarios); GET /sim/cases
lists the cases (tests).

The population: every person with a valid ID number exists, as in a real registry; of most
the registries hold nothing (a record answer with `data: null`: no criminal record, never
insured — an answer, not an error). The sample deck's citizens have records, and POST
/sim/people registers people (scenario citizens) with a registry photo, an e-ID code and the
records given (any kind not given: nothing on record). Remote face
verification compares the live JPEG with the registry photo of that number using the real face
engine; no registry photo, or no match, does not pass. The sample world has two faces
(kiosk/sim/photos/photo-1.png, photo-2.png): deck citizens without a card photo are registered
with the first.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import sqlite3
import threading
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from kiosk.domain.clock import KioskClock
from kiosk.domain.elicense import make_identifier
from kiosk.domain.id_number import IdNumber, InvalidIdNumber, PermanentResidence2017Number
from kiosk.sim.citizens import DECK, eid_code
from kiosk.sim.contract_check import EXCEPTION_HANDLERS, checked, problem
from kiosk.sim.hall_queue import HallQueue
from kiosk.sim.help_desk import HelpDesk
from kiosk.sim.staff_console import staff_console_html

# type codes: a defining body's credit code (18) + a 3-digit number
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
class Faults:
    down: bool = False
    slow_s: float = 0.0
    slow_submit_s: float = 0.0
    errors: int = 0
    drop_after_commit: int = 0
    expired_licenses: bool = False


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


# the staff console's token in the simulation (a province's console authenticates its own way)
SIM_STAFF_TOKEN = "sim-staff"  # noqa: S105 (a simulation's known token, not a secret)
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


def _deck_people() -> dict[str, Person]:
    people = {}
    for c in DECK:
        r = c.record
        people[r.id_number] = Person(r.id_number, r.name, r.sex.value, r.birth,
                                     photo=c.photo_index or 1,
                                     records=_deck_records(r.id_number),
                                     eid=eid_code(c.card_id), valid_to=r.valid_to)
    # the sample e-passport's holder: records keyed by passport number
    people["E12345678"] = Person("E12345678", "ZHANG WEI", "male", date(1985, 3, 12), photo=1,
                                 records=_deck_records("E12345678"))
    return people


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
    def __init__(self, db_path: Path | None = None, staff_token: str = SIM_STAFF_TOKEN,
                 clock: KioskClock | None = None) -> None:
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
        self.people = _deck_people()
        self.queue = HallQueue(self.clock)
        self.help_desk = HelpDesk()
        self.staff_token = staff_token
        if not self.db.execute("SELECT 1 FROM licenses LIMIT 1").fetchone():
            self.add_licenses(_seed_licenses())
        self.counter = self.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]

    def add_licenses(self, licenses: list[dict[str, Any]]) -> None:
        with self.lock:
            for lic in licenses:
                self.db.execute("INSERT OR REPLACE INTO licenses VALUES (?, ?, ?)",
                                (lic["identifier"], lic["holder_code"],
                                 json.dumps(lic, ensure_ascii=False)))

    def add_person(self, entry: dict[str, Any]) -> Person:
        """Register (or replace) one person: POST /sim/people, with the records given (a
        kind left out: nothing on record)."""
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
                        else None)
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


_problem = problem


def create_app(state: BackendState | None = None) -> Starlette:
    st = state or BackendState()

    @checked("/v1/health", "get")
    async def health(_r: Request) -> Response:
        return JSONResponse({"status": "ok"})

    def licenses_of(holder: str) -> list[dict[str, Any]]:
        rows = st.db.execute("SELECT body FROM licenses WHERE holder_code = ?",
                             (holder,)).fetchall()
        out = [json.loads(r[0]) for r in rows]
        if not any(lic["type_code"] == TYPES["household_register"][0] for lic in out):
            person = st.person(holder)
            if person is not None and _mainland_resident(holder):
                out.append(_household_register(person))
        if st.faults.expired_licenses:
            for lic in out:
                lic["status"] = "expired"
                lic["valid_to"] = (st.clock.today() - timedelta(days=1)).isoformat()
        return out

    @checked("/v1/licenses/search", "post")
    async def search(r: Request) -> Response:
        body = r.state.body
        if not body.get("purpose"):
            return _problem(400, "purpose_required", "a purpose must be stated")
        lics = licenses_of(str(body.get("holder_code", "")))
        types = body.get("type_codes")
        if types:
            lics = [x for x in lics if x["type_code"] in types]
        return JSONResponse({"licenses": lics})

    @checked("/v1/licenses/pull", "post")
    async def pull(r: Request) -> Response:
        body = r.state.body
        for lic in licenses_of(str(body.get("holder_code", ""))):
            if lic["identifier"] == body.get("identifier"):
                if lic["status"] != "valid":
                    return _problem(409, "license_expired", "this e-license is not valid now")
                expires = datetime.now(UTC) + timedelta(days=30)
                return JSONResponse({"license": lic, "copy": {
                    "maker": "易办自助终端", "purpose": body.get("purpose", ""),
                    "expires_at": expires.isoformat(), "reference": uuid.uuid4().hex}})
        return _problem(404, "license_not_found", "no such e-license for this holder")

    @checked("/v1/records/{kind}", "post")
    async def record(r: Request) -> Response:
        kind = r.path_params["kind"]
        body = r.state.body
        holder = str(body.get("holder_code", ""))
        if kind not in RECORD_KINDS:
            return _problem(404, "unknown_record", "no such record kind")
        person = st.person(holder)
        if person is None:
            return _problem(404, "holder_not_found", "no such person")
        return JSONResponse({"kind": kind, "holder_code": holder,
                             "issued_at": datetime.now(UTC).isoformat(),
                             "data": person.records.get(kind)})

    def find_cases(key: str) -> list[str]:
        rows = st.db.execute("SELECT case_number FROM cases WHERE idem_key = ? ORDER BY "
                             "case_number", (key,)).fetchall()
        return [r[0] for r in rows]

    @checked("/v1/applications", "post")
    async def submit(r: Request) -> Response:
        key = r.headers["Idempotency-Key"]
        body = r.state.body
        items = body["item_codes"]
        decision = body.get("decision", "review")
        status = "approved" if decision == "approved" else "under_review"
        with st.lock:
            existing = find_cases(key)
            if existing:
                return JSONResponse({"case_numbers": existing, "status": status}, 200)
            numbers = []
            by_item: dict[str, str] = {}
            stands_on = {link["item_code"]: link["depends_on_item_code"]
                         for link in body.get("links") or []}
            for item in items:
                st.counter += 1
                number = f"{st.clock.now():%Y%m%d}{st.counter:06d}"
                by_item[item] = number
                depends_on = by_item.get(stands_on.get(item, ""))
                st.db.execute("INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (number, key, body.get("service_code", ""), item, status,
                               datetime.now(UTC).isoformat(),
                               json.dumps({"form_fields": sorted(body.get("form", {})),
                                           "depends_on": depends_on,
                                           "signed_with": (body.get("commitment") or {})
                                           .get("signed_with")})))
                numbers.append(number)
        return JSONResponse({"case_numbers": numbers, "status": status}, 201)

    @checked("/v1/cases/{case_number}", "get")
    async def case(r: Request) -> Response:
        row = st.db.execute("SELECT case_number, status, created_at, body FROM cases WHERE "
                            "case_number = ?", (r.path_params["case_number"],)).fetchone()
        if row is None:
            return _problem(404, "case_not_found", "no such case")
        answer = {"case_number": row[0], "status": row[1], "updated_at": row[2]}
        depends_on = json.loads(row[3]).get("depends_on")
        if depends_on:
            answer["depends_on"] = depends_on
        return JSONResponse(answer)

    def ack(kind: str, path: str) -> Callable[[Request], Awaitable[Response]]:
        @checked(path, "post")  # the contract checks the level and that 1 and 2 give a reason
        async def handler(r: Request) -> Response:
            key = r.headers["Idempotency-Key"]
            body = r.state.body
            with st.lock:
                row = st.db.execute("SELECT id FROM acks WHERE idem_key = ?", (key,)).fetchone()
                if row:
                    return JSONResponse({"id": row[0]}, 200)
                ack_id = uuid.uuid4().hex[:12]
                st.db.execute("INSERT INTO acks VALUES (?, ?, ?, ?)",
                              (key, kind, ack_id, json.dumps(body, ensure_ascii=False)))
            return JSONResponse({"id": ack_id}, 201)
        return handler

    @checked("/v1/face/verify", "post")
    async def face(r: Request) -> Response:
        # Compares the live JPEG with the registry photo of that number, with the kiosk's
        # own face engine (shared within the process): no photo on file, no pass.
        body = r.state.body
        person = st.people.get(str(body.get("id_number", "")))
        passed = False
        if person is not None and person.photo and body.get("liveness_passed"):
            try:
                live = base64.b64decode(str(body.get("live_jpeg_b64", "")), validate=True)
            except ValueError:
                return _problem(400, "bad_jpeg", "live_jpeg_b64 is not base64")
            # imported here: the face engine (OpenCV) loads with the first check, not with the
            # kiosk that starts this backend (startup_first_frame_s)
            from kiosk.sim.registry_faces import registry_match

            passed = await asyncio.to_thread(registry_match, person.photo, live)
        return JSONResponse({"passed": passed, "reference": uuid.uuid4().hex})

    @checked("/v1/identity/eid", "post")
    async def resolve_eid(r: Request) -> Response:
        # An e-ID code (电子身份码) names a citizen without carrying their data: the identity
        # service answers with the registered identity.
        code = str(r.state.body.get("code", ""))
        found = next((p for p in list(st.people.values()) if p.eid and p.eid == code), None)
        if found is None:
            return _problem(404, "unknown_code", "this code is not a valid e-ID code")
        answer = {"name": found.name, "id_number": found.id_number, "sex": found.sex,
                  "birth": found.birth.isoformat(), "nationality": "CHN"}
        if found.valid_to is not None:
            answer["valid_to"] = found.valid_to.isoformat()
        return JSONResponse(answer)

    @checked("/v1/queue/tickets", "post")
    async def take_ticket(r: Request) -> Response:
        ticket, new = st.queue.take(str(r.state.body["service_code"]),
                                    r.headers["Idempotency-Key"])
        return JSONResponse(ticket, 201 if new else 200)

    @checked("/v1/queue/call-next", "post")
    async def call_next(r: Request) -> Response:
        if not hmac.compare_digest(r.headers["X-Staff-Token"], st.staff_token):
            return _problem(401, "not_staff", "a valid staff token is needed")
        called = st.queue.call_next(str(r.state.body["group"]), str(r.state.body["counter"]))
        if called is None:
            return _problem(404, "unknown_group", "no such counter group")
        return JSONResponse(called)

    def is_staff(r: Request) -> bool:
        return hmac.compare_digest(r.headers.get("X-Staff-Token", ""), st.staff_token)

    @checked("/v1/help/requests", "post")
    async def request_help(r: Request) -> Response:
        return JSONResponse(st.help_desk.create(r.state.body), 201)

    @checked("/v1/help/requests", "get")
    async def list_help(r: Request) -> Response:
        if not is_staff(r):
            return _problem(401, "not_staff", "a valid staff token is needed")
        return JSONResponse({"requests": st.help_desk.open_requests()})

    @checked("/v1/help/requests/{request_id}", "get")
    async def help_status(r: Request) -> Response:
        found = st.help_desk.get(r.path_params["request_id"])
        return JSONResponse(found) if found else _problem(404, "unknown_request", "no such "
                                                          "help request")

    @checked("/v1/help/requests/{request_id}", "delete")
    async def cancel_help(r: Request) -> Response:
        found = st.help_desk.cancel(r.path_params["request_id"])
        return JSONResponse(found) if found else _problem(404, "unknown_request", "no such "
                                                          "help request")

    @checked("/v1/help/requests/{request_id}/accept", "post")
    async def accept_help(r: Request) -> Response:
        if not is_staff(r):
            return _problem(401, "not_staff", "a valid staff token is needed")
        found = st.help_desk.accept(r.path_params["request_id"],
                                    str(r.state.body["staff_name"]))
        return JSONResponse(found) if found else _problem(404, "unknown_request", "no such "
                                                          "help request")

    def call_answer(r: Request, found: dict[str, Any] | str | None) -> Response:
        if found is None or found == "unknown_request":
            return _problem(404, "unknown_request", "no such help request")
        if isinstance(found, str):
            return _problem(409, found, "this request carries no call in that state")
        return JSONResponse(found)

    @checked("/v1/help/requests/{request_id}/call", "get")
    async def call_status(r: Request) -> Response:
        return call_answer(r, st.help_desk.call(r.path_params["request_id"]))

    @checked("/v1/help/requests/{request_id}/call/offer", "put")
    async def call_offer(r: Request) -> Response:
        return call_answer(r, st.help_desk.describe(r.path_params["request_id"], "offer",
                                                    r.state.body))

    @checked("/v1/help/requests/{request_id}/call/answer", "put")
    async def call_reply(r: Request) -> Response:
        if not is_staff(r):
            return _problem(401, "not_staff", "a valid staff token is needed")
        return call_answer(r, st.help_desk.describe(r.path_params["request_id"], "answer",
                                                    r.state.body))

    @checked("/v1/help/requests/{request_id}/call/hangup", "post")
    async def call_hangup(r: Request) -> Response:
        found = st.help_desk.hang_up(r.path_params["request_id"])
        return JSONResponse(found) if found else _problem(404, "unknown_request", "no such "
                                                          "help request")

    def by_method(**handlers: Callable[[Request], Awaitable[Response]]
                  ) -> Callable[[Request], Awaitable[Response]]:
        async def dispatch(r: Request) -> Response:
            return await handlers[r.method](r)
        return dispatch

    async def console(_r: Request) -> Response:
        return HTMLResponse(staff_console_html())

    async def set_faults(r: Request) -> Response:
        body = await r.json()
        for k, v in body.items():
            if hasattr(st.faults, k):
                setattr(st.faults, k, v)
        return JSONResponse(st.faults.__dict__)

    async def seed(r: Request) -> Response:
        st.add_licenses((await r.json())["licenses"])
        return JSONResponse({"ok": True})

    async def people(r: Request) -> Response:
        try:
            added = [st.add_person(e) for e in (await r.json())["people"]]
        except (KeyError, TypeError, ValueError) as exc:  # InvalidIdNumber is a ValueError
            return _problem(400, "bad_person", f"not a person entry: {exc}")
        return JSONResponse({"eid_codes": {p.id_number: p.eid for p in added}})

    async def cases(_r: Request) -> Response:
        rows = st.db.execute("SELECT case_number, idem_key, item_code, status, body FROM cases "
                             "ORDER BY case_number").fetchall()
        return JSONResponse({"cases": [{"case_number": a, "idempotency_key": b, "item_code": c,
                                        "status": d,
                                        "signed_with": json.loads(e).get("signed_with")}
                                       for a, b, c, d, e in rows]})

    app = Starlette(exception_handlers=EXCEPTION_HANDLERS, routes=[
        Route("/v1/health", health),
        Route("/v1/licenses/search", search, methods=["POST"]),
        Route("/v1/licenses/pull", pull, methods=["POST"]),
        Route("/v1/records/{kind}", record, methods=["POST"]),
        Route("/v1/applications", submit, methods=["POST"]),
        Route("/v1/cases/{case_number}", case),
        Route("/v1/ratings", ack("rating", "/v1/ratings"), methods=["POST"]),
        Route("/v1/feedback", ack("feedback", "/v1/feedback"), methods=["POST"]),
        Route("/v1/face/verify", face, methods=["POST"]),
        Route("/v1/identity/eid", resolve_eid, methods=["POST"]),
        Route("/v1/queue/tickets", take_ticket, methods=["POST"]),
        Route("/v1/queue/call-next", call_next, methods=["POST"]),
        # one route a path (a 405's Allow header then names every method of the path)
        Route("/v1/help/requests", by_method(POST=request_help, GET=list_help),
              methods=["GET", "POST"]),
        Route("/v1/help/requests/{request_id}", by_method(GET=help_status, DELETE=cancel_help),
              methods=["GET", "DELETE"]),
        Route("/v1/help/requests/{request_id}/accept", accept_help, methods=["POST"]),
        Route("/v1/help/requests/{request_id}/call", call_status),
        Route("/v1/help/requests/{request_id}/call/offer", call_offer, methods=["PUT"]),
        Route("/v1/help/requests/{request_id}/call/answer", call_reply, methods=["PUT"]),
        Route("/v1/help/requests/{request_id}/call/hangup", call_hangup, methods=["POST"]),
        Route("/console", console),
        Route("/sim/faults", set_faults, methods=["POST"]),
        Route("/sim/licenses", seed, methods=["POST"]),
        Route("/sim/people", people, methods=["POST"]),
        Route("/sim/cases", cases),
    ])
    return _FaultLayer(app, st)  # type: ignore[return-value]


class _FaultLayer:
    """ASGI wrapper that applies the scripted faults around the real handlers."""

    def __init__(self, app: Starlette, state: BackendState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/sim"):
            await self.app(scope, receive, send)
            return
        f = self.state.faults
        if f.slow_s:
            await asyncio.sleep(f.slow_s)
        if f.slow_submit_s and scope.get("path") == "/v1/applications":
            await asyncio.sleep(f.slow_submit_s)
        if f.down:
            await _problem(503, "down", "the backend is down (simulated)", True)(
                scope, receive, send)
            return
        if f.errors > 0:
            f.errors -= 1
            await _problem(500, "server_error", "simulated failure", True)(scope, receive, send)
            return
        if f.drop_after_commit > 0 and scope["path"] == "/v1/applications":
            f.drop_after_commit -= 1

            async def send_then_drop(message: MutableMapping[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    await send(message)
                    raise ConnectionAbortedError("simulated: dropped after processing")
            await self.app(scope, receive, send_then_drop)
            return
        await self.app(scope, receive, send)


class BackendServer:
    """The simulated backend on loopback in a background thread (uvicorn)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 db_path: Path | None = None, clock: KioskClock | None = None) -> None:
        import socket

        self.state = BackendState(db_path, clock=clock)
        self.host = host
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # accepted connections inherit it: answers are not held back by Nagle + delayed ACK
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock.bind((host, port))
        # listening now holds the port: with SO_REUSEADDR two servers can both bind a port
        # that no one listens on yet, and the later one's listen, in its thread, failed
        # unseen (two kiosks started at once; one was left without a backend)
        try:
            self._sock.listen(128)
        except OSError:
            self._sock.close()
            raise
        self.port = self._sock.getsockname()[1]
        self._thread: threading.Thread | None = None
        self._server: Any = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        import uvicorn

        config = uvicorn.Config(create_app(self.state), log_level="warning", lifespan="off",
                                access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True,
                                        name="sim-backend")
        self._thread.start()
        import time

        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            if not self._thread.is_alive():
                break
            time.sleep(0.01)
        if not self._server.started:
            self.stop()
            raise RuntimeError(f"simulated backend did not start on {self.url}")

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(5)
        self._sock.close()
