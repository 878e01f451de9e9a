"""Fixtures of the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.sim.backend import BackendServer


@pytest.fixture
def backend() -> Iterator[BackendServer]:
    """A fresh simulated government backend on a free loopback port, for one test."""
    server = BackendServer()
    server.start()
    yield server
    server.stop()
