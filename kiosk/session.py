"""One citizen's visit: everything personal the kiosk learns lives here, and `wipe()` removes
all of it when the visit ends, times out, is cancelled or the card is pulled.

While a session holds personal values the log redactor masks them in any text
(`watch_personal`); wiping stops that too.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.identity import Identity
from kiosk.logging import unwatch_personal, watch_personal


@dataclass(repr=False)
class Session:
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.monotonic)
    locale: str = "zh-Hans"
    identity: Identity | None = None
    form: dict[str, str] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    licenses: list[dict[str, Any]] = field(default_factory=list)
    records: dict[str, Any] = field(default_factory=dict)
    signature: dict[str, Any] | None = None
    # 政策找人: the offers found for this citizen (what they are entitled to is personal)
    offers: list[Any] = field(default_factory=list)
    _watched: list[str] = field(default_factory=list)
    __personal__ = True

    def __repr__(self) -> str:
        return f"Session({self.id}, <personal data redacted>)"

    def learn(self, *values: str) -> None:
        """Remember personal strings so logs mask them while the session lasts."""
        fresh = [v for v in values if v and v not in self._watched]
        self._watched.extend(fresh)
        watch_personal(fresh)

    def wipe(self) -> None:
        unwatch_personal(self._watched)
        self._watched.clear()
        self.identity = None
        self.form.clear()
        self.facts.clear()
        self.licenses.clear()
        self.records.clear()
        self.signature = None
        self.offers.clear()

    @property
    def empty(self) -> bool:
        return (self.identity is None and not self.form and not self.facts
                and not self.licenses and not self.records and self.signature is None
                and not self.offers
                and not self._watched)
