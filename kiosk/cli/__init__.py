"""The `kiosk` command (the contract: README.md, "The kiosk command").

One module per command group; each holds thin shells over an API that lives with its subject
(the SAM decoder in `kiosk.devices.idcard`, the admin actions in `kiosk.admin.actions`, ...)
and a `register` function that adds its subcommands to the parser.

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
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli import (
    admin,
    bench,
    camera,
    card,
    catalog,
    devices,
    doctor,
    idcard,
    outbox,
    payments,
    run,
    scenario,
    sim,
    verify,
)
from kiosk.cli.common import EXIT_INTERRUPTED, EXIT_NO, EXIT_USAGE, common_options, err
from kiosk.config import ConfigError

# in the order `kiosk --help` lists them
GROUPS = (run, scenario, idcard, devices, card, verify, sim, outbox, payments, camera, doctor,
          admin, bench, catalog)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kiosk",
        description="Yiban Kiosk (易办自助终端): government self-service terminal software.",
        epilog="Exit codes: 0 success; 1 negative answer; 2 bad usage, input or config; "
               "3 not available yet; 4 device or service unavailable; 130 interrupted.",
    )
    p.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = common_options()
    for group in GROUPS:
        group.register(sub, common)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from kiosk.appliance.native_memory import tune_malloc
    from kiosk.logging import configure_logging

    tune_malloc()  # before the threads start (see the module)

    # Before anything can log: JSON on stderr through the redactor (commands may raise the
    # level). stdout stays clean for the commands' own output.
    configure_logging("WARNING")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        err(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from kiosk.events import EventId
        from kiosk.logging import get_logger

        get_logger("kiosk.cli").exception("unhandled error", event_id=EventId.UNHANDLED_ERROR)
        err(f"unexpected error ({type(exc).__name__}); details are in the log")
        return EXIT_NO
    return code
