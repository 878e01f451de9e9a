"""`kiosk bench`: the benchmark figures and their budgets."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.cli.common import EXIT_OK, EXIT_USAGE, Subcommands, err


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench import run_benchmarks

    try:
        results = run_benchmarks(only=args.only, log=lambda m: print(m, file=sys.stderr))
    except KeyError as exc:
        err(f"no benchmark figure named {exc.args[0]!r}")
        return EXIT_USAGE
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in results.items():
            print(f"{name:<28} {r['median']:>10.3f} {r['unit']:<6} budget {r['budget']:<6} "
                  f"{r['verdict']}")
    return EXIT_OK


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    bench = sub.add_parser("bench",
                           help="performance figures and their budgets (docs/benchmarks.md)")
    bench.add_argument("--json", action="store_true", help="one JSON object of figures")
    bench.add_argument("--only", metavar="NAME", action="append", help="run only this figure")
    bench.set_defaults(func=cmd_bench)
