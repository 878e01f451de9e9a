"""The simulated backend models a population: every valid ID number is a person with plain
records, seeded people override them, and remote face verification compares the live face with
the registry photo of that number on the real face engine."""

from __future__ import annotations

import base64
from datetime import date
from importlib import resources

import httpx

from kiosk.domain.id_number import make_id_number
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card

STRANGER = make_id_number("320102", date(1970, 1, 1), 55)  # in no deck, no seed


def post(backend: BackendServer, path: str, **kw: object) -> httpx.Response:
    """As a kiosk (its certificate, over mutual TLS)."""
    with backend.client("T") as kiosk:
        return kiosk.post(path, **kw)  # type: ignore[arg-type]


def _record(backend: BackendServer, kind: str, holder: str) -> httpx.Response:
    return post(backend, f"/v1/records/{kind}", json={"holder_code": holder,
                      "purpose": "test"}, headers={"X-Kiosk-Id": "T"}, timeout=10)


def _face(name: str) -> str:
    data = resources.files("kiosk.sim").joinpath(f"faces/{name}.jpg").read_bytes()
    return base64.b64encode(data).decode()


def _verify(backend: BackendServer, id_number: str, face: str) -> bool:
    r = post(backend, "/v1/face/verify", json={
        "kiosk_id": "T", "credential": "qr", "id_number": id_number, "name": "x",
        "live_jpeg_b64": _face(face), "liveness_passed": True}, timeout=60)
    assert r.status_code == 200, r.text
    return bool(r.json()["passed"])


def test_any_valid_number_is_a_person_with_nothing_on_record(backend) -> None:
    r = _record(backend, "criminal_record", STRANGER)
    assert r.status_code == 200
    assert r.json()["data"] is None  # nothing on record: an answer
    r = _record(backend, "social_insurance", STRANGER)
    assert r.json()["data"] is None
    wrong_check = STRANGER[:-1] + ("1" if STRANGER[-1] == "0" else "0")
    assert _record(backend, "criminal_record", wrong_check).status_code == 404
    # a 2017 permanent residence card's 15-character number is a person too (it was 404:
    # the holder was sent to a counter where the 2023 card's holder got an answer)
    r = _record(backend, "criminal_record", "FRA440088123001")
    assert r.status_code == 200
    assert r.json()["data"] is None
    assert _record(backend, "criminal_record", "FRA440088133001").status_code == 404  # 13th month


def test_seeded_records_override_the_plain_ones(backend) -> None:
    r = post(backend, "/sim/people", json={"people": [{
        "id_number": STRANGER, "name": "测试", "sex": "male", "birth": "1970-01-01",
        "photo": 2, "records": {"criminal_record": {"has_record": True}}}]}, timeout=10)
    assert r.status_code == 200
    code = r.json()["eid_codes"][STRANGER]
    assert _record(backend, "criminal_record", STRANGER).json()["data"]["has_record"] is True
    assert _record(backend, "social_insurance", STRANGER).json()["data"] is None
    who = post(backend, "/v1/identity/eid", json={"kiosk_id": "T", "code": code},
                     timeout=10)
    assert who.status_code == 200
    assert who.json()["id_number"] == STRANGER
    bad = post(backend, "/sim/people", json={"people": [{"id_number": "123"}]},
                     timeout=10)
    assert bad.status_code == 400


def test_remote_face_verification_compares_with_the_registry_photo(backend) -> None:
    zhang = card("zhang-wei").record.id_number  # registry photo 1: the genuine-a/b person
    assert _verify(backend, zhang, "genuine-b")
    assert not _verify(backend, zhang, "impostor")
    assert not _verify(backend, STRANGER, "genuine-b")  # no registry photo on file
