"""The source files Python's line cache holds for no one.

Once PySide6 is imported it replaces `__import__`, and after every import its `__feature__`
support asks whether the new module uses PySide: it reads the module's whole source with
`inspect.getsource`, which keeps it in `linecache` — as one string per line — for the rest of
the process. Every module the kiosk imports after Qt (the core, pydantic, reportlab, pyHanko,
asn1crypto, numpy, OpenCV's bindings, the rule engine ...) ends up there: measured at the home
screen, 1,218 files and 17 million characters, about 34 MB of the process.

Nothing needs them: a traceback reads the lines it shows again from the file. So the kiosk
drops the entries read from files once its visits are loaded and after each visit (beside the
malloc trim), keeping those that cannot be read again (code generated at run time, registered
under a made-up file name)."""

from __future__ import annotations

import linecache


def forget_source_lines() -> int:
    """Drop the cached source of every file that can be read again; the number dropped."""
    dropped = 0
    for name, entry in list(linecache.cache.items()):
        # (size, mtime, lines, fullname) for a file read from disk; mtime None marks lines
        # registered by a program, a 1-tuple a lazy entry (a loader to ask later: no text)
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)
            dropped += 1
    return dropped
