"""The `kiosk` command (the contract: README.md, "The kiosk command").

Machine-readable output is JSON on stdout; human messages go to stderr.

Exit codes:
  0  success
  1  the command ran and the answer is "no" (check failed, expectations not met, INVALID)
  2  bad usage, bad input or invalid configuration
  3  (reserved: a command not available in this version)
  4  a device or service the command needs is unavailable
  130 interrupted
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import ConfigError, KioskSettings, load_config, packaged_config

EXIT_OK, EXIT_NO, EXIT_USAGE, EXIT_NOT_AVAILABLE, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4



def _err(message: str) -> None:
    print(f"kiosk: {message}", file=sys.stderr)


def _config_from(args: argparse.Namespace) -> KioskSettings:
    path: Path | None = getattr(args, "config", None)
    simulate = bool(getattr(args, "simulate", False))
    if path is None and simulate:
        path = packaged_config("simulated")
    overrides: dict[str, Any] = {"simulate": True} if simulate else {}
    return load_config(path, **overrides)


# --- commands -------------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging

    config = _config_from(args)
    configure_logging(config.log_level)
    from kiosk.ui.display import NoDisplay, check_display

    fullscreen = config.ui.fullscreen and not args.windowed
    try:
        check_display()
        # the core (simulators, devices) starts while Qt and the UI modules load
        from kiosk.app import CoreThread, KioskCore

        core_thread = CoreThread()
        core_thread.start()
        core = KioskCore(config)
        started = core_thread.submit(core.start(wait_first_poll=False))
        from kiosk.ui.shell import UiLoadFailed, run

        try:
            return run(config, fullscreen=fullscreen, first_frame_marker=args.first_frame_marker,
                       exit_after_first_frame=args.exit_after_first_frame,
                       started_core=(core_thread, core, started))
        except UiLoadFailed as exc:
            _err(str(exc))
            return EXIT_UNAVAILABLE
    except NoDisplay as exc:
        _err(str(exc))
        return EXIT_UNAVAILABLE


def cmd_devices(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging

    config = _config_from(args)
    configure_logging("WARNING")
    rows = asyncio.run(_probe_devices(config))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            state = r["state"] + (f" ({r['code']})" if r["code"] else "")
            print(f"{r['name']:<18} {r['adapter']:<15} {state}")
            if r.get("reason"):
                print(f"{'':<18} {r['reason']}")
    return EXIT_OK


async def _probe_devices(config: KioskSettings) -> list[dict[str, Any]]:
    from kiosk.app import KioskCore
    from kiosk.devices.monitor import probe_now

    core = KioskCore(config)
    await core.start(monitor=False)
    try:
        results = await asyncio.gather(*(probe_now(d) for d in core.devices))
    finally:
        await core.stop()
    rows = []
    for device, (status, reason) in zip(core.devices, results, strict=True):
        row: dict[str, Any] = {
            "name": device.name,
            "kind": device.kind.value,
            "adapter": device.adapter,
            "simulated": device.simulated,
            "connected": status.connected,
            "state": status.state.value,
            "code": status.code,
            "detail": dict(status.detail),
        }
        if reason:
            row["reason"] = reason
        rows.append(row)
    return rows


def cmd_sim_receipt(args: argparse.Namespace) -> int:
    from kiosk.devices.printers.receipt_simulator import ReceiptPrinterSimulator
    from kiosk.logging import configure_logging

    configure_logging("INFO")

    async def serve() -> None:
        sim = ReceiptPrinterSimulator(args.host, args.port)
        try:
            await sim.start()
        except OSError as exc:
            raise SystemExit(
                f"kiosk: cannot listen on {args.host}:{args.port}: {exc.strerror}"
            ) from None
        print(json.dumps({"host": sim.host, "port": sim.port}), flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await sim.stop()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


def _read_input_bytes(args: argparse.Namespace) -> bytes:
    """The bytes given by --hex or FILE (raw binary, or hex text with any spacing)."""
    if args.hex is not None:
        text = args.hex
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            raise InputError(f"{args.file}: {exc.strerror}") from None
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            return raw
        if not all(c in "0123456789abcdefABCDEF \n\r\t:" for c in text):
            return raw
    cleaned = "".join(c for c in text if c not in " \n\r\t:")
    try:
        return bytes.fromhex(cleaned)
    except ValueError:
        raise InputError("the input is not hexadecimal") from None


class InputError(ValueError):
    pass


def cmd_idcard_decode(args: argparse.Namespace) -> int:
    from kiosk.devices.errors import DeviceProtocolError
    from kiosk.devices.idcard.cli_output import record_to_json
    from kiosk.devices.idcard.reader import split_read_data
    from kiosk.devices.idcard.sam_frame import PREAMBLE, BadFrame, FrameReader, Sw3
    from kiosk.devices.idcard.text_block import TextBlockError, decode_text_block

    try:
        data = _read_input_bytes(args)
    except InputError as exc:
        _err(str(exc))
        return EXIT_USAGE
    photo_len = 0
    if data.startswith(PREAMBLE):
        reader = FrameReader()
        frames = reader.feed(data)
        if not frames:
            _err(f"incomplete frame: {len(data)} bytes, the length field says "
                 f"{7 + int.from_bytes(data[5:7], 'big')}")
            return EXIT_NO
        frame = frames[0]
        if isinstance(frame, BadFrame):
            _err(f"bad frame: {frame.reason}")
            return EXIT_NO
        if reader.pending() or len(frames) > 1:
            _err("trailing bytes after the frame")
            return EXIT_NO
        try:
            response = frame.as_response()
        except ValueError as exc:
            _err(f"bad frame: {exc}")
            return EXIT_NO
        if response.sw3 != Sw3.SUCCESS:
            _err(f"reader status SW3 {response.sw3:02X}: {response.meaning}")
            return EXIT_NO
        try:
            text, photo = split_read_data(response.data)
        except DeviceProtocolError as exc:
            _err(f"bad frame: {exc}")
            return EXIT_NO
        photo_len = len(photo)
    else:
        text = data
    try:
        record = decode_text_block(text)
    except TextBlockError as exc:
        _err(f"cannot decode the text block: {exc}")
        return EXIT_NO
    out = record_to_json(record, reveal=args.reveal)
    out["photo"] = {"present": photo_len > 0, "format": "wlt", "bytes": photo_len} \
        if photo_len else {"present": False}
    _print_record(out, args.json)
    return EXIT_OK


def _print_record(out: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for k, v in out.items():
        if isinstance(v, dict):
            v = " ".join(f"{a}={b}" for a, b in v.items())
        print(f"{k:<14} {v}")


def cmd_idcard_read(args: argparse.Namespace) -> int:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.idcard.cli_output import record_to_json
    from kiosk.devices.idcard.reader import SamReader
    from kiosk.logging import configure_logging

    configure_logging("WARNING")
    port = args.port
    if port is None:
        config = _config_from(args)
        if config.devices.idcard is None:
            _err("no --port given and no ID card reader configured")
            return EXIT_USAGE
        port = config.devices.idcard.port

    async def read() -> int:
        reader = SamReader("idcard", port, args.baud, adapter="sam-serial")
        try:
            await reader.open()
            status = await reader.probe()
            result = await reader.read_card()
        except DeviceError as exc:
            _err(f"{exc.code}: {exc}")
            return EXIT_UNAVAILABLE if exc.code == "device_unavailable" else EXIT_NO
        finally:
            await reader.close()
        if result is None:
            _err("no card on the reader")
            return EXIT_NO
        out = record_to_json(result.record, reveal=args.reveal)
        out["photo"] = {"present": bool(result.wlt), "format": "wlt", "bytes": len(result.wlt)}
        out["reader"] = {"port": port, "baud": args.baud, "sam_id": status.detail.get("sam_id"),
                         "read_ms": round(result.duration_s * 1000, 1)}
        _print_record(out, args.json)
        return EXIT_OK

    return asyncio.run(read())


def cmd_sim_idcard(args: argparse.Namespace) -> int:
    from kiosk.devices.idcard.sim_process import serve
    from kiosk.logging import configure_logging

    configure_logging("WARNING")
    try:
        return serve(args.baud, not args.no_pace, args.card)
    except KeyboardInterrupt:
        return 130


def cmd_card_read(args: argparse.Namespace) -> int:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.smartcard.card_reading import read_card
    from kiosk.devices.smartcard.icao.mrz import BacKey, MrzError
    from kiosk.devices.smartcard.icao.sod import load_trust_store
    from kiosk.devices.smartcard.pcsc_reader import list_readers

    key = None
    if args.mrz:
        try:
            key = BacKey.parse(args.mrz)
        except MrzError as exc:
            _err(f"--mrz: {exc}")
            return EXIT_USAGE
    trust = None
    if args.trust_dir is not None:
        try:
            trust = load_trust_store(args.trust_dir)
        except (OSError, ValueError) as exc:
            _err(f"--trust-dir: {exc}")
            return EXIT_USAGE
    try:
        reader = args.reader
        if reader is None:
            config = _config_from(args)
            prefix = config.devices.smartcard.reader if config.devices.smartcard else ""
            reader = next((r for r in list_readers() if r.startswith(prefix)), None)
            if reader is None:
                _err("no PC/SC reader found")
                return EXIT_UNAVAILABLE
        result = asyncio.run(read_card(reader, key, trust))
    except DeviceError as exc:
        _err(f"{exc.code}: {exc}")
        return EXIT_UNAVAILABLE if exc.code == "device_unavailable" else EXIT_NO
    ident = result.identity
    out: dict[str, Any] = {
        "credential": ident.credential.value,
        "document_number": ident.document_number,
        "nationality": ident.nationality,
        "sex": ident.sex.value,
        "birth": ident.birth.isoformat() if ident.birth else None,
        "expiry": ident.expiry.isoformat() if ident.expiry else None,
        "photo": {"present": ident.photo is not None, "format": ident.photo_format},
        "sod_verified": bool(result.passport and result.passport.sod.verified),
    }
    if result.passport is not None:
        out["surname"] = result.passport.mrz.surname
        out["given_names"] = result.passport.mrz.given_names
        out["sod_chain"] = result.passport.sod.chain
        out["apdus"] = result.passport.apdu_count
    if result.social_security is not None:
        s = result.social_security
        out["surname"] = s.name
        out["given_names"] = ""
        out["social_security_number"] = s.ssn
        out["nation"] = {"code": s.nation_code, "name": s.nation}
        out["card_version"] = s.spec_version
    if not args.reveal:
        from kiosk.domain.masking import mask_text

        for k in ("document_number", "surname", "given_names", "social_security_number"):
            if isinstance(out.get(k), str) and out[k]:
                out[k] = mask_text(out[k])
        if out["birth"]:
            out["birth"] = "****-**-**"
        out["masked"] = True
    _print_record(out, args.json)
    return EXIT_OK


def cmd_sim_smartcard(args: argparse.Namespace) -> int:
    from kiosk.devices.smartcard.sim_process import serve
    from kiosk.devices.smartcard.virtual.vpcd_link import VPCD_PORTS

    port = VPCD_PORTS[args.reader]
    try:
        return serve(args.reader, port, args.insert)
    except KeyboardInterrupt:
        return 130


def cmd_verify(args: argparse.Namespace) -> int:
    from kiosk.documents.issuer import keys_for, verify_certificate_pdf_with
    from kiosk.documents.keys import TrustedIssuers
    from kiosk.documents.qr_payload import verify_payload

    if args.trusted is not None:
        # only what the folder holds is trusted (e.g. a scenario run's out/trusted)
        try:
            trusted = TrustedIssuers.load(args.trusted)
        except (OSError, ValueError) as exc:
            _err(str(exc))
            return EXIT_USAGE
    else:  # this kiosk's own keys, and the keys in its keys/trusted folder
        config = _config_from(args)
        keys = keys_for(config.data_dir, config.kiosk_id)
        trusted = TrustedIssuers(keys.trusted_qr_keys(), [keys.pdf_cert])
    if args.qr is not None:
        verdict = verify_payload(args.qr, trusted.qr_keys)
        valid, reason, claim = verdict.valid, verdict.reason, verdict.claim
    else:
        try:
            pdf = Path(args.file).read_bytes()
        except OSError as exc:
            _err(f"{args.file}: {exc.strerror}")
            return EXIT_USAGE
        pdf_verdict = verify_certificate_pdf_with(pdf, trusted)
        valid, reason = pdf_verdict.valid, pdf_verdict.reason
        claim = pdf_verdict.qr.claim if pdf_verdict.qr else None
    out: dict[str, Any] = {"result": "VALID" if valid else "INVALID", "reason": reason}
    if claim is not None:
        out.update(document_number=claim.document_number, service_code=claim.service_code,
                   holder=claim.holder_masked, issue_date=claim.issue_date.isoformat(),
                   key_id=claim.key_id)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{out['result']}: {reason}")
        if claim is not None:
            print(f"  {claim.document_number}  {claim.service_code}  {claim.holder_masked}  "
                  f"{claim.issue_date.isoformat()}  key {claim.key_id}")
    return EXIT_OK if valid else EXIT_NO


def _face_engine(config: KioskSettings) -> Any:
    """The face models, or None after saying in one line why they cannot be loaded."""
    from kiosk.face.engine import FaceEngine
    from kiosk.face.models import ModelMissing

    try:
        return FaceEngine(config.face.detector_model, config.face.recognizer_model)
    except ModelMissing as exc:
        _err(str(exc))
        return None


def cmd_camera_test(args: argparse.Namespace) -> int:
    from kiosk.devices.base import DeviceKind
    from kiosk.devices.camera.base import Camera
    from kiosk.devices.camera.simulated import Scene, SimulatedCamera
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.registry import build_device

    config = _config_from(args)
    if config.devices.camera is None:
        _err("no camera configured")
        return EXIT_USAGE
    camera = build_device(config.devices, DeviceKind.CAMERA, None)
    assert isinstance(camera, Camera)
    if isinstance(camera, SimulatedCamera):
        camera.set_scene(Scene(args.scene))
    engine = _face_engine(config)
    if engine is None:
        return EXIT_UNAVAILABLE

    async def measure() -> dict[str, Any]:
        await camera.open()
        try:
            seq, detected, started, first = 0, 0, None, None
            import time as _time

            for _ in range(args.frames):
                seq, frame = await asyncio.to_thread(camera.next_frame, seq, 5.0)
                now = _time.perf_counter()
                started = started or now
                first = first or frame.shape
                if engine.detect(frame, config.face.detect_score):
                    detected += 1
                frame.fill(0)
            elapsed = _time.perf_counter() - (started or 0)
            return {"adapter": camera.adapter, "frames": args.frames,
                    "fps": round((args.frames - 1) / elapsed, 1) if elapsed > 0 else 0.0,
                    "width": first[1] if first else 0, "height": first[0] if first else 0,
                    "frames_with_face": detected}
        finally:
            await camera.close()

    try:
        out = asyncio.run(measure())
    except DeviceError as exc:
        _err(f"{exc.code}: {exc}")
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['adapter']}: {out['width']}x{out['height']} at {out['fps']} fps, "
              f"face in {out['frames_with_face']} of {out['frames']} frames")
    return EXIT_OK


def cmd_face_eval(args: argparse.Namespace) -> int:
    from kiosk.face.evaluation import evaluate

    config = _config_from(args)
    if not args.directory.is_dir():
        _err(f"{args.directory}: not a folder (one subfolder per person, images inside)")
        return EXIT_USAGE
    engine = _face_engine(config)
    if engine is None:
        return EXIT_UNAVAILABLE
    threshold = args.threshold if args.threshold is not None else config.face.match_threshold
    result = evaluate(args.directory, engine, threshold, config.face.id_photo_detect_score)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(f"threshold {threshold}: {len(result.genuine)} genuine pairs, "
              f"{len(result.impostor)} impostor pairs, FAR {result.far:.4f}, "
              f"FRR {result.frr:.4f}")
        for kind, pairs in (("genuine", result.genuine), ("impostor", result.impostor)):
            for a, b, sim in pairs:
                print(f"  {kind:<8} {sim:6.3f}  {a}  {b}")
        for s in result.skipped:
            print(f"  skipped  {s}")
    return EXIT_OK


def cmd_sim_backend(args: argparse.Namespace) -> int:
    import uvicorn

    from kiosk.sim.backend import BackendState, create_app

    state = BackendState(args.db)
    print(json.dumps({"url": f"http://{args.host}:{args.port}"}), flush=True)
    try:
        uvicorn.run(create_app(state), host=args.host, port=args.port, log_level="warning",
                    access_log=False, lifespan="off")
    except OSError as exc:
        _err(f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


def cmd_outbox_status(args: argparse.Namespace) -> int:
    from kiosk.services.outbox import Outbox, OutboxKeyError
    from kiosk.services.outbox_file import MARKER_NAME, clear_alarm, inspect_outbox

    config = _config_from(args)
    path = config.data_dir / "outbox.sqlite3"
    status: dict[str, Any]
    if args.clear_alarm:
        if inspect_outbox(config.data_dir) is not None and not clear_alarm(config.data_dir):
            _err("the outbox is damaged now; it is repaired when the kiosk (or this command "
                 "without --clear-alarm) opens it")
            return EXIT_UNAVAILABLE
        print("outbox alarm cleared", file=sys.stderr)
    if not path.exists() and not (config.data_dir / MARKER_NAME).exists():
        status = {"pending": 0, "sent": 0, "dead": 0, "oldest_pending_age_s": None,
                  "dead_letters": [], "alarm": None}
    else:
        try:
            outbox = Outbox.open(config.data_dir)
        except OutboxKeyError as exc:
            _err(str(exc))
            return EXIT_UNAVAILABLE
        try:
            if args.retry_now:
                print(f"made {outbox.retry_now()} item(s) due again", file=sys.stderr)
            status = outbox.status().as_json()
        finally:
            outbox.close()
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        if status["alarm"]:
            print(status["alarm"])
        age = status["oldest_pending_age_s"]
        print(f"pending {status['pending']}, sent {status['sent']}, dead {status['dead']}"
              + (f", oldest pending {age:.0f} s" if age is not None else ""))
        for d in status["dead_letters"]:
            print(f"  dead {d['id'][:12]} {d['kind']} {d['service']} after {d['attempts']} "
                  f"attempts, {d['age_s']:.0f} s old: {d['error']}")
    return EXIT_OK


def cmd_scenario_run(args: argparse.Namespace) -> int:
    from kiosk.flows.catalog import CatalogError
    from kiosk.flows.scenario import ScenarioError, run_scenarios

    for f in args.files:
        if not Path(f).is_file():
            _err(f"{f}: no such scenario file")
            return EXIT_USAGE
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="kiosk-scenarios-"))
    try:
        results = asyncio.run(run_scenarios(list(args.files), out_dir, args.config))
    except (ScenarioError, CatalogError, ConfigError, KeyError) as exc:
        _err(str(exc).strip("'\""))
        return EXIT_USAGE
    for r in results:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
        else:
            mark = "ok  " if not r["failed"] else "FAIL"
            print(f"{mark} {r['scenario']}: {r['service']} → {r['outcome']} "
                  f"{' '.join(r['case_numbers'])} ({r['seconds']:.2f} s)")
            for f in r["failed"]:
                print(f"     {f}")
    return EXIT_OK if all(not r["failed"] for r in results) else EXIT_NO


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench import BenchmarksMissing, run_benchmarks

    try:
        results = run_benchmarks(only=args.only, log=lambda m: print(m, file=sys.stderr))
    except BenchmarksMissing as exc:
        _err(str(exc))
        return EXIT_NOT_AVAILABLE
    except KeyError as exc:
        _err(f"no benchmark figure named {exc.args[0]!r}")
        return EXIT_USAGE
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in results.items():
            within = r["median"] >= r["budget"] if r.get("budget_is") == "minimum" \
                else r["median"] <= r["budget"]
            mark = "report" if r.get("report_only") else ("ok" if within else
                                                          ("UNDER" if r.get("budget_is") ==
                                                           "minimum" else "OVER"))
            print(f"{name:<28} {r['median']:>10.3f} {r['unit']:<4} budget {r['budget']} {mark}")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.appliance.doctor import run_doctor
    from kiosk.logging import configure_logging

    configure_logging("ERROR")
    path: Path | None = args.config
    overrides: dict[str, Any] = {}
    if args.simulate:
        path = path or packaged_config("simulated")
        overrides["simulate"] = True
    checks = asyncio.run(run_doctor(path, overrides))
    if args.json:
        print(json.dumps([c.as_json() for c in checks], ensure_ascii=False, indent=2))
    else:
        for c in checks:
            print(f"{c.verdict:<5} {c.name:<28} {c.detail}")
    failed = [c for c in checks if c.verdict == "FAIL"]
    if failed:
        _err(f"{len(failed)} check(s) failed: {', '.join(c.name for c in failed)}")
        return EXIT_UNAVAILABLE
    return EXIT_OK


def _read_pin(prompt: str) -> str:
    import getpass

    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_admin_set_pin(args: argparse.Namespace) -> int:
    from kiosk.admin.audit import AuditLog
    from kiosk.admin.pin import PinError, PinStore
    from kiosk.events import EventId

    config = _config_from(args)
    pin = _read_pin(f"New PIN for {args.staff} (6-12 digits): ")
    again = _read_pin("The same PIN again: ")
    if pin != again:
        _err("the two PINs differ; nothing changed")
        return EXIT_USAGE
    admin_dir = config.data_dir / "admin"
    try:
        PinStore(admin_dir / "pins.json").set_pin(args.staff, pin)
    except PinError as exc:
        _err(f"PIN not set: {exc.detail}")
        return EXIT_USAGE
    AuditLog(admin_dir / "audit.jsonl").record(EventId.ADMIN_PIN_SET, args.staff, "set-pin",
                                               via="ssh")
    print(f"PIN set for {args.staff}", file=sys.stderr)
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file "
                        "(default: $KIOSK_CONFIG or /etc/kiosk/kiosk.toml)")
    common.add_argument("--simulate", action="store_true",
                        help="use simulated devices "
                        "(the packaged simulated config unless --config)")

    p = argparse.ArgumentParser(
        prog="kiosk",
        description="Yiban Kiosk (易办自助终端): government self-service terminal software.",
        epilog="Exit codes: 0 success; 1 negative answer; 2 bad usage, input or config; "
               "3 not available yet; 4 device or service unavailable; 130 interrupted.",
    )
    p.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser("run", parents=[common], help="run the kiosk appliance (fullscreen)")
    run.add_argument("--windowed", action="store_true", help="a normal window, not fullscreen")
    run.add_argument("--first-frame-marker", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    run.set_defaults(func=cmd_run)

    scenario = sub.add_parser("scenario", help="scripted citizens run services headless")
    ssub = scenario.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    srun = ssub.add_parser("run", help="run scenario files; exit 0 when every "
                           "expectation holds")
    srun.add_argument("--config", type=Path, metavar="FILE",
                      help="the kiosk configuration to run on (default: the packaged simulated "
                           "one); its devices must be simulated")
    srun.add_argument("files", nargs="+", type=Path, metavar="FILE")
    srun.add_argument("--json", action="store_true", help="one JSON object per scenario")
    srun.add_argument("--out", type=Path, metavar="DIR",
                      help="where printed artefacts go, and trusted/ with the keys that check "
                           "them (default: a new temporary folder)")
    srun.set_defaults(func=cmd_scenario_run)

    idcard = sub.add_parser("idcard", help="the resident ID card reader (SAM serial protocol)")
    isub = idcard.add_subparsers(dest="idcard_command", metavar="ACTION", required=True)
    dec = isub.add_parser("decode", help="decode a SAM response frame or a 256-byte text block")
    src = dec.add_mutually_exclusive_group(required=True)
    src.add_argument("--hex", metavar="HEX", help="the bytes as hex")
    src.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a file with the bytes")
    dec.add_argument("--json", action="store_true")
    dec.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    dec.set_defaults(func=cmd_idcard_decode)
    rd = isub.add_parser("read", parents=[common], help="read a card on a real reader")
    rd.add_argument("--port", help="serial device, e.g. /dev/ttyUSB0")
    rd.add_argument("--baud", type=int, default=115200)
    rd.add_argument("--json", action="store_true")
    rd.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    rd.set_defaults(func=cmd_idcard_read)

    dev = sub.add_parser("devices", parents=[common], help="each device: kind, adapter, "
                         "connected, status")
    dev.add_argument("--json", action="store_true", help="a JSON list on stdout")
    dev.set_defaults(func=cmd_devices)

    card = sub.add_parser("card", help="PC/SC cards: social security card, e-passport")
    csub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    cread = csub.add_parser("read", parents=[common], help="read the card in a PC/SC reader")
    cread.add_argument("--reader", metavar="NAME")
    cread.add_argument("--mrz", metavar="DOCNO:YYMMDD:YYMMDD",
                       help="e-passport: document number, birth date, expiry date")
    cread.add_argument("--json", action="store_true")
    cread.add_argument("--reveal", action="store_true", help="show personal fields unmasked")
    cread.add_argument("--trust-dir", type=Path, metavar="DIR",
                       help="country signing CA certificates to check the passport's signer")
    cread.set_defaults(func=cmd_card_read)

    ver = sub.add_parser("verify", parents=[common],
                         help="check a printed certificate's signature offline: VALID or "
                              "INVALID with the reason")
    vsrc = ver.add_mutually_exclusive_group(required=True)
    vsrc.add_argument("file", nargs="?", type=Path, metavar="FILE.pdf")
    vsrc.add_argument("--qr", metavar="TEXT", help="the text of the certificate's QR code")
    ver.add_argument("--trusted", type=Path, metavar="DIR",
                     help="trust only the keys in DIR (*.pub, *.crt; a scenario run writes "
                          "them to OUT/trusted) instead of this kiosk's own")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(func=cmd_verify)

    sim = sub.add_parser("sim", help="start one simulator standalone")
    simsub = sim.add_subparsers(dest="sim_command", metavar="SIMULATOR", required=True)
    srp = simsub.add_parser("receipt-printer", help="an ESC/POS receipt printer on TCP; prints "
                            "its address as JSON")
    srp.add_argument("--host", default="127.0.0.1")
    srp.add_argument("--port", type=int, default=9100)
    srp.set_defaults(func=cmd_sim_receipt)
    sid = simsub.add_parser("idcard", help="the ID card reader simulator on a pty; prints its "
                            "path as JSON, takes JSON control lines on stdin")
    sid.add_argument("--baud", type=int, default=115200, choices=[9600, 19200, 38400, 57600,
                                                                    115200])
    sid.add_argument("--card", metavar="ID", help="lay this sample card on the reader at start")
    sid.add_argument("--no-pace", action="store_true", help="answer at once, not at the baud "
                     "rate's speed")
    sid.set_defaults(func=cmd_sim_idcard)
    ssc = simsub.add_parser("smartcard", help="virtual cards on vpcd (needs pcscd with "
                            "vsmartcard-vpcd); prints the reader as JSON, takes JSON control "
                            "lines on stdin")
    ssc.add_argument("--reader", default="Virtual PCD 00 00",
                     choices=["Virtual PCD 00 00", "Virtual PCD 00 01"])
    ssc.add_argument("--insert", metavar="CARD", choices=["passport", "ssc", "ssc-needs-psam"],
                     help="insert this card at start")
    ssc.set_defaults(func=cmd_sim_smartcard)
    sbe = simsub.add_parser("backend", help="the simulated government backend (HTTP, "
                            "docs/api/gateway.yaml); prints its URL as JSON")
    sbe.add_argument("--host", default="127.0.0.1")
    sbe.add_argument("--port", type=int, default=8780)
    sbe.add_argument("--db", type=Path, metavar="FILE", help="SQLite file (default: memory)")
    sbe.set_defaults(func=cmd_sim_backend)

    outbox = sub.add_parser("outbox", help="applications waiting to reach the backend")
    osub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    ost = osub.add_parser("status", parents=[common], help="counts and ages (no personal data)")
    ost.add_argument("--json", action="store_true")
    ost.add_argument("--retry-now", action="store_true", help="make dead letters due again")
    ost.add_argument("--clear-alarm", action="store_true",
                     help="staff: acknowledge a damaged-outbox alarm (the files stay aside)")
    ost.set_defaults(func=cmd_outbox_status)

    cam = sub.add_parser("camera", help="the camera")
    camsub = cam.add_subparsers(dest="camera_command", metavar="ACTION", required=True)
    ctest = camsub.add_parser("test", parents=[common], help="frame rate, resolution and face "
                              "detection of the configured camera")
    ctest.add_argument("--frames", type=int, default=30)
    ctest.add_argument("--scene", default="genuine",
                       choices=["genuine", "impostor", "printed_photo", "wrong_way",
                                "two_faces", "no_face", "dark", "qr"],
                       help="the simulated camera's scene (simulated camera only)")
    ctest.add_argument("--json", action="store_true")
    ctest.set_defaults(func=cmd_camera_test)

    face = sub.add_parser("face", help="the face check")
    fsub = face.add_subparsers(dest="face_command", metavar="ACTION", required=True)
    feval = fsub.add_parser("eval", parents=[common], help="genuine/impostor similarities and "
                            "FAR/FRR for a folder with one subfolder per person")
    feval.add_argument("directory", type=Path, metavar="DIR")
    feval.add_argument("--threshold", type=float, help="default: face.match_threshold")
    feval.add_argument("--json", action="store_true")
    feval.set_defaults(func=cmd_face_eval)

    doctor = sub.add_parser("doctor", parents=[common],
                            help="one report: config, devices, backend, disk, clock, certificates")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)

    admin = sub.add_parser("admin", help="maintenance staff")
    asub = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    setpin = asub.add_parser("set-pin", parents=[common],
                             help="set a staff member's PIN for the hidden admin menu "
                                  "(read twice from the terminal or standard input)")
    setpin.add_argument("--staff", default="admin", help="staff id (default: admin)")
    setpin.set_defaults(func=cmd_admin_set_pin)

    bench = sub.add_parser("bench", help="performance figures of benchmarks/")
    bench.add_argument("--json", action="store_true", help="one JSON object of figures")
    bench.add_argument("--only", metavar="NAME", action="append", help="run only this figure")
    bench.set_defaults(func=cmd_bench)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from kiosk.appliance.malloc_arenas import limit_malloc_arenas
    from kiosk.logging import configure_logging

    limit_malloc_arenas()  # before the threads start (see the module)

    # Before anything can log: JSON on stderr through the redactor (commands may raise the
    # level). stdout stays clean for the commands' own output.
    configure_logging("WARNING")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from kiosk.events import EventId
        from kiosk.logging import get_logger

        get_logger("kiosk.cli").exception("unhandled error", event_id=EventId.UNHANDLED_ERROR)
        _err(f"unexpected error ({type(exc).__name__}); details are in the log")
        return EXIT_NO
    return code
