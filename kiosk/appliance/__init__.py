"""The kiosk as an appliance: systemd's notify protocol, metrics for the fleet, `kiosk doctor`."""
