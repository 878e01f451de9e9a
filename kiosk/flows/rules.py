"""Eligibility rules in CEL (Common Expression Language, via cel-python): safe (no Python
eval, no side effects), compiled once at load, evaluated per application.

A rule is an expression over the application's facts (`identity`, `form`, `licenses`,
`records`, `today`) that must be true, with a citizen-facing message for when it is false.
A rule that cannot be evaluated (missing data, a type error) is neither true nor false: it
refers the citizen to staff, and is logged by rule id only (the evaluation error would carry
the citizen's data, so its text never reaches the log).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import celpy
from celpy.adapter import json_to_cel
from celpy.celparser import CELParseError
from celpy.celtypes import BoolType
from celpy.evaluation import CELEvalError

from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)
_ENV = celpy.Environment()


class RuleSyntaxError(ValueError):
    pass


class Verdict(StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    FAIL = "fail"
    ERROR = "error"  # could not be evaluated: staff decide


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    verdict: Verdict
    message: dict[str, str]


class CompiledRule:
    def __init__(self, rule_id: str, expression: str, message: Mapping[str, str]) -> None:
        self.rule_id = rule_id
        self.expression = expression
        self.message = dict(message)
        try:
            self._program = _ENV.program(_ENV.compile(expression))
        except CELParseError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
            raise RuleSyntaxError(f"rule {rule_id!r}: not a valid CEL expression ({first})") \
                from None

    def evaluate(self, facts: dict[str, Any]) -> RuleResult:
        try:
            activation: Any = json_to_cel(facts)
            value = self._program.evaluate(activation)
        except (CELEvalError, TypeError, ValueError, KeyError) as exc:
            log.warning("rule not evaluable", event_id=EventId.RULE_NOT_EVALUABLE,
                        rule=self.rule_id, error_kind=type(exc).__name__)
            return RuleResult(self.rule_id, Verdict.ERROR, self.message)
        if isinstance(value, CELEvalError) or not isinstance(value, BoolType):
            log.warning("rule not evaluable", event_id=EventId.RULE_NOT_EVALUABLE,
                        rule=self.rule_id, error_kind="not a boolean")
            return RuleResult(self.rule_id, Verdict.ERROR, self.message)
        return RuleResult(self.rule_id, Verdict.PASS if bool(value) else Verdict.FAIL,
                          self.message)
