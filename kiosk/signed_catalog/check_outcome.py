"""What one catalog check came to, and the kiosk's catalog status that staff see (`kiosk
doctor`, the admin menu's catalog page, the metrics), kept in `<data_dir>/catalog/state.json`
so the command and the running kiosk tell the same story.

Results: `current` (nothing new), `applied` (a new version verified, loaded and kept),
`refused` (something did not verify or did not load: the reason says what, in plain words,
and `reason_code` names the kind), `unreachable` (the repository did not answer).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Result = Literal["current", "applied", "refused", "unreachable"]
RESULTS: tuple[Result, ...] = ("current", "applied", "refused", "unreachable")


@dataclass
class CheckOutcome:
    result: Result
    before: int  # the catalog version before the check (0: the shipped one)
    after: int
    checked_at: datetime  # UTC
    reason_code: str = ""  # refused/unreachable: expired, rollback, signatures, mismatch, ...
    reason: str = ""  # the same, in plain words, for staff
    downloaded_bytes: int = 0
    requests: int = 0
    files_downloaded: int = 0
    # a refused manifest's hash: the same one offered again is refused without downloading
    refused_manifest: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["checked_at"] = self.checked_at.astimezone(UTC).isoformat()
        out.pop("extra")
        out.pop("refused_manifest")
        return out


@dataclass
class CatalogStatus:
    """The catalog the kiosk keeps and its last checks (no personal data in any of it)."""

    version: int = 0
    last_check: CheckOutcome | None = None
    last_applied_at: datetime | None = None
    last_refusal: CheckOutcome | None = None  # stays until a check succeeds

    def record(self, outcome: CheckOutcome) -> None:
        self.version = outcome.after
        self.last_check = outcome
        if outcome.result == "applied":
            self.last_applied_at = outcome.checked_at
        if outcome.result == "refused":
            self.last_refusal = outcome
        elif outcome.result in ("current", "applied"):
            self.last_refusal = None

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "last_check": self.last_check.as_json() if self.last_check else None,
            "last_applied_at": self.last_applied_at.isoformat() if self.last_applied_at
            else None,
            "last_refusal": self.last_refusal.as_json() if self.last_refusal else None,
            "refused_manifest": self.last_refusal.refused_manifest if self.last_refusal
            else "",
        }

    def save(self, path: Path) -> None:
        tmp = path.with_name(f".{path.name}.new")
        tmp.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> CatalogStatus:
        """The kept status; an empty one when there is none or it cannot be read."""
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            status = cls(version=int(doc.get("version") or 0))
            if doc.get("last_check"):
                status.last_check = _outcome(doc["last_check"])
            if doc.get("last_applied_at"):
                status.last_applied_at = datetime.fromisoformat(doc["last_applied_at"])
            if doc.get("last_refusal"):
                status.last_refusal = _outcome(doc["last_refusal"])
                status.last_refusal.refused_manifest = str(doc.get("refused_manifest", ""))
            return status
        except (OSError, ValueError, TypeError, KeyError):
            return cls()


def _outcome(doc: dict[str, Any]) -> CheckOutcome:
    result = doc["result"]
    if result not in RESULTS:
        raise ValueError(f"unknown result {result!r}")
    return CheckOutcome(
        result=result, before=int(doc["before"]), after=int(doc["after"]),
        checked_at=datetime.fromisoformat(doc["checked_at"]),
        reason_code=str(doc.get("reason_code", "")), reason=str(doc.get("reason", "")),
        downloaded_bytes=int(doc.get("downloaded_bytes", 0)),
        requests=int(doc.get("requests", 0)),
        files_downloaded=int(doc.get("files_downloaded", 0)))
