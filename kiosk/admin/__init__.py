"""Maintenance staff: PINs with lockout, the audit log of admin actions, statistics."""
