"""What every `kiosk` command shares: exit codes, the one-line error, the one way a command
finds its configuration, and how a record is printed for staff."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import KioskSettings, load_config, packaged_config

if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands = argparse._SubParsersAction

EXIT_OK, EXIT_NO, EXIT_USAGE, EXIT_NOT_AVAILABLE, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130


def err(message: str) -> None:
    """One line for the human on stderr (stdout stays for the command's own output)."""
    print(f"kiosk: {message}", file=sys.stderr)


def config_source(args: argparse.Namespace) -> tuple[Path | None, dict[str, Any]]:
    """Which file and which overrides a command's configuration comes from.

    --config FILE wins; --simulate alone means the packaged simulated configuration with
    `simulate` forced on; neither means $KIOSK_CONFIG or /etc/kiosk/kiosk.toml (load_config's
    default)."""
    path: Path | None = getattr(args, "config", None)
    simulate = bool(getattr(args, "simulate", False))
    if path is None and simulate:
        path = packaged_config("simulated")
    return path, ({"simulate": True} if simulate else {})


def config_from(args: argparse.Namespace) -> KioskSettings:
    path, overrides = config_source(args)
    return load_config(path, **overrides)


def common_options() -> argparse.ArgumentParser:
    """--config and --simulate, for every command that needs a configuration."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file "
                        "(default: $KIOSK_CONFIG or /etc/kiosk/kiosk.toml)")
    common.add_argument("--simulate", action="store_true",
                        help="use simulated devices "
                        "(the packaged simulated config unless --config)")
    return common


class InputError(ValueError):
    """The bytes or text a command was given cannot be used."""


def read_input_bytes(args: argparse.Namespace) -> bytes:
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


def print_record(out: dict[str, Any], as_json: bool) -> None:
    """A record as JSON, or as aligned `key value` lines for a terminal."""
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for k, v in out.items():
        if isinstance(v, dict):
            v = " ".join(f"{a}={b}" for a, b in v.items())
        print(f"{k:<14} {v}")
