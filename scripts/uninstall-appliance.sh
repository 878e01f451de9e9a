#!/usr/bin/env bash
# Removes the Yiban Kiosk appliance set up by install-appliance.sh (run as root). The data
# directory (/var/lib/kiosk: the outbox, reprints, statistics) stays unless --purge is given,
# and --purge refuses while applications are still waiting in the outbox.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "uninstall-appliance: run as root" >&2; exit 1; }
purge=0
[ "${1:-}" = "--purge" ] && purge=1
prefix=/opt/yiban-kiosk

systemctl disable --now kiosk.service kiosk-nightly-restart.timer >/dev/null 2>&1 || true
rm -f /etc/systemd/system/kiosk.service /etc/systemd/system/kiosk-nightly-restart.service \
  /etc/systemd/system/kiosk-nightly-restart.timer /etc/udev/rules.d/99-yiban-kiosk.rules \
  /etc/polkit-1/rules.d/50-yiban-kiosk.rules
systemctl daemon-reload
udevadm control --reload || true
systemctl enable getty@tty1.service >/dev/null 2>&1 || true

if [ "$purge" -eq 1 ]; then
  pending=$("$prefix/.venv/bin/kiosk" outbox status --config /etc/kiosk/kiosk.toml --json \
            2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["pending"])' \
            || echo 0)
  if [ "$pending" != "0" ]; then
    echo "uninstall-appliance: $pending application(s) not yet sent; not purging data" >&2
    exit 1
  fi
  rm -rf /var/lib/kiosk /etc/kiosk "$prefix"
  userdel kiosk 2>/dev/null || true
fi
echo "uninstall-appliance: done" >&2
