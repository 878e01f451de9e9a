"""The last log records, as written (redacted JSON lines), for the admin log viewer: a handler
beside the one that writes to the journal, using the same formatter, so staff see exactly what
the journal holds — never more."""

from __future__ import annotations

import logging
from collections import deque


class RecentLogs(logging.Handler):
    def __init__(self, capacity: int = 1000) -> None:
        super().__init__(logging.INFO)
        self._lines: deque[str] = deque(maxlen=capacity)
        for h in logging.getLogger().handlers:  # the kiosk's own formatter (redaction)
            if getattr(h, "_kiosk_handler", False) and h.formatter is not None:
                self.setFormatter(h.formatter)

    def emit(self, record: logging.LogRecord) -> None:
        if self.formatter is None:
            return  # logging not configured: nothing is shown rather than unredacted text
        try:
            self._lines.append(self.format(record))
        except Exception:  # a log view never breaks logging
            self.handleError(record)

    def lines(self, contains: str = "") -> list[str]:
        """Records holding `contains` (an event id such as 6003, or any text)."""
        return [x for x in self._lines if contains in x] if contains else list(self._lines)

    def install(self) -> RecentLogs:
        logging.getLogger().addHandler(self)
        return self

    def remove(self) -> None:
        logging.getLogger().removeHandler(self)
