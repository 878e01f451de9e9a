"""Flows: the steps a citizen goes through, talking to devices, documents and services."""
