"""Exactly once across crashes: the kiosk's payment machinery (tests/payment_drill.py: the flow
engine's real pay step, the encrypted outbox and its order book, the uploader, the settler,
over mutual TLS to the simulated platform in this process) is SIGKILLed at every point of a
payment visit — each state an order reaches, and each moment the platform knows something
the kiosk has not yet written — and at points while it settles after a restart. After the
restart that finishes, every order is paid and served, or unpaid, or refunded: none charged
twice, none paid and unserved and unrefunded, each service recorded once. The counts are
reported (printed, and in artifacts/payment-kill-drill.json)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

from kiosk.sim.backend import BackendServer

ROOT = Path(__file__).resolve().parents[2]
VISIT_POINTS = {
    "qr": ["state:created", "after:create_order", "state:shown", "after:phone", "state:paid",
           "after:deliver", "state:served", "state:printed"],
    "gives_up": ["state:created", "after:create_order", "state:shown", "after:close_order",
                 "state:closed"],
    "refused": ["after:phone", "state:paid", "state:refunding", "after:refund",
                "state:refunded"],
    "late": ["after:close_order", "state:closed"],
}
# crashes while the restarted kiosk settles what the last one left
# (where the visit is killed, where the restarted kiosk is killed while it settles that)
RESUME_POINTS = {
    "qr": ("after:phone", ["state:paid", "after:deliver", "state:served"]),
    "gives_up": ("state:shown", ["after:close_order", "state:closed"]),
    "refused": ("state:paid", ["state:refunding", "after:refund"]),
    "late": ("state:closed", ["state:refunding", "after:refund"]),
}
FINAL = {"served", "printed", "closed", "refunded"}


class Drill:
    """The zygote process and the lines its children write."""

    def __init__(self, backend: BackendServer, tls_dir: Path) -> None:
        files = backend.kiosk_files(tls_dir, "DRILL-0001")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.payment_drill", backend.url, str(files.ca),
             str(files.cert), str(files.key)], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.last = ""
        self._buffer = b""
        assert self.line(30).get("ready")

    def line(self, timeout_s: float = 20) -> dict[str, Any]:
        """The next line the drill wrote. Read from the pipe's descriptor into a buffer of our
        own: a buffered reader would hold lines that select() cannot see (a child stopped
        right after its line would then wait for ever)."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self._buffer:
            ready, _w, _x = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:  # what its children were doing, and the last thing it said
                children = [(c.pid, c.status())
                            for c in psutil.Process(self.proc.pid).children()]
                raise AssertionError(f"the drill said nothing in {timeout_s:g} s; its "
                                     f"children: {children}; last line: {self.last!r}")
            chunk = os.read(fd, 65536)
            assert chunk, "the drill ended"
            self._buffer += chunk
        text, _nl, self._buffer = self._buffer.partition(b"\n")
        self.last = text.decode()
        return dict(json.loads(text))

    def run(self, command: dict[str, Any], kill_at_line: int | None = None
            ) -> tuple[list[dict[str, Any]], str | None]:
        """One child, killed where it stopped itself (`stop`), or as soon as its
        `kill_at_line`-th line is read (it runs on meanwhile). Its lines, and where it was
        killed (None: it finished)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        lines: list[dict[str, Any]] = []
        killed: str | None = None
        while True:
            msg = self.line()
            if "ended" in msg:
                return lines, killed if int(msg["signal"]) == signal.SIGKILL else None
            if "child" in msg:
                continue
            lines.append(msg)
            points = [x for x in lines if "point" in x]
            if "point" in msg and killed is None and (
                    msg["point"] == command.get("stop") or len(points) == kill_at_line):
                killed = str(msg["point"]) if msg["point"] == command.get("stop") \
                    else f"running after {msg['point']}"
                os.kill(int(msg["pid"]), signal.SIGKILL)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(10)


def rounds() -> list[dict[str, Any]]:
    """Every point of every plan killed exactly there (the child stopped itself); one in the
    middle of each plan killed while running on from there; and the restarted kiosk killed
    while it settles — at chosen points in some rounds, at its first step in the others."""
    out: list[dict[str, Any]] = []
    for plan, points in VISIT_POINTS.items():
        out += [{"plan": plan, "stop": point} for point in points]
        out.append({"plan": plan, "kill_at_line": (len(points) + 1) // 2})
    for plan, (visit_stop, points) in RESUME_POINTS.items():
        out += [{"plan": plan, "stop": visit_stop, "resume_stop": point} for point in points]
    return out


def faults_for(backend: BackendServer, plan: str) -> None:
    f = backend.state.faults
    f.service_refused = 1 if plan == "refused" else 0
    f.paid_after_close = 1 if plan == "late" else 0
    f.refund_refused = 0


def platform_settled(backend: BackendServer, order: str | None, plan: str) -> None:
    """A late payment lands just after the close: the restart comes once it has (or the
    restarted kiosk closes the order itself, and listens for it)."""
    if plan != "late" or order is None or order not in backend.state.payments.orders:
        return
    deadline = time.monotonic() + 5
    o = backend.state.payments.orders[order]
    while o.status == "closed" and o.transaction_id is None and time.monotonic() < deadline \
            and backend.state.faults.paid_after_close == 0:
        time.sleep(0.02)


def test_killed_at_every_state_every_order_ends_once(backend: BackendServer, tmp_path: Path,
                                                     artifacts: Path) -> None:
    drill = Drill(backend, tmp_path / "tls")
    kills: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    checked: dict[str, str] = {}
    try:
        for i, r in enumerate(rounds()):
            data = str(tmp_path / f"kiosk-{i}")
            plan = r["plan"]
            faults_for(backend, plan)
            lines, killed = drill.run({"visit": plan, "data": data, "stop": r.get("stop")},
                                      r.get("kill_at_line"))
            order = next((x["order"] for x in lines if x.get("point") == "state:created"),
                         None)
            if killed:
                kills[f"{plan}: {killed}"] += 1
            platform_settled(backend, order, plan)
            late = 1 if plan == "late" else 0
            # the restarted kiosk dies too: at a chosen point, else at its first step
            _l, killed = drill.run({"resume": True, "data": data, "late_listen_s": late,
                                    "stop": r.get("resume_stop")},
                                   None if "resume_stop" in r else 1)
            if killed:
                kills[f"{plan} (restarted): {killed}"] += 1
            resumed, killed = drill.run({"resume": True, "data": data, "late_listen_s": late})
            assert killed is None
            states = resumed[-1]["orders"]
            assert order is None or list(states) == [order], (r, states)  # one order a visit
            for number, state in states.items():
                assert state in FINAL, (r, number, state)
                checked[number] = state
                ends[state] += 1
    finally:
        drill.close()
    total = sum(kills.values())
    report = {"kills": total, "rounds": len(rounds()), "by_point": dict(sorted(kills.items())),
              "orders_ended": dict(ends)}
    (artifacts / "payment-kill-drill.json").write_text(json.dumps(report, indent=1,
                                                                  ensure_ascii=False))
    print(f"\npayment kill drill: {total} kills in {len(rounds())} rounds; orders ended "
          f"{dict(ends)}")
    assert total >= 50
    assert_platform_agrees(backend, checked)


def assert_platform_agrees(backend: BackendServer, kiosk: dict[str, str]) -> None:
    """What the kiosk says of each order, the platform and the registry say too: served ⇔
    paid, kept, and recorded exactly once; closed ⇔ nothing charged, nothing recorded;
    refunded ⇔ all returned, nothing recorded. No order of the kiosk's is charged that the
    kiosk does not know of."""
    orders = backend.state.payments.orders
    recorded = Counter(json.loads(body).get("order_no") for (body,) in backend.state.db.execute(
        "SELECT body FROM cases").fetchall())
    for number, state in kiosk.items():
        o = orders.get(number)
        charged = 0 if o is None or o.status not in ("paid", "refunded") else \
            o.amount_fen - o.refunded_fen
        if state in ("served", "printed"):
            assert o is not None, number
            assert (o.status, charged) == ("paid", o.amount_fen), number
            assert recorded[number] == 1, (number, recorded[number])
        elif state == "closed":
            assert charged == 0, number
            assert recorded[number] == 0, number
        else:
            assert o is not None, number
            assert (o.status, charged) == ("refunded", 0), number
            assert recorded[number] == 0, number
    mine = {n for n, o in orders.items() if o.kiosk_id == "DRILL-0001"}
    assert mine <= set(kiosk), "the platform holds an order the kiosk does not know"
