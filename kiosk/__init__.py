"""Yiban Kiosk (易办自助终端): software for government self-service terminals."""

__version__ = "0.1.0"
