"""Whether Qt has a display to draw on; checked before anything starts (no Qt import here)."""

from __future__ import annotations

import os


class NoDisplay(RuntimeError):
    pass


def check_display() -> None:
    """Raise NoDisplay with advice when Qt would abort for want of a display."""
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY") or \
            os.environ.get("DISPLAY"):
        return
    raise NoDisplay(
        "no display: run the kiosk under its compositor (systemd/kiosk.service), inside an X "
        "or Wayland session, or set QT_QPA_PLATFORM=offscreen for a headless check"
    )
