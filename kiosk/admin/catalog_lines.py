"""The province's catalog as staff read it (the admin menu's catalog page, its check button):
which version the kiosk serves, when it last checked and what came of it, and why the last
update was refused — times in the kiosk's zone, words in Chinese like the rest of the menu."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kiosk.domain.clock import KioskClock, printed_time

RESULT_WORDS = {"current": "已是最新", "applied": "已更新", "refused": "更新被拒绝",
                "unreachable": "无法连接发布源"}


def catalog_words(outcome: Mapping[str, Any] | None) -> tuple[bool, str]:
    """A check's outcome (CheckOutcome.as_json) in one line, and whether it went well."""
    if outcome is None:
        return False, "未配置服务目录发布源：使用随终端安装的服务目录"
    before, after = outcome.get("before"), outcome.get("after")
    result = outcome.get("result")
    if result == "applied":
        return True, f"服务目录已更新：版本 {before} → {after}，从下一位办事群众起使用"
    if result == "current":
        return True, f"服务目录已是最新（版本 {after}）"
    why = outcome.get("reason", "")
    if result == "refused":
        return False, f"服务目录更新被拒绝，继续使用版本 {before}：{why}"
    return False, f"无法连接服务目录发布源，继续使用版本 {before}：{why}"


def _when(iso: object, clock: KioskClock) -> str:
    if not isinstance(iso, str) or not iso:
        return ""
    try:
        return printed_time(datetime.fromisoformat(iso).astimezone(clock.zone))
    except ValueError:
        return ""


def catalog_lines(status: Mapping[str, Any], clock: KioskClock) -> dict[str, Any]:
    """The catalog page: `version`, `checked`, `refused` (one line each, "" when nothing to
    say) and `alarm` (the last update was refused: shown in red)."""
    serving = status.get("serving")
    version = "服务目录：随终端安装的版本" if not serving else f"服务目录：版本 {serving}"
    if serving is None:
        version = "服务目录：正在载入"
    if not status.get("repository"):
        return {"version": version, "checked": "未配置发布源（catalog.repository）",
                "refused": "", "alarm": False}
    last = status.get("last_check") or {}
    if last:
        checked = f"上次检查：{_when(last.get('checked_at'), clock)}，" \
                  f"{RESULT_WORDS.get(str(last.get('result')), str(last.get('result')))}"
        if last.get("result") == "unreachable":
            checked += f"（{last.get('reason', '')}）"
    else:
        checked = "尚未检查"
    refusal = status.get("last_refusal") or {}
    refused = f"更新被拒绝（{_when(refusal.get('checked_at'), clock)}）：" \
              f"{refusal.get('reason', '')}" if refusal else ""
    applied = _when(status.get("last_applied_at"), clock)
    if applied:
        version += f"（{applied} 更新）"
    return {"version": version, "checked": checked, "refused": refused,
            "alarm": bool(refusal)}
