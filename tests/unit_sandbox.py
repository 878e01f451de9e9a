"""Run a command inside the system-call sandbox of a systemd unit, as systemd applies it:

    /usr/bin/python3 tests/unit_sandbox.py systemd/kiosk.service -- COMMAND [ARGS...]

`SystemCallFilter=` (an allow list, then `~` lines taken out of it, the groups expanded by
`systemd-analyze syscall-filter`), `SystemCallErrorNumber=` (what a refused call returns) and
`RestrictAddressFamilies=` (socket() of any other family refused) become one seccomp filter,
loaded with libseccomp (Debian's python3-seccomp, hence the system Python), then COMMAND is
executed under it. This machine runs no systemd as PID 1, so the tests start the kiosk this way
to show that its work gets done inside the unit's filter.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

import seccomp  # type: ignore[import-not-found]


def unit_values(unit: Path, key: str) -> list[str]:
    return [line.split("=", 1)[1].strip() for line in unit.read_text().splitlines()
            if line.startswith(f"{key}=")]


def syscall_groups() -> dict[str, list[str]]:
    listing = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True,
                             text=True, check=True, timeout=30).stdout
    groups: dict[str, list[str]] = {}
    current = ""
    for line in listing.splitlines():
        if line.startswith("@"):
            current = line.split()[0]
            groups[current] = []
        elif current and line.strip() and not line.strip().startswith("#"):
            groups[current].append(line.strip())
    return groups


def expand(items: list[str], groups: dict[str, list[str]]) -> set[str]:
    names: set[str] = set()
    for item in items:
        if item.startswith("@"):
            names |= expand(groups[item], groups)
        else:
            names.add(item)
    return names


def main() -> None:
    unit, command = Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
    groups = syscall_groups()
    allowed: set[str] = set()
    for value in unit_values(unit, "SystemCallFilter"):
        if value.startswith("~"):
            allowed -= expand(value[1:].split(), groups)
        else:
            allowed |= expand(value.split(), groups)
    refusal = getattr(errno, (unit_values(unit, "SystemCallErrorNumber") or ["EPERM"])[0])
    families = [getattr(socket, f) for v in unit_values(unit, "RestrictAddressFamilies")
                for f in v.split()]
    sandbox = seccomp.SyscallFilter(defaction=seccomp.ERRNO(refusal))
    for name in sorted(allowed - {"socket"}):
        with contextlib.suppress(RuntimeError, ValueError):  # a name this libseccomp or
            sandbox.add_rule(seccomp.ALLOW, name)  # architecture does not know
    for family in families:
        sandbox.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, int(family)))
    sandbox.load()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
