"""The outbox's files on disk, checked when they are opened, and what happens when they are
damaged (a disk error, a power cut on bad storage, someone's `truncate`, a cut key file).

- `outbox.sqlite3` is checked with SQLite's own `PRAGMA quick_check` and must carry the
  database id that the marker `outbox.marker.json` (written when the database was created)
  names. A missing, empty, unreadable or foreign database where the marker says one existed
  is damage: silently starting an empty outbox would lose every pending application.
- A damaged database (with its -wal and -shm files) and, when the key itself is damaged,
  the key, are moved aside with a timestamp — never deleted, so staff or a data-recovery tool
  can still get at them —, a new outbox is started, and an alarm is written to
  `outbox.alarm.json`. The alarm stays until staff clear it (`kiosk outbox status
  --clear-alarm`); `kiosk doctor` fails while it is there, the admin outbox page and the
  metrics show it.
- `inspect_outbox` looks without changing anything, for `kiosk doctor`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DB_NAME = "outbox.sqlite3"
MARKER_NAME = "outbox.marker.json"
ALARM_NAME = "outbox.alarm.json"
_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class OutboxDamage:
    """What was found, when, and where the damaged files were put."""

    problem: str
    at: float
    kept_as: list[str]

    def one_line(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.at))
        kept = ", ".join(self.kept_as) or "nothing left to keep"
        return (f"ALARM: the outbox was damaged ({self.problem}) and a new one was started "
                f"at {when}; the damaged files are kept as {kept}")

    def as_json(self) -> dict[str, Any]:
        return {"problem": self.problem, "at": self.at, "kept_as": self.kept_as}


def _write_json(path: Path, value: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(value, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def read_alarm(data_dir: Path) -> OutboxDamage | None:
    raw = _read_json(data_dir / ALARM_NAME)
    if raw is None:
        return None
    return OutboxDamage(str(raw.get("problem", "unknown")), float(raw.get("at", 0) or 0),
                        [str(k) for k in raw.get("kept_as", []) if isinstance(k, str)])


def clear_alarm(data_dir: Path) -> bool:
    try:
        (data_dir / ALARM_NAME).unlink()
    except FileNotFoundError:
        return False
    return True


def _expected_id(data_dir: Path) -> str | None:
    marker = _read_json(data_dir / MARKER_NAME)
    return str(marker["db_id"]) if marker and isinstance(marker.get("db_id"), str) else None


def _problem_with(db: sqlite3.Connection, expected_id: str | None) -> str | None:
    """Why the open database cannot be trusted, or None."""
    try:
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            return f"SQLite integrity check: {str(check[0] if check else 'no answer')[:80]}"
        has_meta = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                              "name = 'outbox_meta'").fetchone()
        found = db.execute("SELECT value FROM outbox_meta WHERE key = 'db_id'").fetchone() \
            if has_meta else None
    except sqlite3.DatabaseError as exc:
        return f"unreadable database: {exc}"
    if expected_id is not None and (found is None or found[0] != expected_id):
        return "the database is not the one this kiosk created (empty or replaced)"
    return None


def inspect_outbox(data_dir: Path) -> str | None:
    """Read-only: what is wrong with the outbox on disk now, or None. Also reports a standing
    alarm from an earlier repair."""
    alarm = read_alarm(data_dir)
    if alarm is not None:
        return alarm.one_line()
    key = data_dir / "keys" / "outbox.key"
    if key.exists() and key.stat().st_size != 32:
        return "the outbox key file is damaged (not 32 bytes)"
    path = data_dir / DB_NAME
    expected = _expected_id(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        return "the outbox database is missing or empty" if expected else None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"the outbox database cannot be opened: {exc}"
    try:
        problem = _problem_with(db, expected)
    finally:
        db.close()
    return f"the outbox database is damaged: {problem}" if problem else None


def _set_aside(paths: list[Path], stamp: str) -> list[str]:
    kept = []
    for p in paths:
        if p.exists():
            target = p.with_name(f"{p.name}.damaged-{stamp}")
            os.replace(p, target)
            kept.append(target.name)
    return kept


def raise_alarm(data_dir: Path, problem: str, set_aside: list[Path]) -> OutboxDamage:
    """Move the damaged files aside, record the alarm, and say what happened."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    damage = OutboxDamage(problem, time.time(), _set_aside(set_aside, stamp))
    _write_json(data_dir / ALARM_NAME, damage.as_json())
    return damage


def db_files(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + s) for s in _SIDE_FILES)]


def open_database(path: Path, schema: str) -> tuple[sqlite3.Connection, OutboxDamage | None]:
    """The outbox database at `path`, checked; a damaged one is set aside (alarm raised) and
    a new one created. Returns the connection and the damage found, if any."""
    data_dir = path.parent
    expected = _expected_id(data_dir)
    damage: OutboxDamage | None = None
    problem: str | None = None
    if expected is not None and (not path.exists() or path.stat().st_size == 0):
        problem = "the database file is missing or empty"
    elif path.exists():
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        problem = _problem_with(db, expected)
        db.close()
    if problem is not None:
        damage = raise_alarm(data_dir, problem, db_files(path))
    fresh = not path.exists()
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(schema + "\nCREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, "
                     "value TEXT NOT NULL);")
    row = db.execute("SELECT value FROM outbox_meta WHERE key = 'db_id'").fetchone()
    if row is None:
        db_id = uuid.uuid4().hex
        db.execute("INSERT INTO outbox_meta (key, value) VALUES ('db_id', ?)", (db_id,))
    else:
        db_id = str(row[0])
    if fresh or expected != db_id:
        _write_json(data_dir / MARKER_NAME, {"db_id": db_id, "created": time.time()})
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return db, damage
