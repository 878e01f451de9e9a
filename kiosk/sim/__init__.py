"""Simulators that are not tied to one device package: the hub that starts what a config needs,
and (in later issues) the simulated government backend with its sample citizens."""
