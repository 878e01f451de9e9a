#!/usr/bin/env bash
# Turns a fresh Debian 12 machine into a Yiban Kiosk appliance (run as root, from a checkout):
#   - the packages it needs (scripts/setup.sh's list, plus cage), the app in /opt/yiban-kiosk
#   - a "kiosk" system user; /etc/kiosk/kiosk.toml from the example (kept if present)
#   - the kiosk's secrets sealed to this machine in /etc/kiosk/credentials (scripts/seal-credentials;
#     kept if present)
#   - CUPS set to keep no printed document in its spool (PreserveJobFiles No)
#   - systemd units, udev rules and the polkit rule that lets the kiosk reboot the machine or
#     stop itself (nothing else); tty1 given to the kiosk instead of a login prompt
# Afterwards: edit /etc/kiosk/kiosk.toml, set a staff PIN (kiosk admin set-pin), reboot.
# docs/appliance.md describes the physical setup and each step.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "install-appliance: run as root" >&2; exit 1; }
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix=/opt/yiban-kiosk

echo "install-appliance: packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends cage rsync polkitd >/dev/null

echo "install-appliance: the app in $prefix" >&2
mkdir -p "$prefix"
rsync -a --delete --exclude .venv --exclude artifacts --exclude '.git' "$src/" "$prefix/"
KIOSK_APPLIANCE=1 "$prefix/scripts/setup.sh"
# No virtual smart-card reader on a real kiosk: vpcd would listen on every interface for
# anyone on the network to "insert" a card.
if dpkg-query -W -f='${Status}' vsmartcard-vpcd 2>/dev/null | grep -q "install ok installed"; then
  apt-get purge -y -qq vsmartcard-vpcd >/dev/null
fi

echo "install-appliance: user, configuration, sealed credentials" >&2
# no device groups: the udev rules give the kiosk exactly its devices (docs/appliance.md)
id kiosk >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/kiosk-home \
  --shell /usr/sbin/nologin kiosk
for group in video input render dialout lp; do  # an older install added these
  if id -nG kiosk | tr ' ' '\n' | grep -qx "$group"; then gpasswd -d kiosk "$group" >/dev/null; fi
done
install -d -m 0755 /etc/kiosk
[ -f /etc/kiosk/kiosk.toml ] || install -m 0644 "$prefix/kiosk/defaults/example.toml" /etc/kiosk/kiosk.toml
"$prefix/scripts/seal-credentials" /etc/kiosk/credentials
install -d -m 0700 -o kiosk -g kiosk /var/lib/kiosk

echo "install-appliance: CUPS keeps no printed document in its spool" >&2
# (the kiosk also purges each of its jobs when it ends: kiosk/devices/printers/document_printer.py)
if grep -q '^PreserveJobFiles' /etc/cups/cupsd.conf; then
  sed -i 's/^PreserveJobFiles.*/PreserveJobFiles No/' /etc/cups/cupsd.conf
else
  printf '# Yiban Kiosk: no printed document (names, ID numbers) stays in the spool\nPreserveJobFiles No\n' \
    >> /etc/cups/cupsd.conf
fi
systemctl try-restart cups.service >/dev/null 2>&1 || true

echo "install-appliance: systemd units, udev rules, polkit rule" >&2
install -m 0644 "$prefix"/systemd/kiosk.service "$prefix"/systemd/kiosk-nightly-restart.service \
  "$prefix"/systemd/kiosk-nightly-restart.timer /etc/systemd/system/
install -m 0644 "$prefix/systemd/99-yiban-kiosk.rules" /etc/udev/rules.d/
install -d -m 0755 /etc/polkit-1/rules.d
install -m 0644 "$prefix/systemd/50-yiban-kiosk.rules" /etc/polkit-1/rules.d/
udevadm control --reload && udevadm trigger || true
systemctl daemon-reload
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
systemctl set-default graphical.target >/dev/null
systemctl enable kiosk.service pcscd.socket cups.service >/dev/null
echo "install-appliance: done. Next: edit /etc/kiosk/kiosk.toml, run" >&2
echo "  $prefix/.venv/bin/kiosk admin set-pin --config /etc/kiosk/kiosk.toml --staff <id>" >&2
echo "  $prefix/.venv/bin/kiosk doctor --config /etc/kiosk/kiosk.toml" >&2
echo "then reboot (optional nightly restart: systemctl enable kiosk-nightly-restart.timer)." >&2
