"""Pure data and rules: no I/O, no Qt, no device imports, nothing else of ours."""
