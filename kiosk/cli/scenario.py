"""`kiosk scenario run`: scripted citizens, headless or on the screens by keys."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from kiosk.cli.common import EXIT_NO, EXIT_OK, EXIT_USAGE, Subcommands, err
from kiosk.config import ConfigError


def cmd_scenario_run(args: argparse.Namespace) -> int:
    from kiosk.flows.catalog import CatalogError
    from kiosk.scenarios.rig import ScenarioError, run_scenarios

    for f in args.files:
        if not Path(f).is_file():
            err(f"{f}: no such scenario file")
            return EXIT_USAGE
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="kiosk-scenarios-"))
    try:
        results = run_scenarios(list(args.files), out_dir, args.config)
    except (ScenarioError, CatalogError, ConfigError, KeyError) as exc:
        err(str(exc).strip("'\""))
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


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
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

