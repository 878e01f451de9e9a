#!/usr/bin/env bash
# Sets up everything Yiban Kiosk needs on a Debian 12 machine, idempotently:
# the Debian packages (only those missing), a virtualenv in .venv and the kiosk package in it.
# Run as root (or with sudo) on a fresh machine; later runs take a few seconds.
# KIOSK_APPLIANCE=1 (set by install-appliance.sh) leaves out vsmartcard-vpcd: its virtual
# reader serves only the simulators, and vpcd listens on every network interface; and the
# test tools (the package's `dev` extras).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

debs=(
  gcc python3-dev python3-venv ca-certificates systemd
  pcscd libpcsclite-dev
  cups cups-client printer-driver-cups-pdf libcups2-dev
  fonts-wqy-microhei fonts-wqy-zenhei fonts-hanazono poppler-utils
  libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libgssapi-krb5-2 libpulse0 libspeechd2 libxrandr2 procps espeak-ng
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
)
# the tests run the app inside kiosk.service's seccomp filter (tests/unit_sandbox.py)
[ "${KIOSK_APPLIANCE:-0}" = 1 ] || debs+=(python3-seccomp)
# vsmartcard-vpcd serves only the simulators; chromium is the staff console's browser in the
# remote-help test (tests/ui/test_remote_help.py) and the demo
[ "${KIOSK_APPLIANCE:-0}" = 1 ] || debs+=(vsmartcard-vpcd chromium)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian starts cupsd/pcscd as services on install; the kiosk's tests run their own by PID.
# Stop the packaged ones where systemd runs them, so the fixed pcscd socket is free.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl stop pcscd.socket pcscd.service 2>/dev/null || true
fi

py="${PYTHON:-python3}"
stamp=".venv/.kiosk-installed"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($py --version)" >&2
  "$py" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv (first time: a few minutes)" >&2
  .venv/bin/python -m pip install -q --upgrade pip
  # an appliance runs the kiosk, not its tests: no test tools in its environment (they also
  # pull in libraries the kiosk would then load, e.g. rich through structlog: ~5 MB)
  if [ "${KIOSK_APPLIANCE:-0}" = 1 ]; then target="."; else target=".[dev]"; fi
  .venv/bin/python -m pip install -q -e "$target"
  touch "$stamp"
fi
# the kiosk's own modules compiled ahead (pip compiles the libraries it installs, not an
# editable package): otherwise a machine that sets PYTHONDONTWRITEBYTECODE, or an appliance
# whose code the kiosk's user cannot write, compiles ~100 modules again at every start
# (~0.1 s of the first frame). Quick when nothing changed; a changed file is compiled again.
.venv/bin/python -m compileall -q -j 0 kiosk >/dev/null
# SFace's weights dequantized once here rather than at every citizen's face check (quick
# when already done; without it the kiosk loads the shipped int8 file, ~0.2 s slower a visit)
.venv/bin/python -m kiosk.face.prepared_models >&2 || \
  echo "setup: the face models were not prepared; the kiosk works without (slower load)" >&2
