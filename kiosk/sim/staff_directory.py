"""The simulated hall's staff: who works at which counter, and their sign-in sessions.

Staff are people, not a shared token: each signs in as themself and gets a short-lived bearer
credential of their own; what they do (take a help request, answer a call, point, hang up,
write to the citizen) is bound to them, and the name a kiosk shows comes from this directory,
never from what a caller typed. A province plugs its own single sign-on in behind the same
contract (`POST /v1/staff/sessions` then answers with the province's own credential check).

The sample staff and their passwords are public (demos, training, CI); the passwords are kept
as salted scrypt hashes all the same, as a real directory would keep them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

SESSION_S = 30 * 60  # a sign-in lasts half an hour; the console signs in again after


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    counter: str  # where they sit: "3号窗口"


@dataclass(frozen=True)
class StaffSession:
    token: str
    member: StaffMember
    expires_at: float  # time.time()


# the simulated hall's staff; the password of each is "sim-" + their id
SAMPLE_STAFF = (
    StaffMember("wangfang", "王芳", "3号窗口"),
    StaffMember("liqiang", "李强", "5号窗口"),
    StaffMember("chenjing", "陈静", "8号窗口"),
)


def sample_password(staff_id: str) -> str:
    return f"sim-{staff_id}"


def _hash(password: str, salt: bytes) -> bytes:
    # N=2^12: the simulation signs in often in tests; a real directory uses its own settings
    return hashlib.scrypt(password.encode(), salt=salt, n=2**12, r=8, p=1, dklen=32)


class StaffDirectory:
    """Staff members, their password hashes, and the sessions signed in now."""

    def __init__(self, members: tuple[StaffMember, ...] = SAMPLE_STAFF,
                 session_s: float = SESSION_S) -> None:
        self.session_s = session_s
        self._members = {m.id: m for m in members}
        self._secrets: dict[str, tuple[bytes, bytes]] = {}
        for m in members:
            salt = secrets.token_bytes(16)
            self._secrets[m.id] = (salt, _hash(sample_password(m.id), salt))
        self._sessions: dict[str, StaffSession] = {}
        self._lock = threading.Lock()

    def add(self, member: StaffMember, password: str) -> None:
        """A new member of staff (a trainer adds a trainee to the simulated hall)."""
        salt = secrets.token_bytes(16)
        with self._lock:
            self._members[member.id] = member
            self._secrets[member.id] = (salt, _hash(password, salt))

    def member(self, staff_id: str) -> StaffMember | None:
        return self._members.get(staff_id)

    def sign_in(self, staff_id: str, password: str) -> StaffSession | None:
        """A new session, or None when the id or the password is wrong (which one is not said)."""
        salt, want = self._secrets.get(staff_id, (b"\0" * 16, b""))
        ok = hmac.compare_digest(_hash(password, salt), want) and staff_id in self._members
        if not ok:
            return None
        session = StaffSession(secrets.token_urlsafe(32), self._members[staff_id],
                               time.time() + self.session_s)
        with self._lock:
            self._drop_expired()
            self._sessions[session.token] = session
        return session

    def who(self, token: str) -> StaffMember | None:
        """The staff member a bearer credential belongs to, while it has not expired."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if session.expires_at <= time.time():
                del self._sessions[token]
                return None
            return session.member

    def sign_out(self, token: str) -> bool:
        with self._lock:
            return self._sessions.pop(token, None) is not None

    def _drop_expired(self) -> None:
        now = time.time()
        for token in [t for t, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[token]
