"""Eligibility rules in CEL (Common Expression Language, via cel-python): safe (no Python
eval, no side effects), compiled once at load, evaluated per application.

A rule is an expression over the application's facts (`identity`, `form`, `licenses`,
`records`, `today`) that must be true, with a citizen-facing message for when it is false.
A rule that cannot be evaluated (missing data, a type error) is neither true nor false: it
refers the citizen to staff, and is logged by rule id only (the evaluation error would carry
the citizen's data, so its text never reaches the log).

Rules are input too: at load an expression longer than MAX_RULE_CHARS or nested deeper than
MAX_RULE_DEPTH brackets is refused (cel-python recurses once per level and would end in a
RecursionError at the first citizen), and every evaluation runs under a CPU deadline
(EVAL_DEADLINE_S): a rule that takes longer (a nested `map` grows exponentially) is cut off and
counts as not evaluable, so the citizen is referred to staff and the visit goes on.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import celpy
import lark
from celpy.adapter import json_to_cel
from celpy.celparser import CELParseError
from celpy.celtypes import BoolType
from celpy.evaluation import CELEvalError

from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)
_ENV = celpy.Environment()

MAX_RULE_CHARS = 2000
MAX_RULE_DEPTH = 24
EVAL_DEADLINE_S = 0.5


@functools.lru_cache(maxsize=4096)
def _compiled(expression: str) -> Any:
    """One compiled program per expression text: a program holds no state between
    evaluations, and a province catalog repeats the same few checks (age, a licence held) in
    many items, so each is parsed once."""
    return _ENV.program(_ENV.compile(expression))


class _OutOfTime(BaseException):
    """Raised inside a rule's evaluation at its deadline. A BaseException, so that no
    `except Exception` in the evaluator can swallow it and keep computing."""


def _nesting_depth(expression: str) -> int:
    """The deepest bracket nesting of `expression`, outside string literals."""
    depth = deepest = 0
    quote: str | None = None
    escaped = False
    for ch in expression:
        if quote is not None:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    return deepest


_EVALUATOR_FILES = tuple(os.path.dirname(m.__file__ or "") + os.sep for m in (celpy, lark))


def _within_deadline(seconds: float, run: Any) -> Any:
    """`run()` in this thread, interrupted by _OutOfTime once `seconds` have passed. A trace
    hook checks the clock at every Python call the evaluator makes (cel-python is pure
    Python); the caller's own hooks, if any (a debugger, coverage), are put back after.

    The hook raises only in the evaluator's own frames (cel-python, lark). Python drops a
    trace hook whose call raised, and some calls swallow what they raise: a `__del__` run by a
    garbage collection, or lark's `Token.__eq__` called from inside `getattr` (seen here: a
    rule cut off at 0.3 s ran on unwatched for 35 s). So before it raises, the hook sets a
    profile hook that puts it back as soon as Python has dropped it: a swallowed interruption
    is raised again at the evaluator's next call. For the same reason a run that returns
    after its deadline counts as cut off."""
    end = time.monotonic() + seconds
    expired = armed = False
    previous_trace, previous_profile = sys.gettrace(), sys.getprofile()

    def check(frame: Any, _event: str, _arg: Any) -> None:
        nonlocal expired, armed
        if time.monotonic() > end:
            expired = True
            if frame.f_code.co_filename.startswith(_EVALUATOR_FILES):
                if not armed:
                    armed = True
                    sys.setprofile(rearm)
                raise _OutOfTime

    def rearm(_frame: Any, _event: str, _arg: Any) -> None:
        if sys.gettrace() is None:
            sys.settrace(check)

    sys.settrace(check)
    try:
        value = run()
    finally:
        # The profile hook is touched only when the deadline replaced it: a C profiler's
        # (cProfile's) cannot be set back from Python, so it stays as it was on every rule
        # that ends in time. It goes first: it would set the trace hook again once gone.
        if armed:  # (a C profiler's hook cannot be set back: it stops rather than breaks)
            sys.setprofile(previous_profile if callable(previous_profile) else None)
        sys.settrace(previous_trace)
    if expired:
        raise _OutOfTime
    return value


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
        if len(expression) > MAX_RULE_CHARS:
            raise RuleSyntaxError(f"rule {rule_id!r}: longer than {MAX_RULE_CHARS} characters")
        if _nesting_depth(expression) > MAX_RULE_DEPTH:
            raise RuleSyntaxError(f"rule {rule_id!r}: brackets nested deeper than "
                                  f"{MAX_RULE_DEPTH} levels")
        try:
            self._program = _compiled(expression)
        except RecursionError:
            raise RuleSyntaxError(f"rule {rule_id!r}: nested too deeply") from None
        except CELParseError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
            raise RuleSyntaxError(f"rule {rule_id!r}: not a valid CEL expression ({first})") \
                from None

    def evaluate(self, facts: dict[str, Any],
                 deadline_s: float = EVAL_DEADLINE_S) -> RuleResult:
        """PASS, FAIL, or ERROR (not evaluable, whatever the reason: staff decide). Never
        raises."""
        try:
            activation: Any = json_to_cel(facts)
            value = _within_deadline(deadline_s,
                                     lambda: self._program.evaluate(activation))
        except _OutOfTime:
            log.warning("rule not evaluable", event_id=EventId.RULE_NOT_EVALUABLE,
                        rule=self.rule_id, error_kind="time limit", limit_s=deadline_s)
            return RuleResult(self.rule_id, Verdict.ERROR, self.message)
        except Exception as exc:  # CELEvalError, TypeError, RecursionError, MemoryError...
            log.warning("rule not evaluable", event_id=EventId.RULE_NOT_EVALUABLE,
                        rule=self.rule_id, error_kind=type(exc).__name__)
            return RuleResult(self.rule_id, Verdict.ERROR, self.message)
        if isinstance(value, CELEvalError) or not isinstance(value, BoolType):
            log.warning("rule not evaluable", event_id=EventId.RULE_NOT_EVALUABLE,
                        rule=self.rule_id, error_kind="not a boolean")
            return RuleResult(self.rule_id, Verdict.ERROR, self.message)
        return RuleResult(self.rule_id, Verdict.PASS if bool(value) else Verdict.FAIL,
                          self.message)
