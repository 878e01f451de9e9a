"""The reference server and its contract say the same thing: Schemathesis (a contract fuzzer)
generates valid and invalid requests from kiosk/services/gateway.yaml and runs all its checks
against `kiosk sim backend` — no server error, every answer (problems included) in the
documented shape and content type, no valid request refused, no invalid one accepted."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.sim.backend import BackendServer

SPEC = Path(__file__).resolve().parents[2] / "kiosk" / "services" / "gateway.yaml"


def test_schemathesis_finds_nothing(backend: BackendServer, tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a dev dependency (pyproject.toml)"
    # as a kiosk (its certificate) and a signed-in staff member at once, so that every
    # operation can be reached; without them it checks that each refuses (ignored_auth)
    tls = backend.kiosk_files(tmp_path / "tls", "FUZZ-0001")
    # The operations a kiosk and the staff member on the request may both call: the fuzzer can
    # withhold the bearer credential but not the client certificate, so its "ignored auth"
    # check would only see the certificate accepted. Their refusals are tested for both
    # parties in tests/integration/test_help_call.py.
    (tmp_path / "schemathesis.toml").write_text("\n".join(
        f'[[operations]]\ninclude-path = "{path}"\ninclude-method = "{method}"\n'
        f'checks.ignored_auth.enabled = false\n' for path, method in [
            ("/v1/help/requests/{request_id}", "GET"),
            ("/v1/help/requests/{request_id}/call", "GET"),
            ("/v1/help/requests/{request_id}/call/hangup", "POST"),
            ("/v1/help/requests/{request_id}/lines", "GET"),
            ("/v1/help/requests/{request_id}/lines", "POST")]))
    # orders the fuzzer makes expire at once: a long-polled query of one is not held long
    backend.state.faults.order_lifetime_s = 1
    r = subprocess.run(
        # every check is on by default (schemathesis' config: each `enabled` defaults to true);
        # `--checks all` on the command line would override the file's per-operation line
        [st, "run", str(SPEC), "--url", backend.url, "--max-examples", "40",
         "--seed", "20261203", "--no-color", "--report-dir", str(tmp_path),
         "--tls-verify", str(tls.ca), "--request-cert", str(tls.cert),
         "--request-cert-key", str(tls.key),
         "-H", f"Authorization: Bearer {backend.staff_token('chenjing')}"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    summary = "\n".join(r.stdout.splitlines()[-40:])
    assert r.returncode == 0, summary
    counts = re.search(r"(\d+) generated, (\d+) passed", r.stdout)
    assert counts, summary
    generated, passed = map(int, counts.groups())
    assert generated == passed
    assert generated > 600, summary  # it really exercised every operation
