"""Smart cards over PC/SC (pyscard): social security cards and ICAO 9303 e-passports."""
