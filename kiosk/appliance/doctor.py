"""`kiosk doctor`: one report a technician reads over SSH — the configuration is valid, every
device answers, the backend answers, the disk has room, the clock agrees with the backend's,
the kiosk's secrets are sealed to this machine and open, and no certificate is about to
expire, and the province's catalog is current (no refused update, checked lately). Each
check is ok, warn or FAIL with a reason."""

from __future__ import annotations

import asyncio
import email.utils
import json
import shutil
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import httpx
from cryptography import x509

from kiosk.config import ConfigError, KioskSettings, load_config
from kiosk.credentials import SECRET_NAMES, CredentialError, credentials_for
from kiosk.domain.clock import KioskClock, printed_time
from kiosk.services.gateway_tls import GatewayEndpoint, GatewayTlsError

if TYPE_CHECKING:
    from kiosk.app import KioskCore

Verdict = Literal["ok", "warn", "FAIL"]
CLOCK_WARN_S, CLOCK_FAIL_S = 30.0, 300.0
DISK_FAIL_BYTES, DISK_WARN_BYTES = 200 * 2**20, 1 * 2**30
CERT_WARN_DAYS = 30


@dataclass(frozen=True)
class Check:
    name: str
    verdict: Verdict
    detail: str

    def as_json(self) -> dict[str, str]:
        return asdict(self)


def check_config(path: Path | None, overrides: dict[str, object]) -> tuple[Check,
                                                                           KioskSettings | None]:
    try:
        config = load_config(path, **overrides)
    except ConfigError as exc:
        return Check("config", "FAIL", str(exc)), None
    return Check("config", "ok", f"{path or 'defaults'}: valid"), config


async def check_devices(core: KioskCore) -> list[Check]:
    from kiosk.devices.monitor import probe_now

    results = await asyncio.gather(*(probe_now(d) for d in core.devices))
    checks = []
    for device, (status, reason) in zip(core.devices, results, strict=True):
        if not status.connected:
            checks.append(Check(f"device {device.name}", "FAIL",
                                f"{device.adapter}: not reachable: {reason or status.code}"))
        elif status.state.value != "ok":
            checks.append(Check(f"device {device.name}", "warn",
                                f"{device.adapter}: {status.state.value} ({status.code})"))
        else:
            checks.append(Check(f"device {device.name}", "ok", f"{device.adapter}: answers"))
    return checks


async def check_backend(endpoint: GatewayEndpoint, now: float | None = None) -> list[Check]:
    """The backend at `endpoint`: the configured one, or under --simulate the one this kiosk's
    own simulator hub started (which may have moved off a taken port), over the same TLS the
    kiosk speaks (the server verified, the kiosk's client certificate presented)."""
    url = endpoint.url
    try:
        async with httpx.AsyncClient(verify=endpoint.tls(), timeout=10) as client:
            r = await client.get(url.rstrip("/") + "/v1/health")
    except (httpx.HTTPError, GatewayTlsError) as exc:
        return [Check("backend", "FAIL", f"{url}: {type(exc).__name__}: {exc}"),
                Check("clock", "warn", "not compared: the backend did not answer")]
    backend = Check("backend", "ok" if r.status_code == 200 else "FAIL",
                    f"{url}: HTTP {r.status_code}")
    date = r.headers.get("date")
    if not date:
        return [backend, Check("clock", "warn", "the backend sends no Date header")]
    skew = (now if now is not None else time.time()) - \
        email.utils.parsedate_to_datetime(date).timestamp()
    verdict: Verdict = "ok" if abs(skew) <= CLOCK_WARN_S else \
        "warn" if abs(skew) <= CLOCK_FAIL_S else "FAIL"
    return [backend, Check("clock", verdict, f"{skew:+.0f} s against the backend")]


def check_disk(path: Path) -> Check:
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    usage = shutil.disk_usage(probe)
    free_mb = usage.free / 2**20
    verdict: Verdict = "FAIL" if usage.free < DISK_FAIL_BYTES else \
        "warn" if usage.free < DISK_WARN_BYTES or usage.free < usage.total * 0.05 else "ok"
    return Check("disk", verdict, f"{probe}: {free_mb:.0f} MB free of {usage.total / 2**30:.1f} GB")


def check_certificates(config: KioskSettings, now: datetime | None = None) -> list[Check]:
    now = now or datetime.now(UTC)
    files = {"CA bundle": config.backend_ca_bundle, "client certificate":
             config.backend_client_cert}
    keys_dir = config.data_dir / "keys"
    if keys_dir.is_dir():
        for pem in sorted(keys_dir.glob("*cert*.pem")):
            files[f"signing {pem.name}"] = pem
    checks = []
    for what, path in files.items():
        if path is None:
            continue
        try:
            certs = x509.load_pem_x509_certificates(Path(path).read_bytes())
        except (OSError, ValueError) as exc:
            checks.append(Check(f"certificate {what}", "FAIL", f"{path}: {exc}"))
            continue
        soonest = min(certs, key=lambda c: c.not_valid_after_utc)
        days = (soonest.not_valid_after_utc - now).days
        verdict: Verdict = "FAIL" if days < 0 else "warn" if days < CERT_WARN_DAYS else "ok"
        checks.append(Check(f"certificate {what}", verdict,
                            f"{path}: expires {soonest.not_valid_after_utc:%Y-%m-%d} "
                            f"({days} days)"))
    return checks


async def run_doctor(path: Path | None, overrides: dict[str, object]) -> list[Check]:
    config_check, config = check_config(path, overrides)
    if config is None:
        return [config_check]
    checks = [config_check]
    from kiosk.app import KioskCore

    # the devices as the kiosk builds them (on --simulate, its simulators and its backend)
    core = KioskCore(config)
    await core.start(monitor=False)
    try:
        checks += await check_devices(core)
        checks += await check_backend(core.gateway_endpoint())
    finally:
        await core.stop()
    checks.append(check_disk(config.data_dir))
    checks.append(check_credentials(config))
    checks.append(check_outbox(config.data_dir))
    checks.append(check_catalog(config))
    checks += check_certificates(config)
    return checks


def check_catalog(config: KioskSettings, now: datetime | None = None) -> Check:
    """The province's catalog: the version kept, and the last check (kiosk/signed_catalog).
    A refused update fails (someone must look: an attack, or a bad publication); a
    repository not reached or not checked lately is a warning (the kiosk serves on)."""
    from kiosk.signed_catalog.check_outcome import CatalogStatus
    from kiosk.signed_catalog.kept_catalogs import KeptCatalogs

    c = config.catalog
    kept = KeptCatalogs(config.data_dir)
    version = kept.current_version()
    shown = f"version {version}" if version else "the catalog shipped with the kiosk"
    if not c.repository:
        return Check("catalog", "ok", f"{shown}; no repository configured")
    if not kept.provisioned_root.exists() and (c.root is None or not c.root.exists()):
        return Check("catalog", "FAIL", f"{shown}; no root metadata to trust: set catalog.root "
                                        "to the province's 1.root.json")
    status = CatalogStatus.load(kept.state_file)
    clock = KioskClock(config.time_zone)
    last = status.last_check
    if last is None:
        return Check("catalog", "warn", f"{shown}; {c.repository} not checked yet")
    when = printed_time(last.checked_at.astimezone(clock.zone))
    if status.last_refusal is not None:
        r = status.last_refusal
        return Check("catalog", "FAIL", f"{shown}; an update was refused "
                     f"{printed_time(r.checked_at.astimezone(clock.zone))} "
                     f"({r.reason_code}): {r.reason}")
    if last.result == "unreachable":
        return Check("catalog", "warn", f"{shown}; {c.repository} not reached at {when}: "
                                        f"{last.reason}")
    age_s = ((now or datetime.now(UTC)) - last.checked_at).total_seconds()
    if age_s > max(3 * c.check_every_s, 3600):
        return Check("catalog", "warn", f"{shown}; not checked since {when}")
    return Check("catalog", "ok", f"{shown}; checked {when}: {last.result}")


def check_credentials(config: KioskSettings) -> Check:
    """Where the kiosk's secrets come from, and that each one opens: sealed to this machine
    on a kiosk; plain files only in development (a warning when simulated, a failure on a
    real kiosk, whose disk would then give them away)."""
    creds = credentials_for(config)
    if not creds.sealed:
        return Check("credentials", "warn" if config.simulate else "FAIL", creds.describe())
    try:
        for name in SECRET_NAMES:
            creds.secret(name)
    except CredentialError as exc:
        return Check("credentials", "FAIL", exc.detail)
    return Check("credentials", "ok", creds.describe())


def check_outbox(data_dir: Path) -> Check:
    """The outbox on disk (read-only) and any standing damage alarm; the uploader's restarts."""
    from kiosk.services.outbox_file import inspect_outbox

    problem = inspect_outbox(data_dir)
    if problem is not None:
        return Check("outbox", "FAIL", problem)
    restarts = ""
    state = data_dir / "uploader.json"
    if state.exists():
        try:
            info = json.loads(state.read_text(encoding="utf-8"))
            restarts = f"; the uploader restarted {int(info['restarts'])} time(s), last after " \
                       f"{info['last_crash']}"
        except (OSError, ValueError, KeyError, TypeError):
            restarts = "; the uploader's state file is unreadable"
    return Check("outbox", "warn" if restarts else "ok", "intact" + restarts)
