"""`kiosk run`: the appliance, fullscreen (or --windowed)."""

from __future__ import annotations

import argparse

from kiosk.cli.common import EXIT_UNAVAILABLE, Subcommands, config_from, err


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.logging import configure_logging

    config = config_from(args)
    if args.catalog_repo:  # the province's repository (a local one, to try a publication)
        config = config.model_copy(update={"catalog": config.catalog.model_copy(
            update={"repository": args.catalog_repo})})
    configure_logging(config.log_level)
    from kiosk.credentials import SECRET_NAMES, CredentialError, credentials_for

    try:  # a credential the unit does not pass is a deployment error: one line, no start
        credentials = credentials_for(config)
        for name in SECRET_NAMES if credentials.sealed else ():
            credentials.secret(name)
    except CredentialError as exc:
        err(f"the kiosk cannot start: {exc.detail}")
        return EXIT_UNAVAILABLE
    from kiosk.ui.display import NoDisplay, check_display

    fullscreen = config.ui.fullscreen and not args.windowed
    try:
        check_display()
        from kiosk.ui.shell import UiLoadFailed, run

        try:
            return run(config, fullscreen=fullscreen, first_frame_marker=args.first_frame_marker,
                       exit_after_first_frame=args.exit_after_first_frame,
                       first_frame_modules=args.first_frame_modules)
        except UiLoadFailed as exc:
            err(str(exc))
            return EXIT_UNAVAILABLE
    except NoDisplay as exc:
        err(str(exc))
        return EXIT_UNAVAILABLE


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    run = sub.add_parser("run", parents=[common], help="run the kiosk appliance (fullscreen)")
    run.add_argument("--windowed", action="store_true", help="a normal window, not fullscreen")
    run.add_argument("--catalog-repo", metavar="URL",
                     help="check this catalog repository (catalog.repository); the root to "
                     "trust comes from catalog.root (a simulated kiosk without one trusts the "
                     "repository's own 1.root.json on first use)")
    run.add_argument("--first-frame-marker", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--first-frame-modules", action="store_true", help=argparse.SUPPRESS)
    run.set_defaults(func=cmd_run)

