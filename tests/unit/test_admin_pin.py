"""Staff PINs: slow hashes only, sealed under the kiosk's pin.key, lockout timings on an
injected clock, audit records. Most stores here hash at a low scrypt cost (a record names its
own cost), so the timings stay cheap; the first test checks the production cost."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kiosk.admin.audit import AuditLog
from kiosk.admin.pin import (
    FREE_ATTEMPTS,
    PIN_HISTORY,
    SCRYPT_N,
    PinKeyMismatch,
    PinStore,
    PinStoreDamaged,
    WeakPin,
    lockout_after,
)
from kiosk.events import EventId

KEY = bytes(range(32))  # this kiosk's pin.key
FAST = 2**10  # scrypt cost for the stores of these tests


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> tuple[PinStore, Clock]:
    clock = Clock()  # time passing: both the wall clock and the monotonic clock move
    s = PinStore(tmp_path / "admin" / "pins.json", clock, monotonic=clock,
                 boot_id=lambda: "boot-1", key=KEY, scrypt_n=FAST)
    s.set_pin("staff-01", "482913")
    return s, clock


def test_only_a_salted_slow_hash_is_stored_sealed(tmp_path: Path) -> None:
    s = PinStore(tmp_path / "admin" / "pins.json", key=KEY)  # the production cost
    s.set_pin("staff-01", "482913")
    raw = (tmp_path / "admin" / "pins.json").read_text()
    assert "482913" not in raw
    rec = json.loads(raw)["staff"]["staff-01"]
    assert rec["n"] == SCRYPT_N == 2**15
    assert len(bytes.fromhex(rec["sealed"])) == 12 + 32 + 16  # nonce, hash, tag
    assert len(bytes.fromhex(rec["salt"])) == 16
    assert (tmp_path / "admin" / "pins.json").stat().st_mode & 0o077 == 0
    assert s.check("482913").staff_id == "staff-01"


def test_pins_json_alone_verifies_no_pin(store, tmp_path: Path) -> None:
    path = tmp_path / "admin" / "pins.json"
    raw = path.read_text()
    rec = json.loads(raw)["staff"]["staff-01"]
    # whoever has the file and the right guess computes the hash a plain store would hold...
    guess = hashlib.scrypt(b"482913", salt=bytes.fromhex(rec["salt"]), n=rec["n"], r=8, p=1,
                           dklen=32)
    assert guess.hex() not in raw  # ...and finds nothing in the file to compare it with
    # another kiosk's pin.key opens nothing in it: the right PIN verifies nothing
    elsewhere = PinStore(path, key=bytes(32))
    with pytest.raises(PinKeyMismatch):
        elsewhere.check("482913")
    s, _ = store
    assert s.check("482913").ok  # with this kiosk's key it does


def test_an_older_store_of_plain_hashes_is_sealed_when_first_read(tmp_path: Path) -> None:
    path = tmp_path / "pins.json"
    salt = bytes(range(16))
    plain = hashlib.scrypt(b"482913", salt=salt, n=SCRYPT_N, r=8, p=1, maxmem=64 * 2**20,
                           dklen=32)
    path.write_text(json.dumps({"staff": {"staff-01": {"salt": salt.hex(), "hash": plain.hex(),
                                                       "set_at": 1.0}}, "failures": 0}))
    s = PinStore(path, key=KEY)
    assert s.configured
    assert plain.hex() not in path.read_text()
    assert s.check("482913").staff_id == "staff-01"


def test_a_pin_among_the_last_five_is_refused(store) -> None:
    s, _ = store
    pins = ["482913", "570264", "619358", "730491", "846152"]
    for pin in pins[1:]:
        s.set_pin("staff-01", pin)
    assert len(pins) == PIN_HISTORY
    for pin in pins:  # the current one and the four before it
        with pytest.raises(WeakPin, match="last 5"):
            s.set_pin("staff-01", pin)
    s.set_pin("staff-02", "482913")  # another staff member's history is their own
    s.set_pin("staff-01", "935827")
    s.set_pin("staff-01", "482913")  # six PINs ago: allowed again
    assert s.check("482913").staff_id == "staff-01"


def test_set_pin_over_a_store_sealed_with_another_key_starts_anew(store,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "admin" / "pins.json"
    other_kiosk = PinStore(path, key=bytes(32), scrypt_n=FAST)
    kept = other_kiosk.set_pin("staff-09", "573920")
    assert kept is not None
    assert kept.name.startswith("pins.json.damaged-")
    assert other_kiosk.check("573920").staff_id == "staff-09"


@pytest.mark.parametrize("pin", ["1234", "111111", "123456", "654321", "12a456", "",
                                 "121212", "123123", "100100", "111222", "112233", "998877",
                                 "12341234", "212122"])
def test_weak_pins_are_refused(store, pin: str) -> None:
    s, _ = store
    with pytest.raises(WeakPin):
        s.set_pin("staff-02", pin)


@pytest.mark.parametrize("pin", ["573920", "135792", "58203719", "904213"])
def test_pins_without_a_pattern_are_accepted(store, pin: str) -> None:
    s, _ = store
    s.set_pin("staff-02", pin)
    assert s.check(pin).staff_id == "staff-02"


def test_free_attempts_then_a_doubling_lockout(store) -> None:
    s, clock = store
    for i in range(FREE_ATTEMPTS - 1):
        r = s.check("000001")
        assert not r.ok
        assert r.locked_for_s == 0
        assert r.attempts_left == FREE_ATTEMPTS - 1 - i
    r = s.check("000001")                      # the fifth wrong PIN locks
    assert r.locked_for_s == 15
    assert not s.check("482913").ok            # locked: even the right PIN is not tried
    clock.now += 14.9
    assert s.locked_for() > 0
    clock.now += 0.2
    assert s.check("000002").locked_for_s == 30   # and each further miss doubles it
    clock.now += 30.1
    assert s.check("000003").locked_for_s == 60
    clock.now += 60.1
    r = s.check("482913")
    assert r.ok                                # the right PIN after the lockout resets it
    assert s.check("000004").locked_for_s == 0


def test_lockout_survives_a_restart(store, tmp_path: Path) -> None:
    s, clock = store
    for _ in range(FREE_ATTEMPTS):
        s.check("999990")
    again = PinStore(tmp_path / "admin" / "pins.json", clock, monotonic=clock,
                     boot_id=lambda: "boot-1", key=KEY)
    assert again.locked_for() == pytest.approx(15)


def test_lockout_schedule() -> None:
    assert [lockout_after(n) for n in range(4, 9)] == [0, 15, 30, 60, 120]
    assert lockout_after(100) == 3600


def test_audit_records_actions_with_event_id_and_staff(tmp_path: Path) -> None:
    clock = Clock()
    audit = AuditLog(tmp_path / "audit.jsonl", clock)
    audit.record(EventId.ADMIN_LOGIN, "staff-01", "login")
    clock.now += 5
    audit.record(EventId.ADMIN_REPRINT, "staff-01", "reprint", case_number="YB1")
    entries = audit.entries()
    assert [e["action"] for e in entries] == ["login", "reprint"]
    assert entries[1] == {"ts": 1_000_005.0, "event_id": 7012, "staff_id": "staff-01",
                          "action": "reprint", "case_number": "YB1"}


def lock_once(tmp_path: Path, wall: Clock, mono: Clock, boot: list[str]) -> PinStore:
    s = PinStore(tmp_path / "pins.json", wall, monotonic=mono, boot_id=lambda: boot[0],
                 key=KEY, scrypt_n=FAST)
    s.set_pin("staff-01", "482913")
    for _ in range(FREE_ATTEMPTS):
        s.check("000001")
    assert s.locked_for() == pytest.approx(15)
    return s


def test_the_wall_clock_set_ahead_and_back_never_lengthens_a_lockout(tmp_path: Path) -> None:
    wall, mono, boot = Clock(), Clock(), ["boot-1"]
    s = lock_once(tmp_path, wall, mono, boot)
    wall.now += 3 * 365 * 86400  # someone sets the clock three years ahead...
    assert s.locked_for() == pytest.approx(15)  # (monotonic time counts within a boot)
    wall.now -= 3 * 365 * 86400 + 86400  # ...then a day before the lockout began
    assert s.locked_for() == pytest.approx(15)
    mono.now += 15.1
    assert s.locked_for() == 0
    assert s.check("482913").ok


def test_after_a_reboot_the_lockout_is_at_most_its_length(tmp_path: Path) -> None:
    wall, mono, boot = Clock(), Clock(), ["boot-1"]
    s = lock_once(tmp_path, wall, mono, boot)
    boot[0], mono.now = "boot-2", 3.0  # a new boot: the monotonic clock starts again
    wall.now -= 10 * 365 * 86400  # and the RTC came back a decade early
    assert s.locked_for() == pytest.approx(15)
    wall.now += 10 * 365 * 86400 + 20
    assert s.locked_for() == 0


@pytest.mark.parametrize("content", ["{not json", "[]", '{"staff": []}',
                                     '{"staff": {"a": {"salt": "zz", "hash": "00"}}}',
                                     '{"staff": {}, "failures": -1}',
                                     '{"staff": {}, "lock": {"length_s": "x"}}', "\x00\xff"])
def test_a_damaged_pin_store_is_a_typed_error_and_set_pin_starts_anew(
        tmp_path: Path, content: str) -> None:
    path = tmp_path / "pins.json"
    path.write_text(content)
    s = PinStore(path, key=KEY, scrypt_n=FAST)
    with pytest.raises(PinStoreDamaged):
        s.check("482913")
    with pytest.raises(PinStoreDamaged):
        _ = s.configured
    s.set_pin("staff-01", "482913")  # what `kiosk admin set-pin` does over SSH
    assert s.check("482913").ok
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("pins.json.damaged-")]
