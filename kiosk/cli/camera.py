"""`kiosk camera test` and `kiosk face eval`: the camera and the face check."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

from kiosk.cli.common import EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE, Subcommands, config_from, err
from kiosk.config import KioskSettings


def _face_engine(config: KioskSettings) -> Any:
    """The face models, or None after saying in one line why they cannot be loaded."""
    from kiosk.face.engine import FaceEngine
    from kiosk.face.models import ModelMissing

    try:
        return FaceEngine(config.face.detector_model, config.face.recognizer_model)
    except ModelMissing as exc:
        err(str(exc))
        return None


def cmd_camera_test(args: argparse.Namespace) -> int:
    from kiosk.devices.base import DeviceKind
    from kiosk.devices.camera.base import Camera
    from kiosk.devices.camera.sim import Scene, SimulatedCamera
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.registry import build_device
    from kiosk.face.camera_test import measure_camera

    config = config_from(args)
    if config.devices.camera is None:
        err("no camera configured")
        return EXIT_USAGE
    camera = build_device(config.devices, DeviceKind.CAMERA, None)
    assert isinstance(camera, Camera)
    if isinstance(camera, SimulatedCamera):
        camera.set_scene(Scene(args.scene))
    engine = _face_engine(config)
    if engine is None:
        return EXIT_UNAVAILABLE

    try:
        measured = asyncio.run(measure_camera(camera, engine, args.frames,
                                              config.face.detect_score))
    except DeviceError as exc:
        err(f"{exc.code}: {exc}")
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps(measured.as_json(), indent=2))
    else:
        print(measured.summary())
    return EXIT_OK


def cmd_face_eval(args: argparse.Namespace) -> int:
    from kiosk.face.evaluation import evaluate

    config = config_from(args)
    if not args.directory.is_dir():
        err(f"{args.directory}: not a folder (one subfolder per person, images inside)")
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


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
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

