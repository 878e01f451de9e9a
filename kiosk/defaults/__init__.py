"""Configuration files shipped with the package: simulated.toml and example.toml."""
