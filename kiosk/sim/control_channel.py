"""The control channel of a simulator process: a JSON hello line on stdout, then one JSON
command per stdin line, each answered with one JSON line; the process ends when stdin closes
(so a simulator never outlives the kiosk that started it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def serve_json_lines(hello: dict[str, Any], handle: Handler, stdin: TextIO,
                     stdout: TextIO) -> None:
    print(json.dumps(hello, ensure_ascii=False), file=stdout, flush=True)
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            reply: dict[str, Any] = {"ok": False, "error": "not JSON"}
        else:
            reply = handle(msg) if isinstance(msg, dict) else \
                {"ok": False, "error": "expected a JSON object"}
        print(json.dumps(reply, ensure_ascii=False), file=stdout, flush=True)
