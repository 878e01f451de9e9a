"""The outbox: an application is here, encrypted and on disk, before the citizen is told it
was submitted; an uploader sends it with its idempotency key until the backend acknowledges.

- SQLite in WAL mode with synchronous=FULL: a committed write survives a power cut.
- Payloads are AES-256-GCM under the credential `outbox.key` (sealed to the machine on a kiosk,
  a plain file in development: kiosk/credentials.py); the row id and kind are associated
  data. Metadata columns hold no personal data.
- One uploader; transient failures back off exponentially with jitter; permanent refusals
  (4xx) count towards a dead letter after `max_permanent_failures`, visible to staff.
- A row that cannot be decrypted is set aside as a dead letter; the rest still uploads.
- On acknowledgement the personal payload is deleted; case numbers, service and time stay.
- An application that stands on a payment is stored `held` with its order (one transaction,
  `Outbox.transaction`): never sent until the order is paid (`release`), dropped when the
  order closes unpaid or is refunded (`withdraw`). A refusal the backend calls final
  (`service_not_possible`, `payment_not_valid`) makes it a dead letter at once: the money is
  then returned (kiosk/services/payment_settlement.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.credentials import CredentialError, Credentials, passed_or_plain
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError, GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox_file import (
    DB_NAME,
    OutboxDamage,
    db_files,
    open_database,
    raise_alarm,
    read_alarm,
)

log = get_logger(__name__)

ENDPOINTS = {"application": "/v1/applications", "rating": "/v1/ratings",
             "card_rating": "/v1/ratings/anonymous",
             "feedback": "/v1/feedback"}
# refusals after which sending again cannot help: the item is a dead letter at once
FINAL_REFUSALS = frozenset({"service_not_possible", "payment_not_valid"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY,            -- also the idempotency key
    kind TEXT NOT NULL,             -- application | rating | card_rating | feedback
    service TEXT NOT NULL,          -- service code (not personal)
    created_at REAL NOT NULL,
    state TEXT NOT NULL,            -- held | pending | sent | dead | withdrawn
    attempts INTEGER NOT NULL DEFAULT 0,
    permanent_failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    sent_at REAL,
    case_numbers TEXT,              -- JSON list, once acknowledged
    last_error TEXT,
    payload BLOB                    -- nonce ‖ AES-GCM ciphertext; NULL once acknowledged
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt_at);
"""


class OutboxCorrupt(RuntimeError):
    pass


class OutboxKeyError(OutboxCorrupt):
    """The configured key (a systemd credential) is not a 32-byte key: a deployment error
    the kiosk cannot repair by itself."""


def load_key(data_dir: Path,
             credentials: Credentials | None = None) -> tuple[bytes, OutboxDamage | None]:
    """The outbox key, the credential `outbox.key` (kiosk/credentials.py; by default systemd's
    when the service passes credentials, else the plain folder <data_dir>/keys). A sealed key
    that cannot be read is an OutboxKeyError: a deployment error the kiosk cannot repair. A
    damaged key file in the plain folder is set aside with the database it protects (its
    payloads cannot be read without it), a new key and outbox are started and the alarm
    raised."""
    creds = credentials or passed_or_plain(data_dir)
    if creds.sealed:
        try:
            return creds.secret("outbox.key"), None
        except CredentialError as exc:
            raise OutboxKeyError(exc.detail) from None
    path = creds.plain_path("outbox.key")
    damage = None
    if path.exists() and path.stat().st_size != 32:
        damage = raise_alarm(data_dir, "the outbox key file is damaged",
                             [path, *db_files(data_dir / DB_NAME)])
    return creds.secret("outbox.key"), damage  # a new one when missing or set aside


@dataclass(frozen=True)
class OutboxEntry:
    id: str
    kind: str
    service: str
    created_at: float
    attempts: int


@dataclass
class OutboxStatus:
    pending: int
    sent: int
    dead: int
    oldest_pending_age_s: float | None
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    alarm: str | None = None  # the damage alarm in one line, until staff clear it

    def as_json(self) -> dict[str, Any]:
        return {"pending": self.pending, "sent": self.sent, "dead": self.dead,
                "oldest_pending_age_s": None if self.oldest_pending_age_s is None
                else round(self.oldest_pending_age_s, 1), "dead_letters": self.dead_letters,
                "alarm": self.alarm}


class Outbox:
    def __init__(self, path: Path, key: bytes, *, max_permanent_failures: int = 3,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.max_permanent_failures = max_permanent_failures
        self._clock = clock
        self._aead = AESGCM(key)
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._db, self.damage = open_database(path, _SCHEMA)
        if self.damage is not None:
            log.error("outbox damaged; a new one was started", event_id=EventId.OUTBOX_DAMAGED,
                      problem=self.damage.problem, kept_as=",".join(self.damage.kept_as))
        self.changed = threading.Event()

    @classmethod
    def open(cls, data_dir: Path, credentials: Credentials | None = None, **kw: Any) -> Outbox:
        key, key_damage = load_key(data_dir, credentials)
        outbox = cls(data_dir / DB_NAME, key, **kw)
        if key_damage is not None:
            outbox.damage = key_damage
            log.error("outbox key damaged; a new key and outbox were started",
                      event_id=EventId.OUTBOX_DAMAGED, problem=key_damage.problem,
                      kept_as=",".join(key_damage.kept_as))
        return outbox

    def alarm(self) -> OutboxDamage | None:
        """The standing damage alarm (this start's or an earlier one), until staff clear it."""
        return read_alarm(self.path.parent)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- writing ----------------------------------------------------------------------------

    def put(self, kind: str, body: dict[str, Any], *, service: str) -> str:
        """Store one item durably; returns its id (the idempotency key). When this returns,
        the item is on disk: only then may the citizen be told it was submitted."""
        with self.transaction() as tx:
            return tx.put(kind, body, service=service)

    def _insert(self, db: sqlite3.Connection, kind: str, body: dict[str, Any], service: str,
                state: str) -> str:
        if kind not in ENDPOINTS:
            raise ValueError(f"unknown outbox kind {kind!r}")
        item_id = uuid.uuid4().hex + uuid.uuid4().hex[:8]
        nonce = os.urandom(12)
        blob = nonce + self._aead.encrypt(nonce, json.dumps(body, ensure_ascii=False).encode(),
                                          f"{item_id}|{kind}".encode())
        now = self._clock()
        db.execute(
            "INSERT INTO outbox (id, kind, service, created_at, state, next_attempt_at, "
            "payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item_id, kind, service, now, state, now, blob))
        log.info("outbox stored", event_id=EventId.OUTBOX_STORED, item=item_id, kind=kind,
                 service=service, held=state == "held")
        return item_id

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Reads of rows that go with the items (a payment order's), outside any write
        transaction: another process's writes are not held up by them."""
        with self._lock:
            yield self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[OutboxTransaction]:
        """Several writes that stand or fall together (an order's state and its held
        application): committed, and on disk, when the block ends; rolled back if it
        raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            tx = OutboxTransaction(self, self._db)
            try:
                yield tx
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        if tx.wakes_uploader:
            self.changed.set()

    # --- reading ----------------------------------------------------------------------------

    def due(self, limit: int = 50) -> list[OutboxEntry]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, service, created_at, attempts FROM outbox WHERE state = "
                "'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?",
                (self._clock(), limit)).fetchall()
        return [OutboxEntry(*r) for r in rows]

    def payload(self, entry: OutboxEntry) -> dict[str, Any]:
        with self._lock:
            row = self._db.execute("SELECT payload FROM outbox WHERE id = ?",
                                   (entry.id,)).fetchone()
        if row is None or row[0] is None:
            raise OutboxCorrupt(f"item {entry.id} has no payload")
        blob: bytes = row[0]
        try:
            plain = self._aead.decrypt(blob[:12], blob[12:], f"{entry.id}|{entry.kind}".encode())
            data: dict[str, Any] = json.loads(plain)
        except (InvalidTag, ValueError) as exc:
            raise OutboxCorrupt(f"item {entry.id} cannot be decrypted: "
                                f"{type(exc).__name__}") from None
        return data

    def entry(self, item_id: str) -> OutboxEntry | None:
        """The pending item `item_id`, or None when it is not (or no longer) pending."""
        with self._lock:
            row = self._db.execute(
                "SELECT id, kind, service, created_at, attempts FROM outbox WHERE id = ? AND "
                "state = 'pending'", (item_id,)).fetchone()
        return OutboxEntry(*row) if row else None

    def case_numbers(self, item_id: str) -> list[str]:
        with self._lock:
            row = self._db.execute("SELECT case_numbers FROM outbox WHERE id = ?",
                                   (item_id,)).fetchone()
        return list(json.loads(row[0])) if row and row[0] else []

    def state(self, item_id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT state FROM outbox WHERE id = ?",
                                   (item_id,)).fetchone()
        return str(row[0]) if row else None

    def status(self) -> OutboxStatus:
        now = self._clock()
        with self._lock:
            counts = dict(self._db.execute(
                "SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall())
            oldest = self._db.execute("SELECT MIN(created_at) FROM outbox WHERE state = "
                                      "'pending'").fetchone()[0]
            dead = self._db.execute(
                "SELECT id, kind, service, created_at, attempts, last_error FROM outbox "
                "WHERE state = 'dead' ORDER BY created_at").fetchall()
        alarm = self.alarm()
        return OutboxStatus(
            counts.get("pending", 0), counts.get("sent", 0), counts.get("dead", 0),
            None if oldest is None else now - oldest,
            [{"id": d[0], "kind": d[1], "service": d[2], "age_s": round(now - d[3], 1),
              "attempts": d[4], "error": d[5]} for d in dead],
            alarm.one_line() if alarm else None)

    # --- outcomes ---------------------------------------------------------------------------

    def mark_sent(self, item_id: str, case_numbers: list[str]) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET state = 'sent', sent_at = ?, case_numbers = ?, "
                "payload = NULL, last_error = NULL WHERE id = ?",
                (self._clock(), json.dumps(case_numbers), item_id))
        log.info("outbox sent", event_id=EventId.OUTBOX_SENT, item=item_id,
                 cases=len(case_numbers))

    def mark_failed(self, item_id: str, error: str, *, permanent: bool, delay_s: float,
                    give_up_after: int | None = None, final: bool = False) -> None:
        """One failed try. The item becomes a dead letter (payload kept, for staff to retry)
        after `max_permanent_failures` refusals or `give_up_after` tries of any kind, or at
        once when the refusal is `final`."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET attempts = attempts + 1, permanent_failures = "
                "permanent_failures + ?, last_error = ?, next_attempt_at = ? WHERE id = ? "
                "AND state = 'pending'",
                (1 if permanent else 0, error[:300], self._clock() + delay_s, item_id))
            self._db.execute(
                "UPDATE outbox SET state = 'dead' WHERE id = ? AND state = 'pending' AND "
                "(permanent_failures >= ? OR attempts >= ? OR ?)",
                (item_id, self.max_permanent_failures, give_up_after or 2**31, final))
        if self.state(item_id) == "dead":
            log.warning("outbox dead letter", event_id=EventId.OUTBOX_DEAD, item=item_id,
                        error=error)
        else:
            log.info("outbox retry later", event_id=EventId.OUTBOX_RETRY, item=item_id,
                     error=error, delay_s=round(delay_s, 2))

    def mark_corrupt(self, item_id: str, error: str) -> None:
        with self._lock:
            self._db.execute("UPDATE outbox SET state = 'dead', last_error = ? WHERE id = ?",
                             (error[:300], item_id))
        log.error("outbox item corrupted", event_id=EventId.OUTBOX_CORRUPT, item=item_id,
                  error=error)

    def retry_now(self, item_id: str | None = None) -> int:
        """Staff: make dead letters (or one item) due again."""
        with self._lock:
            cur = self._db.execute(
                "UPDATE outbox SET state = 'pending', permanent_failures = 0, next_attempt_at ="
                " ? WHERE state IN ('dead', 'pending') AND payload IS NOT NULL AND (? IS NULL "
                "OR id = ?)", (self._clock(), item_id, item_id))
        self.changed.set()
        return int(cur.rowcount)


class OutboxTransaction:
    """Writes inside `Outbox.transaction()`: items, and the rows that go with them (a
    payment order's state, kiosk/services/payment_orders.py), committed together."""

    def __init__(self, outbox: Outbox, db: sqlite3.Connection) -> None:
        self._outbox = outbox
        self.db = db
        self.wakes_uploader = False

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, params)

    def put(self, kind: str, body: dict[str, Any], *, service: str, held: bool = False) -> str:
        """An item, pending (sent as soon as the uploader can) or held (not sent until it
        is released)."""
        item_id = self._outbox._insert(self.db, kind, body, service,
                                       "held" if held else "pending")
        self.wakes_uploader |= not held
        return item_id

    def release(self, item_id: str) -> bool:
        """A held item becomes pending (its payment is in): True if it was held."""
        done = self.db.execute("UPDATE outbox SET state = 'pending', next_attempt_at = ? "
                               "WHERE id = ? AND state = 'held'",
                               (self._outbox._clock(), item_id)).rowcount > 0
        self.wakes_uploader |= done
        return done

    def withdraw(self, item_id: str) -> bool:
        """A held or dead item is dropped, its personal payload deleted (its payment was
        never made, or was returned): nothing will send it, nor staff retry it."""
        return self.db.execute("UPDATE outbox SET state = 'withdrawn', payload = NULL WHERE "
                               "id = ? AND state IN ('held', 'dead')", (item_id,)).rowcount > 0


class Uploader:
    """The single task that drains the outbox to the gateway.

    Nothing a row or an answer can cause stops it: an unexpected exception while sending one
    item marks that item failed (kept, with its payload, for a later try) and the round goes on.
    An item is in flight at most once at a time, whether the background loop or a visit's
    submit step sent it.
    """

    def __init__(self, outbox: Outbox, gateway: GatewayClient, *, poll_s: float = 2.0,
                 backoff_initial_s: float = 1.0, backoff_max_s: float = 300.0,
                 max_attempts: int = 200, rng: random.Random | None = None) -> None:
        self.outbox = outbox
        self.gateway = gateway
        self.poll_s = poll_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self.max_attempts = max_attempts
        self._rng = rng or random.Random()  # noqa: S311 (jitter, not secrets)
        self._in_flight: dict[str, asyncio.Task[bool]] = {}

    def _delay(self, attempts: int) -> float:
        base = min(self.backoff_max_s, self.backoff_initial_s * 2 ** min(attempts, 30))
        return float(base / 2 + self._rng.uniform(0, base / 2))  # "equal jitter"

    async def _send(self, entry: OutboxEntry) -> bool:
        """Try one item once. True: acknowledged. False: kept for later (the reason stored)."""
        try:
            body = await asyncio.to_thread(self.outbox.payload, entry)
        except OutboxCorrupt as exc:
            await asyncio.to_thread(self.outbox.mark_corrupt, entry.id, str(exc))
            return False
        try:
            cases = await self.gateway.deliver(entry.kind, body, entry.id)
        except GatewayError as exc:
            final = isinstance(exc, GatewayRejected) and exc.backend_code in FINAL_REFUSALS
            await asyncio.to_thread(
                self.outbox.mark_failed, entry.id, f"{exc.code}: {exc}",
                permanent=not exc.retryable, delay_s=self._delay(entry.attempts),
                give_up_after=self.max_attempts, final=final)
            raise
        except Exception as exc:  # RecursionError, MemoryError, TypeError...: keep the item
            log.error("outbox item could not be sent", event_id=EventId.OUTBOX_UNEXPECTED,
                      item=entry.id, error_type=type(exc).__name__)
            await asyncio.to_thread(
                self.outbox.mark_failed, entry.id, f"unexpected: {type(exc).__name__}",
                permanent=False, delay_s=self._delay(entry.attempts),
                give_up_after=self.max_attempts)
            return False
        await asyncio.to_thread(self.outbox.mark_sent, entry.id, cases)
        return True

    def _start(self, entry: OutboxEntry) -> asyncio.Task[bool]:
        task = self._in_flight.get(entry.id)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._send(entry),
                                                          name=f"outbox-send-{entry.id[:8]}")
            self._in_flight[entry.id] = task
            task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[bool]) -> None:
        for key, t in list(self._in_flight.items()):
            if t is task:
                del self._in_flight[key]
        if not task.cancelled():
            task.exception()  # retrieved here: the failure is stored on the item

    async def drain_once(self) -> int:
        """Try every due item once; returns how many were acknowledged."""
        sent = 0
        for entry in await asyncio.to_thread(self.outbox.due):
            try:
                if await asyncio.shield(self._start(entry)):
                    sent += 1
            except GatewayError as exc:
                if exc.retryable:
                    break  # the backend is struggling: stop this round, keep the order
        return sent

    async def deliver_within(self, item_id: str, within_s: float) -> list[str]:
        """Send one item now, waiting at most `within_s`: its case numbers when the backend
        acknowledged it in time, else [] — the item stays in the outbox and the upload goes
        on in the background (a visit never waits on the network past its budget)."""
        entry = await asyncio.to_thread(self.outbox.entry, item_id)
        if entry is None:  # not pending: acknowledged already (the loop may have sent it first)
            return await asyncio.to_thread(self.outbox.case_numbers, item_id)
        task = self._start(entry)
        done, _ = await asyncio.wait({task}, timeout=within_s)
        if task in done and not task.cancelled() and task.exception() is None and task.result():
            return await asyncio.to_thread(self.outbox.case_numbers, item_id)
        return []

    async def run(self) -> None:
        while True:
            await self.drain_once()
            await asyncio.to_thread(self.outbox.changed.wait, self.poll_s)
            self.outbox.changed.clear()

    async def aclose(self) -> None:
        """Cancel sends still in flight (their items stay pending)."""
        tasks = list(self._in_flight.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class UploaderSupervisor:
    """Keeps the uploader running: if its loop ever ends with an exception, it is logged with
    an event id, counted, and started again after a backoff. Staff see the restarts in the
    admin outbox page, the metrics and `kiosk doctor` (through `<data_dir>/uploader.json`)."""

    def __init__(self, uploader: Uploader, *, state_file: Path | None = None,
                 restart_initial_s: float = 1.0, restart_max_s: float = 60.0) -> None:
        self.uploader = uploader
        self.state_file = state_file
        self.restart_initial_s = restart_initial_s
        self.restart_max_s = restart_max_s
        self.restarts = 0
        self.last_crash: str | None = None
        self.on_restart: Callable[[int], None] | None = None

    async def run(self) -> None:
        delay = self.restart_initial_s
        while True:
            started = time.monotonic()
            try:
                await self.uploader.run()
            except Exception as exc:  # the supervisor outlives any crash of the loop
                self.restarts += 1
                self.last_crash = type(exc).__name__
                log.error("outbox uploader crashed; restarting",
                          event_id=EventId.OUTBOX_UPLOADER_RESTARTED, error_type=self.last_crash,
                          restarts=self.restarts, delay_s=delay)
                self._write_state()
                if self.on_restart is not None:
                    self.on_restart(self.restarts)
                if time.monotonic() - started > 10 * self.restart_max_s:
                    delay = self.restart_initial_s  # it had run well for a long time
                await asyncio.sleep(delay)
                delay = min(self.restart_max_s, delay * 2)

    def _write_state(self) -> None:
        if self.state_file is None:
            return
        with contextlib.suppress(OSError):
            tmp = self.state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"restarts": self.restarts, "last_crash": self.last_crash,
                                       "at": time.time()}))
            os.replace(tmp, self.state_file)
