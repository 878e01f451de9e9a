"""A credential's validity date is a local calendar date: valid through that day where the
kiosk stands, `长期` never expires."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.admin.statistics import VisitStatistics
from kiosk.domain.clock import KioskClock
from kiosk.domain.errors import CredentialExpired
from kiosk.domain.identity import identity_from_idcard
from kiosk.domain.validity import ensure_valid
from kiosk.scenarios.schema import InlineCard
from kiosk.sim.citizens import card, inline_card


def _card(valid_to: str | None):
    written = InlineCard.model_validate({"name": "测试", "birth": "1980-01-01",
                                         "valid_from": "2010-01-01",
                                         "valid_to": valid_to or "长期"})
    return identity_from_idcard(inline_card(written.model_dump(mode="json")).record, None)


def test_the_local_date_decides_not_the_machines_clock() -> None:
    # 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai
    late = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
    expiring = _card("2026-03-01")
    ensure_valid(expiring, KioskClock.at(late, "UTC").today())  # still its last day in London
    with pytest.raises(CredentialExpired):
        ensure_valid(expiring, KioskClock.at(late, "Asia/Shanghai").today())  # past midnight


def test_last_day_valid_day_after_not_long_term_never() -> None:
    ensure_valid(_card("2026-12-03"), date(2026, 12, 3))
    with pytest.raises(CredentialExpired) as refused:
        ensure_valid(_card("2026-12-03"), date(2026, 12, 4))
    assert refused.value.code == "credential_expired"
    ensure_valid(_card(None), date(2999, 1, 1))
    permit = identity_from_idcard(card("chan-tai-man").record, None)  # valid to 2024-01-02
    with pytest.raises(CredentialExpired):
        ensure_valid(permit, date(2026, 12, 3))


def test_refusals_are_counted_by_reason_without_the_person(tmp_path: Path) -> None:
    stats = VisitStatistics(tmp_path / "statistics.jsonl")
    stats.record_refusal("credential_expired")
    stats.record_refusal("credential_expired")
    stats.record_refusal("qr_identify_failed")
    stats.record("criminal-record-certificate", "approved", 62.0, [5])
    summary = stats.summary()
    assert summary["refusals"] == {"credential_expired": 2, "qr_identify_failed": 1}
    assert summary["visits"] == 1  # a refusal at the door is not a visit
    lines = [json.loads(x) for x in (tmp_path / "statistics.jsonl").read_text().splitlines()]
    assert all(set(x) <= {"day", "refusal", "service", "outcome", "seconds", "ratings"}
               for x in lines)


def test_an_unknown_time_zone_is_a_config_error(tmp_path: Path) -> None:
    from kiosk.config import ConfigError, load_config

    path = tmp_path / "kiosk.toml"
    path.write_text('time_zone = "Mars/Olympus_Mons"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="time_zone"):
        load_config(path)
