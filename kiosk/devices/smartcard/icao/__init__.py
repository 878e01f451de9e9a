"""ICAO Doc 9303 e-passports: MRZ, Basic Access Control, secure messaging, LDS files and the
Document Security Object. Facts and test vectors: docs/reference/emrtd-bac.md."""
