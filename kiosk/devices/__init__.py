"""Devices: one package per kind, each with its codec, real adapter and simulator side by side.

The shared parts are here: `Device` (what every adapter does), `DeviceStatus` (a value, not an
exception), the `DeviceError` hierarchy, the registry that builds adapters from config, and the
`DeviceMonitor` that polls health and brings lost devices back (hot-plug).
"""
