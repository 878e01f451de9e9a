"""The camera face check (人证核验): detection, liveness and matching behind small interfaces,
on OpenCV's own face API (YuNet + SFace). Face data stays in memory, never on disk, and is
cleared after each check; only pass/fail leaves this package."""
