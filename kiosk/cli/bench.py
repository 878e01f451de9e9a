"""`kiosk bench`: the benchmark figures and their budgets."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.cli.common import EXIT_NOT_AVAILABLE, EXIT_OK, EXIT_USAGE, Subcommands, err


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench import BenchmarksMissing, run_benchmarks

    try:
        results = run_benchmarks(only=args.only, log=lambda m: print(m, file=sys.stderr))
    except BenchmarksMissing as exc:
        err(str(exc))
        return EXIT_NOT_AVAILABLE
    except KeyError as exc:
        err(f"no benchmark figure named {exc.args[0]!r}")
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


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    bench = sub.add_parser("bench", help="performance figures of benchmarks/")
    bench.add_argument("--json", action="store_true", help="one JSON object of figures")
    bench.add_argument("--only", metavar="NAME", action="append", help="run only this figure")
    bench.set_defaults(func=cmd_bench)
