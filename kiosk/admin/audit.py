"""The audit log of admin actions: one JSON line per action (time, event id, staff id, action,
details), appended and fsync'd, readable by staff and exportable. Never holds a citizen's data:
details are the action's own parameters (a case number, a device name)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


class AuditLog:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock

    def record(self, event_id: EventId, staff_id: str, action: str, **details: Any) -> None:
        entry = {"ts": round(self.clock(), 3), "event_id": int(event_id), "staff_id": staff_id,
                 "action": action, **details}
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        log.info("admin action", event_id=event_id, staff_id=staff_id, action=action)

    def entries(self, limit: int = 200) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        out: list[dict[str, Any]] = []
        for line in lines[-limit:]:
            try:
                entry = json.loads(line) if line.strip() else None
            except ValueError:
                entry = {"action": "(damaged line)"}  # shown, so staff see the damage
            if isinstance(entry, dict):
                out.append(entry)
        return out
