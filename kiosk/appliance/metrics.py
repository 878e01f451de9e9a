"""Metrics for a province's existing Prometheus: an HTTP endpoint on localhost (scraped through
the node's exporter proxy or an SSH tunnel, never exposed on the hall's network) with device
up/down, paper status, visits by service and outcome, step durations, the outbox's depth and
age, and warnings/errors by event id. No label ever holds personal data: services, outcomes,
steps, device names and event ids only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from kiosk.devices.base import DeviceStatus
from kiosk.logging import add_problem_listener, get_logger, remove_problem_listener

if TYPE_CHECKING:
    from kiosk.signed_catalog.check_outcome import CheckOutcome

log = get_logger(__name__)

PAPER = {"paper_ok": 0, "paper_low": 1, "paper_out": 2}


class KioskMetrics:
    def __init__(self, kiosk_id: str) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.info = Gauge("kiosk_info", "This kiosk (always 1)", ["kiosk_id", "version"],
                          registry=r)
        self.device_up = Gauge("kiosk_device_up", "1 when the device answers its probe",
                               ["device", "kind"], registry=r)
        self.device_state = Gauge("kiosk_device_ok", "1 when the device reports no problem",
                                  ["device", "kind"], registry=r)
        self.paper = Gauge("kiosk_receipt_paper_status",
                           "Receipt paper: 0 ok, 1 low, 2 out", ["device"], registry=r)
        self.visits = Counter("kiosk_visits", "Visits by service and outcome",
                              ["service", "outcome"], registry=r)
        self.steps = Histogram("kiosk_step_duration_seconds", "Time spent in each flow step",
                               ["step"], buckets=(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300),
                               registry=r)
        self.outbox_pending = Gauge("kiosk_outbox_pending", "Items waiting to be sent",
                                    registry=r)
        self.outbox_dead = Gauge("kiosk_outbox_dead", "Items that will not be retried",
                                 registry=r)
        self.outbox_oldest = Gauge("kiosk_outbox_oldest_pending_seconds",
                                   "Age of the oldest unsent item (0 when none)", registry=r)
        self.outbox_damaged = Gauge("kiosk_outbox_damaged",
                                    "1 while a damaged-outbox alarm stands (staff clear it)",
                                    registry=r)
        self.uploader_restarts = Counter("kiosk_outbox_uploader_restarts",
                                         "Times the outbox uploader crashed and was restarted",
                                         registry=r)
        self.catalog_version = Gauge("kiosk_catalog_version",
                                     "The catalog version new visits start on (0: the one "
                                     "shipped with the kiosk)", registry=r)
        self.catalog_checked_at = Gauge("kiosk_catalog_last_check_timestamp_seconds",
                                        "When the province's repository was last checked "
                                        "(0: never)", registry=r)
        self.catalog_check_ok = Gauge("kiosk_catalog_last_check_ok",
                                      "1 when the last check found the catalog current or "
                                      "applied a new one", registry=r)
        self.catalog_checks = Counter("kiosk_catalog_checks", "Catalog checks by result "
                                      "(current, applied, refused, unreachable)", ["result"],
                                      registry=r)
        self.catalog_refusals = Counter("kiosk_catalog_refusals", "Catalog updates refused, by "
                                        "reason (expired, rollback, signatures, mismatch, ...)",
                                        ["reason"], registry=r)
        self.problems = Counter("kiosk_log_problems", "Warnings and errors logged, by event id",
                                ["event_id"], registry=r)
        from kiosk import __version__

        self.info.labels(kiosk_id=kiosk_id, version=__version__).set(1)
        self._server: Any = None
        add_problem_listener(self._problem)

    def _problem(self, event_id: int) -> None:
        self.problems.labels(event_id=str(event_id)).inc()

    def device_status(self, name: str, kind: str, status: DeviceStatus) -> None:
        self.device_up.labels(device=name, kind=kind).set(1 if status.connected else 0)
        self.device_state.labels(device=name, kind=kind).set(
            1 if status.state.value == "ok" else 0)
        if kind == "receipt_printer":
            code = status.code or ("paper_ok" if status.connected else "")
            if code in PAPER:
                self.paper.labels(device=name).set(PAPER[code])

    def visit_ended(self, service: str, outcome: str, timings: dict[str, float]) -> None:
        self.visits.labels(service=service, outcome=outcome).inc()
        for step, seconds in timings.items():
            self.steps.labels(step=step).observe(seconds)

    def outbox(self, pending: int, dead: int, oldest_age_s: float | None, *,
               damaged: bool = False) -> None:
        self.outbox_damaged.set(1 if damaged else 0)
        self.outbox_pending.set(pending)
        self.outbox_dead.set(dead)
        self.outbox_oldest.set(oldest_age_s or 0)

    def catalog_serving(self, version: int) -> None:
        self.catalog_version.set(version)

    def catalog_checked(self, outcome: CheckOutcome) -> None:
        self.catalog_checked_at.set(outcome.checked_at.timestamp())
        self.catalog_check_ok.set(1 if outcome.result in ("current", "applied") else 0)
        self.catalog_checks.labels(result=outcome.result).inc()
        if outcome.result == "refused":
            self.catalog_refusals.labels(reason=outcome.reason_code).inc()

    def uploader_restarted(self, _restarts: int) -> None:
        self.uploader_restarts.inc()

    def serve(self, port: int, host: str = "127.0.0.1") -> int:
        """Start the endpoint (a daemon thread); returns the port it listens on."""
        self._server, _thread = start_http_server(port, addr=host, registry=self.registry)
        bound = int(self._server.server_port)
        log.info("metrics endpoint", port=bound)
        return bound

    def close(self) -> None:
        remove_problem_listener(self._problem)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
