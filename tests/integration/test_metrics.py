"""The fleet's view: the metrics endpoint scraped over loopback and parsed with Prometheus's
own text parser, on a kiosk running on its simulators."""

from __future__ import annotations

import time

import httpx
from prometheus_client.parser import text_string_to_metric_families

from kiosk import __version__
from kiosk.app import CoreThread, KioskCore
from kiosk.devices.printers.escpos_status import Paper
from kiosk.events import EventId
from kiosk.flows.outcome import FlowResult
from kiosk.logging import get_logger


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    out = {}
    for fam in text_string_to_metric_families(text):
        for s in fam.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(samples, name: str, **labels: str) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def test_metrics_endpoint_reports_devices_visits_outbox_and_problems(sim_config,
                                                                      cupsd_running) -> None:
    config = sim_config.model_copy(update={"metrics_port": 0})
    thread = CoreThread()
    thread.start()
    core = KioskCore(config)
    thread.submit(core.start()).result(30)
    try:
        assert core.metrics_port
        s = scrape(core.metrics_port)
        assert value(s, "kiosk_device_up", device="idcard", kind="idcard") == 1
        assert value(s, "kiosk_device_up", device="receipt_printer",
                     kind="receipt_printer") == 1
        assert value(s, "kiosk_receipt_paper_status", device="receipt_printer") == 0
        assert value(s, "kiosk_info", kiosk_id="SIM-0001", version=__version__) == 1

        core.hub.receipt.set_paper(Paper.OUT)
        thread.submit(core.monitor.poll_once()).result(10)
        core.visit_ended(FlowResult("criminal-record-certificate", "approved",
                                    timings={"face_check": 1.5, "print": 2.0}, ratings=[5]),
                         40.0)
        core.outbox.put("rating", {"case_number": "X", "item_code": "Y", "level": 5},
                        service="criminal-record-certificate")
        thread.loop.call_soon_threadsafe(core.update_outbox_gauges)
        get_logger("test").warning("something for staff", event_id=EventId.OUTBOX_RETRY)
        time.sleep(0.2)  # the gauge update runs on the core loop

        s = scrape(core.metrics_port)
        assert value(s, "kiosk_receipt_paper_status", device="receipt_printer") == 2
        assert value(s, "kiosk_visits_total", service="criminal-record-certificate",
                     outcome="approved") == 1
        assert value(s, "kiosk_step_duration_seconds_count", step="print") == 1
        assert value(s, "kiosk_outbox_pending") >= 1
        assert value(s, "kiosk_log_problems_total", event_id=str(int(EventId.OUTBOX_RETRY))) == 1
        # nothing personal in any label
        assert all("110105" not in v for (_n, labels) in s for _k, v in labels)
    finally:
        thread.submit(core.stop()).result(15)
        thread.stop()
    assert (config.data_dir / "statistics.jsonl").read_text().count("\n") == 1


def test_example_alert_rules_use_metrics_the_kiosk_exports() -> None:
    import re
    from pathlib import Path

    import yaml

    from kiosk.appliance.metrics import KioskMetrics

    rules = yaml.safe_load((Path(__file__).resolve().parents[2] / "systemd" /
                            "prometheus-alerts.yml").read_text())["groups"]
    m = KioskMetrics("T")
    try:
        exported = {s.name for fam in m.registry.collect() for s in fam.samples} | \
            {fam.name + suffix for fam in m.registry.collect() for suffix in ("", "_total")}
    finally:
        m.close()
    used = set()
    for group in rules:
        for rule in group["rules"]:
            assert rule["alert"]
            assert rule["expr"]
            assert rule["annotations"]["summary"]
            used |= set(re.findall(r"\b(kiosk_[a-z_]+)", rule["expr"]))
    assert used
    assert used <= exported, used - exported
